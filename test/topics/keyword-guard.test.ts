import { describe, expect, test } from 'vitest';
import { LABELLED_FILES, loadLabelled } from '../../src/topics/accuracy.ts';
import { parseGuildTopic } from '../../src/topics/guild-topic.ts';
import {
  corpusBreadth,
  isTooBroad,
  normalisedKeyword,
  tooShortKeywords,
} from '../../src/topics/keyword-guard.ts';

const topic = (keywords: string, exclude?: string) =>
  parseGuildTopic({ name: 'T', keywords, ...(exclude ? { exclude } : {}) });

describe('keywords shorter than two letters or digits once normalised', () => {
  test('a pattern that reduces to one letter is caught, with what it reads as', () => {
    expect(normalisedKeyword('.*(a+)+$')).toBe('a');
    expect(tooShortKeywords(topic('Kharkiv, .*(a+)+$'))).toEqual([
      { keyword: '.*(a+)+$', reads: 'a' },
    ]);
    expect(tooShortKeywords(topic('я!'))).toEqual([{ keyword: 'я!', reads: 'я' }]);
    expect(tooShortKeywords(topic('Kyiv', '~x~'))).toEqual([{ keyword: '~x~', reads: 'x' }]);
  });

  test('short but real words, abbreviations and model numbers pass', () => {
    for (const keywords of ['EU', 'ЗСУ', 'F-16', 'ОН', 'Київ', 'S-300', '112']) {
      expect(tooShortKeywords(topic(keywords)), keywords).toEqual([]);
    }
  });
});

describe('share of the labelled corpus a keyword topic matches', () => {
  const corpus = [
    { title: 'Sirens in Kharkiv', body: 'Air-raid alert.' },
    { title: 'Aid for Kharkiv', body: 'Convoy arrives.' },
    { title: 'Talks in Geneva', body: 'Ministers meet.' },
    { title: 'Grain deal', body: 'Ships leave Odesa.' },
    { title: 'Cup final', body: 'Kharkiv football side wins the cup.' },
  ];

  test('counts updates, not keyword hits, and names the keywords that matched most', () => {
    const breadth = corpusBreadth(topic('Kharkiv, Odesa, Lviv'), corpus);
    expect(breadth).toEqual({
      matched: 4,
      total: 5,
      byKeyword: [
        { keyword: 'Kharkiv', updates: 3 },
        { keyword: 'Odesa', updates: 1 },
      ],
    });
    expect(isTooBroad(breadth)).toBe(true);
  });

  test('exclusions count: a topic is measured as it would alert', () => {
    const breadth = corpusBreadth(topic('Kharkiv', 'football, aid'), corpus);
    expect(breadth.matched).toBe(1);
  });

  test('exactly a quarter is allowed; more is refused; an empty corpus refuses nothing', () => {
    expect(isTooBroad({ matched: 1, total: 4, byKeyword: [] })).toBe(false);
    expect(isTooBroad({ matched: 26, total: 100, byKeyword: [] })).toBe(true);
    expect(isTooBroad({ matched: 0, total: 0, byKeyword: [] })).toBe(false);
  });

  test('on the project’s labelled files, function words are refused and a city is not', async () => {
    expect(LABELLED_FILES.length).toBeGreaterThan(0);
    const labelled = await loadLabelled();
    expect(isTooBroad(corpusBreadth(topic('the, and, та, на, что'), labelled))).toBe(true);
    expect(isTooBroad(corpusBreadth(topic('Kharkiv, Харків, Харьков'), labelled))).toBe(false);
  });
});
