import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/sources/read.ts';
import { fixture, fixtureText, labelledSeed } from './fixtures.ts';

const labelled = labelledSeed();
const boilerplate = fixtureText('seed/seed-boilerplate.txt')
  .split('\n')
  .filter((line) => line.trim() !== '');

function readText(text: string) {
  return readDocument(new TextEncoder().encode(text), { source: '/tmp/scraped.txt' });
}

describe('the scraped seed live blog (plain text)', () => {
  const result = readDocument(fixture('seed/seed-liveblog.txt'), { source: 'seed-liveblog.txt' });

  it('is split into the ten labelled updates with their exact bodies', () => {
    expect(result.format).toBe('text');
    expect(result.updates.map((update) => update.body)).toEqual(labelled.map((u) => u.body));
  });

  it('keeps no line of site chrome in any update', () => {
    for (const update of result.updates) {
      for (const line of boilerplate) expect(update.body).not.toContain(line);
    }
    expect(result.warnings.join(' ')).toMatch(/dropped \d+ lines of site chrome/);
  });

  it("leaves out the page's standfirst, which is no update", () => {
    const all = result.updates.map((update) => update.body).join('\n');
    expect(all).not.toContain('North Korean forces alleged to be among those stationed');
  });

  it('titles each update with its first sentence, cut short at a word', () => {
    expect(result.updates[1]?.title).toMatch(/^Donald Trump Jr took a swipe at Volodymyr Zelensky/);
    for (const update of result.updates) {
      expect(update.title.length).toBeLessThanOrEqual(120);
      expect(update.body.startsWith(update.title.replace(/…$/, ''))).toBe(true);
    }
  });

  it('gives the same ids on every run, and a different id to every update', () => {
    const again = readDocument(fixture('seed/seed-liveblog.txt'), { source: 'seed-liveblog.txt' });
    expect(again.updates.map((u) => u.id)).toEqual(result.updates.map((u) => u.id));
    expect(new Set(result.updates.map((u) => u.id)).size).toBe(10);
    for (const update of result.updates) expect(update.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps an update id when later paragraphs are added to it', () => {
    const text = fixtureText('seed/seed-liveblog.txt');
    const amended = text.replace(
      'This isn’t just about how much we spend but it is how we spend it too.”',
      'This isn’t just about how much we spend but it is how we spend it too.”\nHe said more later.',
    );
    const before = result.updates[7];
    const after = readText(amended).updates.find((update) => update.id === before?.id);
    expect(after?.body).toContain('He said more later.');
  });
});

describe('scraped text with times and headlines', () => {
  it('starts an update at every time stamp and takes the line after it as the headline', () => {
    const text = [
      'Skip to content',
      '10:04',
      'Explosions heard in Kyiv',
      'Several blasts were heard across the capital early on Monday, officials said.',
      'Air defence units were active over the city.',
      '09:58',
      'Aid convoy reaches Kharkiv',
      'A convoy of twelve trucks carrying food and medicine arrived in Kharkiv.',
      'Share',
    ].join('\n');
    const result = readText(text);
    expect(result.updates.map((update) => update.title)).toEqual([
      'Explosions heard in Kyiv',
      'Aid convoy reaches Kharkiv',
    ]);
    expect(result.updates[0]?.body).toBe(
      'Several blasts were heard across the capital early on Monday, officials said.\n\nAir defence units were active over the city.',
    );
    expect(result.updates[1]?.body).not.toContain('Share');
  });

  it('reads "12.31 Uhr: headline" ticker lines as entries', () => {
    const result = readText(
      '12.31 Uhr: Waffenruhe gebrochen\nDie Armee meldet neuen Beschuss im Norden.\n11.02 Uhr: Hilfsgüter eingetroffen\nZwölf Lastwagen erreichten die Stadt.',
    );
    expect(result.updates.map((update) => update.title)).toEqual([
      'Waffenruhe gebrochen',
      'Hilfsgüter eingetroffen',
    ]);
  });

  it('rejects text that is nothing but chrome', () => {
    expect(() => readDocument(fixture('seed/seed-boilerplate.txt'), { source: 'x.txt' })).toThrow(
      /no updates/,
    );
  });
});
