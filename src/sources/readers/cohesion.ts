/**
 * Lexical cohesion between paragraphs: how much of a paragraph's distinctive vocabulary
 * (weighted by rarity on the page, so "Ukraine" on a Ukraine live blog counts for little)
 * it shares with other text.
 */

const STOPWORDS = new Set(
  (
    'that this with from have been were will would could should said says told their there ' +
    'they them which what when where about after also into than then some more most other ' +
    'such only over very just like while because before being both each many much even back ' +
    'week since among under between year years today yesterday'
  ).split(' '),
);

export function termsOf(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[’']s\b/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => (word.length >= 4 || /\d/.test(word)) && !STOPWORDS.has(word)),
  );
}

export class CohesionModel {
  private readonly documentFrequency = new Map<string, number>();
  private readonly count: number;

  constructor(paragraphs: readonly string[]) {
    this.count = Math.max(paragraphs.length, 1);
    for (const paragraph of paragraphs) {
      for (const term of termsOf(paragraph)) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
  }

  private weight(term: string): number {
    return Math.log(this.count / (this.documentFrequency.get(term) ?? 1));
  }

  /** Share (0…1) of the paragraph's weighted terms that also occur in `other`. */
  similarity(paragraph: ReadonlySet<string>, other: ReadonlySet<string>): number {
    let shared = 0;
    let total = 0;
    for (const term of paragraph) {
      const weight = this.weight(term);
      total += weight;
      if (other.has(term)) shared += weight;
    }
    return total > 0 ? shared / total : 0;
  }
}
