/**
 * Whether a paragraph of scraped live-blog text continues the update before it or opens
 * a new one — the cues an editor reads: quotes and pronouns continue, "Mr X" refers back
 * to someone already introduced, a wire-style lede ("…, the minister has warned.") opens,
 * and a paragraph that shares nothing distinctive with the update so far opens too.
 */

export type Link = 'continues' | 'opens';

const OPENING_QUOTE = /^["“‘'«„—–[]/;
const CONNECTIVE =
  /^(?:he|she|they|it|its|his|her|their|this (?:is|was|comes|came|follows)|that|these|those|but|and|or|so|yet|still|however|although|though|while|whereas|meanwhile|also|as|then|there|here|in (?:the meantime|addition|response|a statement|an interview|a post)|additionally|furthermore|moreover|separately|earlier|later|previously|adding|speaking|asked|according|it came|last (?:week|month|year)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|our)\b/i;
const HONORIFIC = /\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof)\.? (\p{Lu}[\p{L}'’-]+)/gu;
/** Verbs of a news lede's attribution ("…, Zelensky has warned." / "X has told MPs that…"). */
const SAYING =
  '(?:said|says|warned|warns|told|claimed|claims|announced|confirmed|insisted|stated|urged|revealed|reported|admitted|denied|vowed|pledged|added|suggested|argued|accused)';
const TRAILING_ATTRIBUTION = new RegExp(
  `,\\s+(?:[^,.;:“”"]{2,80}?)\\s+(?:has\\s+|have\\s+)?${SAYING}(?:\\s+[^,.;:“”"]{1,40})?[.!]["”’]?$`,
  'u',
);
const LEADING_ATTRIBUTION = new RegExp(`^[^,.;:“”"]{3,80}?,?\\s+(?:has|have)\\s+${SAYING}\\b`, 'u');
/** A paragraph that starts by naming someone in full ("Donald Trump Jr took…"). */
const NAMED_SUBJECT = /^(\p{Lu}[\p{L}'’.-]+)((?:\s+\p{Lu}[\p{L}'’.-]*)+)/u;
const NOT_A_NAME = new Set(
  (
    'The A An In On At As But And It This That He She They We Our His Her Their Its After ' +
    'Before When While If Since For From With Without By Of To Meanwhile However Also Earlier ' +
    'Later Last Next Some Many More Most All Both Each Mr Mrs Ms Dr'
  ).split(' '),
);
const PRONOUN_SUBJECT = /^(?:he|she|they|it|we|i|mr|mrs|ms|dr|the spokesperson|the official)\b/i;

/** The first sentence, enough to judge a lede. */
export function leadSentence(paragraph: string): string {
  const slice = paragraph.slice(0, 600);
  const end = /[.!?]["”’]?(?=\s+["“‘]?\p{Lu})/u.exec(slice);
  return end ? slice.slice(0, end.index + end[0].length) : slice;
}

/** The words of a text, as a set to look names up in. */
export function wordsOf(text: string): Set<string> {
  return new Set(text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean));
}

/** Surnames that "Mr X" / "Ms X" in `paragraph` refer back to and `earlier` introduced. */
function refersBack(paragraph: string, earlier: ReadonlySet<string>): boolean {
  for (const match of leadSentence(paragraph).matchAll(HONORIFIC)) {
    const surname = match[1];
    if (surname && earlier.has(surname.replace(/[’']s$/, ''))) return true;
  }
  return false;
}

function opensLikeALede(paragraph: string): boolean {
  const lead = leadSentence(paragraph);
  const trailing = TRAILING_ATTRIBUTION.exec(lead);
  if (trailing) {
    const subject = trailing[0].replace(/^,\s+/, '');
    if (!PRONOUN_SUBJECT.test(subject)) return true;
  }
  const leading = LEADING_ATTRIBUTION.exec(lead);
  return leading !== null && !PRONOUN_SUBJECT.test(leading[0]);
}

/** Someone introduced by full name whose surname the update has not mentioned yet. */
function introducesSomeoneNew(paragraph: string, update: ReadonlySet<string>): boolean {
  const match = NAMED_SUBJECT.exec(paragraph);
  if (!match?.[1] || NOT_A_NAME.has(match[1])) return false;
  const names = `${match[1]}${match[2] ?? ''}`.split(/\s+/);
  const surname = names.filter((name) => !/^(?:Jr|Sr|II|III)\.?$/.test(name)).pop() ?? '';
  return surname.length > 1 && !update.has(surname.replace(/[’']s$/, ''));
}

/** Strong cues only; undefined when the paragraph itself does not say. */
export function linkByCues(
  paragraph: string,
  previous: string,
  update: ReadonlySet<string>,
): Link | undefined {
  if (/:\s*$/.test(previous)) return 'continues';
  if (OPENING_QUOTE.test(paragraph)) return 'continues';
  if (refersBack(paragraph, update)) return 'continues';
  if (opensLikeALede(paragraph)) return 'opens';
  if (CONNECTIVE.test(paragraph)) return 'continues';
  if (/^\p{Lu}\p{Ll}+ing\b[^,.;:]{2,120},\s/u.test(paragraph)) return 'continues';
  if (introducesSomeoneNew(paragraph, update)) return 'opens';
  return undefined;
}
