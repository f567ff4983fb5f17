import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReadError, type ReadResult, readDocument } from '../../../src/sources/read.ts';
import { FIXTURES, fixture } from './fixtures.ts';

const REAL = ['feeds', 'liveblogs', 'guardian-api'].flatMap((folder) =>
  readdirSync(`${FIXTURES}real/${folder}`).map((name) => `real/${folder}/${name}`),
);

/** Documents that are not (complete) feeds or live blogs, and why. */
const REJECTED: Record<string, RegExp> = {
  'real/feeds/marketwatch-not-a-feed-document-moved.html':
    /HTML page with no updates \(title: 'Document Moved'\)/,
  'real/feeds/reuters-mostread-rss2-truncated-server-error.xml': /cut off before its first entry/,
  'real/guardian-api/guardian-capi-item-response-liveblog-string-attrs.json': /LiveBlogPosting/,
  'real/guardian-api/guardian-capi-liveblog-blocks-benchmark.json': /LiveBlogPosting/,
  'real/guardian-api/guardian-dcr-block-arrays-key-events.json': /LiveBlogPosting/,
  'real/liveblogs/globalnews-kyiv-missile-attack-article-control.html':
    /^not a live blog: the page is an ordinary article \(NewsArticle\) with no live updates$/,
  'real/liveblogs/guardian-article-control-not-liveblog.html': /ordinary article \(NewsArticle\)/,
  'real/liveblogs/lefigaro-guerre-ukraine-frappes-article-control.html': /ordinary article/,
  'real/liveblogs/ukrainska-pravda-ru-article-control-cyrillic.html': /ordinary article/,
};

function attempt(path: string): ReadResult | unknown {
  try {
    return readDocument(fixture(path), { source: `https://example.org/${path}` });
  } catch (error) {
    return error;
  }
}

describe('every real-world document', () => {
  it('was found (the fixture folders are complete)', () => {
    expect(REAL.length).toBe(103);
  });

  it.each(REAL)('%s gives updates or a ReadError, nothing else', (path) => {
    const outcome = attempt(path);
    const expected = REJECTED[path];
    if (expected) {
      expect(outcome).toBeInstanceOf(ReadError);
      expect((outcome as ReadError).message).toMatch(expected);
      return;
    }
    if (outcome instanceof Error) throw outcome;
    const { updates } = outcome as ReadResult;
    expect(updates.length).toBeGreaterThanOrEqual(1);
    for (const update of updates) {
      expect(update.id).not.toBe('');
      expect(update.title.length + update.body.length).toBeGreaterThan(0);
      if (update.published) expect(update.published).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
      if (update.url) expect(update.url).toMatch(/^https?:\/\//);
    }
  });
});

describe('real live blogs', () => {
  it('reads all 428 updates of the Mirror blog, newest first', () => {
    const result = readDocument(
      fixture('real/liveblogs/mirror-uk-riots-liveblog-jsonld-428-updates.html'),
      { source: 'https://www.mirror.co.uk/news/uk-news/uk-riots-live-hotel-rotherham-33386398' },
    );
    expect(result.format).toBe('jsonld');
    expect(result.updates).toHaveLength(428);
    expect(result.updates[0]?.title).toBe('Loud bang heard at Plymouth scene');
    expect(result.updates[0]?.body).toMatch(/^Local reporters have said a "loud bang" was heard/);
    // +01:00 offsets and milliseconds become UTC.
    expect(result.updates[0]?.published).toBe('2024-08-05T20:00:18.921Z');
    expect(result.updates[0]?.url).toBe(
      'https://www.mirror.co.uk/news/uk-news/uk-riots-live-hotel-rotherham-33386398#751105',
    );
    const published = result.updates.map((update) => update.published ?? '');
    expect([...published].sort().reverse()).toEqual(published);
    for (const update of result.updates) expect(update.body).not.toMatch(/<\/?[a-z]+>|&quot;/);
  });

  it('reads the 9 Express updates, entities in their plain text decoded', () => {
    const result = readDocument(
      fixture('real/liveblogs/express-royals-liveblog-jsonld-9-updates.html'),
      { source: 'https://www.express.co.uk/news/royal/1924698' },
    );
    expect(result.updates).toHaveLength(9);
    expect(result.updates[0]?.body).toMatch(/^Meghan Markle's mum, Doria Ragland/);
    // Its single newlines between paragraphs become blank lines.
    expect(result.updates[0]?.body).toContain('around.\n\nDoria, 67,');
  });

  it.each([
    ['guardian-dcr-fe-liveblog-perseverance-2021.json', 13],
    ['guardian-dcr-fe-liveblog-pmqs-politics-2023.json', 11],
  ])('finds the LiveBlogPosting inside the Guardian page model %s', (name, count) => {
    const result = readDocument(fixture(`real/guardian-api/${name}`), { source: name });
    expect(result.format).toBe('jsonld');
    expect(result.updates).toHaveLength(count);
    // Guardian repeats the blog headline on every update: that is not the update's title.
    const titles = new Set(result.updates.map((update) => update.title));
    expect(titles.size).toBeGreaterThan(count / 2);
    expect(result.updates[0]?.id).toMatch(/^[0-9a-f]{24}$/);
  });
});
