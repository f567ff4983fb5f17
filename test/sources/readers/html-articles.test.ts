import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/sources/read.ts';
import { fixture, fixtureText, labelledSeed, SEED_BLOG_URL, SEED_PUBLISHED } from './fixtures.ts';

const labelled = labelledSeed();

/** The same page without its JSON-LD: only the markup says where the updates are. */
function withoutJsonLd(path: string): Uint8Array {
  const html = fixtureText(path).replace(
    /<script type="application\/ld\+json">[\s\S]*?<\/script>/g,
    '',
  );
  return new TextEncoder().encode(html);
}

describe('update blocks in the markup (no LiveBlogPosting)', () => {
  const result = readDocument(withoutJsonLd('feeds/seed-jsonld.html'), { source: SEED_BLOG_URL });
  const fromJsonLd = readDocument(fixture('feeds/seed-jsonld.html'), { source: SEED_BLOG_URL });

  it('reads the liveblog-update articles with the labelled titles and bodies', () => {
    expect(result.format).toBe('html-articles');
    expect(result.updates.map((update) => update.title)).toEqual(labelled.map((u) => u.title));
    expect(result.updates.map((update) => update.body)).toEqual(labelled.map((u) => u.body));
    expect(result.updates.map((update) => update.published)).toEqual(SEED_PUBLISHED);
  });

  it('gives the same ids and permalinks as the JSON-LD of the same page', () => {
    expect(result.updates.map((u) => u.id)).toEqual(fromJsonLd.updates.map((u) => u.id));
    expect(result.updates.map((u) => u.url)).toEqual(fromJsonLd.updates.map((u) => u.url));
  });

  it('leaves out the page chrome around the updates and the share links inside them', () => {
    const text = result.updates.map((update) => update.body).join('\n');
    expect(text).not.toMatch(/cookies|Share this update|Subscribe|Log in/);
  });

  it('takes the pinned Key points from data-pinned / the --pinned class', () => {
    const t0 = readDocument(withoutJsonLd('feeds/seed-sequence/t0.html'), {
      source: SEED_BLOG_URL,
    });
    expect(t0.updates[0]?.id).toBe(`${SEED_BLOG_URL}#key-points`);
    expect(t0.updates.map((update) => update.pinned)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('a live-blog page with neither JSON-LD nor update classes', () => {
  it('is split from its visible text by times and headlines, chrome dropped', () => {
    const html = new TextDecoder()
      .decode(withoutJsonLd('feeds/seed-jsonld.html'))
      .replace(/liveblog-update/g, 'entry');
    const result = readDocument(new TextEncoder().encode(html), { source: SEED_BLOG_URL });
    expect(result.format).toBe('text');
    expect(result.updates.map((update) => update.title)).toEqual(labelled.map((u) => u.title));
    expect(result.updates.map((update) => update.body)).toEqual(labelled.map((u) => u.body));
  });
});

describe('news tickers whose entries are headings starting with a time', () => {
  it('reads the seven BR24 entries, titles without their time', () => {
    const result = readDocument(
      fixture('real/liveblogs/br24-nahost-newsticker-no-liveblogposting.html'),
      { source: 'https://www.br.de/nachrichten/deutschland-welt/nahost-ticker' },
    );
    expect(result.format).toBe('html-articles');
    expect(result.updates).toHaveLength(7);
    expect(result.updates[0]?.title).toBe(
      'Ultraorthodoxe jüdische Zeitung lehnt Tempelberg-Aussagen von Sicherheitsminister ab',
    );
    for (const update of result.updates) expect(update.body.length).toBeGreaterThan(40);
    // The day heading and the "related articles" box end the entries before them.
    const all = result.updates.map((update) => update.body).join('\n');
    expect(all).not.toContain('Dienstag, 27. August 2024');
    expect(all).not.toContain('Das könnte Sie auch interessieren');
  });

  it("reads NZZ's time headings grouped under weekdays, with the CMS ids as anchors", () => {
    const result = readDocument(
      fixture('real/liveblogs/nzz-israel-gaza-rolling-ticker-newsarticle.html'),
      { source: 'https://www.nzz.ch/international/israel-gaza-news' },
    );
    expect(result.format).toBe('html-articles');
    expect(result.updates.length).toBeGreaterThanOrEqual(10);
    expect(result.updates[0]?.title).toBe(
      'Israelische Drohne tötet offenbar libanesischen Extremisten',
    );
    expect(result.updates[0]?.body).toMatch(/^Bei einem mutmasslich israelischen Drohnenangriff/);
    expect(result.updates[0]?.url).toMatch(/^https:\/\/www\.nzz\.ch\/.*#id-doc-/);
    const all = result.updates.map((update) => update.body).join('\n');
    expect(all).not.toMatch(/Mittwoch, 17\./);
  });
});
