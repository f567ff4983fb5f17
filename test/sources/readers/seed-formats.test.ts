import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/sources/read.ts';
import { fixture, labelledSeed, SEED_BLOG_URL, SEED_PUBLISHED, seedFragment } from './fixtures.ts';

const labelled = labelledSeed();

const SEED_FORMATS = [
  {
    file: 'feeds/seed-jsonld.html',
    format: 'jsonld',
    idOf: (f: string) => `${SEED_BLOG_URL}#${f}`,
  },
  { file: 'feeds/seed-rss.xml', format: 'rss', idOf: (f: string) => `example-news:liveblog:${f}` },
  {
    file: 'feeds/seed-atom.xml',
    format: 'atom',
    idOf: (f: string) => `tag:news.example.com,2024-11-18:liveblog/${f}`,
  },
  {
    file: 'feeds/seed-feed.json',
    format: 'jsonfeed',
    idOf: (f: string) => `example-news:liveblog:${f}`,
  },
] as const;

describe.each(SEED_FORMATS)('the seed live blog as $format', ({ file, format, idOf }) => {
  const result = readDocument(fixture(file), { source: `${SEED_BLOG_URL}/${format}` });

  it('is recognised from its content', () => {
    expect(result.format).toBe(format);
    expect(result.warnings).toEqual([]);
  });

  it('gives exactly the ten labelled updates, newest first, with their titles and bodies', () => {
    expect(result.updates).toHaveLength(10);
    result.updates.forEach((update, index) => {
      expect(update.title).toBe(labelled[index]?.title);
      expect(update.body).toBe(labelled[index]?.body);
    });
  });

  it("keeps the format's own ids, each carrying its #post-NNNNNN fragment", () => {
    result.updates.forEach((update, index) => {
      expect(update.id).toBe(idOf(seedFragment(index)));
      expect(update.url).toBe(`${SEED_BLOG_URL}#${seedFragment(index)}`);
    });
  });

  it('dates every update in UTC and names its source; nothing is pinned', () => {
    expect(result.updates.map((update) => update.published)).toEqual(SEED_PUBLISHED);
    for (const update of result.updates) {
      expect(update.source).toBe(`${SEED_BLOG_URL}/${format}`);
      expect(update.pinned).toBe(false);
    }
  });
});

describe('one update read from every format', () => {
  it('is the same text whichever format served it', () => {
    const bodies = SEED_FORMATS.map(
      ({ file }) => readDocument(fixture(file), { source: file }).updates[1]?.body,
    );
    expect(new Set(bodies).size).toBe(1);
    // The related-article card of #post-581309 is part of the update's text.
    expect(bodies[0]).toContain('out of the Trump Administration');
  });
});
