import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError, readDocument } from '../../../src/sources/read.ts';
import { fixture, fixtureText } from './fixtures.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** Reads, and fails the test on anything thrown that is not a ReadError. */
function readOrReject(bytes: Uint8Array) {
  try {
    return readDocument(bytes, { source: 'https://example.com/live' });
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
    return undefined;
  }
}

describe('documents that are broken or hostile', () => {
  it('throws nothing but ReadError for random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        readOrReject(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('throws nothing but ReadError for random text behind a format preamble', () => {
    const preambles = [
      '<?xml version="1.0"?><rss><channel><item>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry>',
      '{"version":"https://jsonfeed.org/version/1.1","items":[',
      '<html><script type="application/ld+json">',
      '{"@type":"LiveBlogPosting","liveBlogUpdate":',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...preambles), fc.string({ maxLength: 500 }), (start, rest) => {
        readOrReject(encode(start + rest));
      }),
      { numRuns: 300 },
    );
  });

  it('throws nothing but ReadError for scraped-looking text', () => {
    const line = fc.oneof(
      fc.lorem({ maxCount: 30, mode: 'sentences' }),
      fc.lorem({ maxCount: 6, mode: 'words' }),
      fc.constantFrom(
        '10:04',
        'Log in',
        'Hi {{user}}',
        '“Quote',
        'Mr Smith said:',
        '12.31 Uhr: Titel',
        '',
      ),
      fc.string({ maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const result = readOrReject(encode(lines.join('\n')));
        for (const update of result?.updates ?? []) expect(update.body + update.title).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('says the document is empty, or binary', () => {
    expect(() => readDocument(new Uint8Array(), { source: 'x' })).toThrow(/empty/);
    expect(() => readDocument(encode('  \n\t '), { source: 'x' })).toThrow(/empty/);
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(() => readDocument(binary, { source: 'x' })).toThrow(/binary data/);
  });

  it('rejects invalid JSON with a clear sentence', () => {
    expect(() => readDocument(encode('{"items": [1, 2'), { source: 'x' })).toThrow(
      /looks like JSON but does not parse/,
    );
  });

  it('survives JSON nested 100,000 deep', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => readDocument(encode(deep), { source: 'x' })).toThrow(ReadError);
    const deepObject = `{"@type":"LiveBlogPosting","liveBlogUpdate":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
    expect(readOrReject(encode(deepObject))?.updates ?? []).toEqual([]);
  });

  it('refuses HTML or XML nested 100,000 deep, quickly', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}</body></html>`;
    expect(() => readDocument(encode(html), { source: 'x' })).toThrow(/nests more than/);
    const rss = `<rss><channel><item><title>t</title>${'<b>'.repeat(100_000)}</item></channel></rss>`;
    expect(() => readDocument(encode(rss), { source: 'x' })).toThrow(/nests more than/);
  });

  it('still reads an item whose escaped HTML nests 100,000 deep, as plain text', () => {
    const deep = `<rss><channel><item><title>t</title><description>${'&lt;b&gt;'.repeat(100_000)}x</description></item></channel></rss>`;
    expect(readOrReject(encode(deep))?.updates[0]?.body).toBe('x');
  });

  it('keeps the complete items before the cut of a truncated feed, wherever the cut is', () => {
    const rss = fixtureText('feeds/seed-rss.xml');
    const itemEnds = [...rss.matchAll(/<\/item>/g)].map((match) => match.index + 7);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: rss.length - 20 }), (cut) => {
        const complete = itemEnds.filter((end) => end <= cut).length;
        const result = readOrReject(encode(rss.slice(0, cut)));
        if (complete === 0) return;
        expect(result?.updates).toHaveLength(complete);
        expect(result?.warnings.join(' ')).toMatch(/truncated/);
        expect(result?.updates.every((update) => update.body.length > 0)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('caps a document at 1,000 updates and each body at about 20,000 characters', () => {
    const items = Array.from(
      { length: 1500 },
      (_, i) => `{"id":"u${i}","content_text":"${i} ${'word '.repeat(i === 0 ? 10_000 : 3)}"}`,
    );
    const feed = `{"version":"https://jsonfeed.org/version/1.1","items":[${items.join(',')}]}`;
    const result = readDocument(encode(feed), { source: 'x' });
    expect(result.updates).toHaveLength(1000);
    expect(result.updates[0]?.body.length).toBeLessThanOrEqual(20_000);
    expect(result.updates[0]?.body.endsWith('…')).toBe(true);
  });

  it('reads a 3 MB page of 200 JSON-LD updates', () => {
    const updates = Array.from({ length: 200 }, (_, i) => ({
      '@type': 'BlogPosting',
      '@id': `https://example.com/live#post-${200 - i}`,
      headline: `Update ${200 - i}`,
      articleBody: `<p>${'Crowds gathered outside the hall. '.repeat(30)}</p>`,
    }));
    const json = JSON.stringify({ '@type': 'LiveBlogPosting', liveBlogUpdate: updates });
    const filler = '<div class="x"><p>Unrelated <a href="/y">page</a> markup.</p></div>\n'.repeat(
      40_000,
    );
    const page = `<html><head><script type="application/ld+json">${json}</script></head><body>${filler}</body></html>`;
    expect(page.length).toBeGreaterThan(2_900_000);
    const result = readDocument(encode(page), { source: 'https://example.com/live' });
    expect(result.updates).toHaveLength(200);
    expect(result.updates[0]?.title).toBe('Update 200');
  });

  it('reads the truncated seed JSON-LD page only as far as its markup allows', () => {
    const html = fixtureText('feeds/seed-jsonld.html');
    const cut = html.indexOf('"liveBlogUpdate"') + 2000;
    const result = readOrReject(encode(html.slice(0, cut)));
    // The JSON-LD is broken, so the updates come from whatever markup there is, or none.
    if (result) expect(result.warnings.join(' ')).toMatch(/malformed JSON-LD/);
  });

  it('is not fooled by a huge run of characters that regexes could backtrack on', () => {
    const text = `${'a, '.repeat(30_000)}has warned.\n${'Mr. '.repeat(30_000)}\n${' '.repeat(100_000)}x`;
    readOrReject(encode(text));
    const seed = fixture('feeds/seed-jsonld.html');
    expect(readOrReject(seed)?.updates).toHaveLength(10);
  });
});
