import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { UpdateSchema } from '../../src/core/update.ts';
import { ReadError, type ReadResult, readDocument } from '../../src/sources/read.ts';
import { FIGURE_PREFIX } from '../support/summary-reporter.ts';
import { describeMutation, mutate, mutationArbitrary } from './support-mutations.ts';
import { randomDocuments } from './support-random-documents.ts';

/**
 * A hang guard, not a benchmark: 10 s per MB, at least 15 s per document. A linear reader
 * stays far below even with a dozen processes sharing two cores (the slowest seen there: a
 * 1.5 MB document in 5.3 s, against 3 s when the guard was 2 s per MB); a quadratic one on a
 * 5 MB document takes many minutes.
 */
const boundFor = (bytes: number) => Math.max(15_000, 10_000 * (bytes / 1_000_000));

/** Real documents of every format, small and large, clean and quirky. */
const SEEDS = [
  'feeds/seed-rss.xml',
  'feeds/seed-atom.xml',
  'feeds/seed-feed.json',
  'feeds/seed-jsonld.html',
  'feeds/seed-sequence/t2.html',
  'seed/seed-liveblog.txt',
  'real/feeds/biorxiv-rdf-rss1-prism-cdata.xml',
  'real/feeds/dicas-l-br-rss091-iso8859-1.xml',
  'real/feeds/qq-news-cn-rss2-gb2312-nonrfc-dates.xml',
  'real/feeds/a10-rss2-bom-crlf-a10-namespace.xml',
  'real/feeds/pet-secret-shopper-atom-xhtml-title.xml',
  'real/feeds/reuters-mostread-rss2-truncated-server-error.xml',
  'real/feeds/daringfireball-jsonfeed-1.0.json',
  'real/guardian-api/guardian-capi-item-response-liveblog-string-attrs.json',
  'real/liveblogs/br24-nahost-newsticker-no-liveblogposting.html',
  'real/liveblogs/express-royals-liveblog-jsonld-9-updates.html',
].map((path) => ({
  path,
  bytes: readFileSync(new URL(`../fixtures/${path}`, import.meta.url)),
}));
const DONORS = SEEDS.map((seed) => seed.bytes);

const CONTENT_TYPES = [
  undefined,
  'text/html',
  'application/json',
  'application/rss+xml; charset=gb2312',
  'text/plain; charset=utf-16',
  'text/html; charset=x-nonsense',
];

interface Timing {
  calls: number;
  slowestMs: number;
  slowest: string;
  read: number;
}

const timing: Timing = { calls: 0, slowestMs: 0, slowest: '', read: 0 };

/**
 * Reads a document the way the poller does and checks the promise readDocument makes:
 * updates that satisfy the Update schema, or a ReadError of one honest sentence that is
 * not an internal error in disguise; and an answer within the bound.
 */
function readChecked(
  bytes: Uint8Array,
  what: string,
  contentType?: string,
): ReadResult | undefined {
  const started = performance.now();
  let result: ReadResult | undefined;
  let thrown: unknown;
  try {
    result = readDocument(bytes, {
      source: 'https://news.example/live',
      ...(contentType ? { contentType } : {}),
    });
  } catch (error) {
    thrown = error;
  }
  const elapsed = performance.now() - started;
  timing.calls += 1;
  if (elapsed > timing.slowestMs) {
    timing.slowestMs = elapsed;
    timing.slowest = `${what} (${bytes.length} bytes)`;
  }
  expect(elapsed, `${what} took ${elapsed.toFixed(0)} ms`).toBeLessThan(boundFor(bytes.length));
  if (thrown !== undefined) {
    expect(thrown, `${what} threw ${String(thrown)}`).toBeInstanceOf(ReadError);
    const message = (thrown as ReadError).message;
    // readDocument wraps unexpected exceptions; one showing up here is a reader bug.
    expect(message, what).not.toMatch(/^could not read the document:/);
    expect(message.length).toBeGreaterThan(10);
    return undefined;
  }
  timing.read += 1;
  for (const update of result?.updates ?? []) UpdateSchema.parse(update);
  return result;
}

describe('readDocument on damaged real documents and random ones', () => {
  afterAll(() => {
    console.log(
      `${FIGURE_PREFIX}parser fuzz: ${timing.calls} hostile documents read, ${timing.read} yielded updates; slowest ${timing.slowestMs.toFixed(0)} ms (hang guard 10 s per MB, at least 15 s): ${timing.slowest}`,
    );
  });

  it('reads every seed document, covering every format', () => {
    const formats = new Set(SEEDS.map((seed) => readChecked(seed.bytes, seed.path)?.format));
    formats.delete(undefined);
    expect([...formats].sort()).toEqual(
      ['atom', 'html-articles', 'jsonfeed', 'jsonld', 'rss', 'text'].sort(),
    );
  });

  it('throws only ReadError, within the bound, for mutated real documents', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(mutationArbitrary(DONORS.length), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...CONTENT_TYPES),
        (seed, mutations, contentType) => {
          const source = SEEDS[seed]!;
          const bytes = mutate(source.bytes, mutations, DONORS);
          readChecked(
            bytes,
            `${source.path}: ${mutations.map(describeMutation).join(', ')}`,
            contentType,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws only ReadError, within the bound, for random documents of every format', () => {
    for (const [format, arbitrary] of Object.entries(randomDocuments)) {
      fc.assert(
        fc.property(arbitrary, fc.constantFrom(...CONTENT_TYPES), (text, contentType) => {
          readChecked(Buffer.from(text), `random ${format}`, contentType);
        }),
        { numRuns: 60 },
      );
    }
  });

  // Runs after the fuzzing on purpose: warmed up by it, V8 once compiled the markup-depth
  // scan into a quadratic one, and the page of stray "<" took a minute instead of 0.5 s.
  it('stays within the bound on the worst shapes at full size', () => {
    const fiveMb = 5_000_000;
    const shapes: Record<string, string> = {
      'unclosed CDATA in RSS': `<rss><channel><item><title><![CDATA[${'x'.repeat(fiveMb - 50)}`,
      'unclosed comment in HTML': `<html><body><!--${'<p>x</p>'.repeat(fiveMb / 8 - 10)}`,
      '& storm in Atom': `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>${'&'.repeat(fiveMb - 80)}`,
      'one 5 MB attribute': `<html><body><article class="${'a '.repeat(fiveMb / 2 - 40)}">x</article>`,
      'tags without ends': `<html><body>${'<p><span>'.repeat(fiveMb / 9 - 10)}`,
      'stray < everywhere': `<rss><channel><item><title>${'< '.repeat(fiveMb / 2 - 40)}`,
      'one line of words': `${'word '.repeat(fiveMb / 5 - 1)}`,
      'JSON string of escapes': `{"version":"https://jsonfeed.org/version/1.1","items":[{"content_text":"${'\\n'.repeat(fiveMb / 2 - 80)}"}]}`,
      'JSON-LD blocks by the thousand': `<html><head>${'<script type="application/ld+json">{"@type":"LiveBlogPosting","liveBlogUpdate":[{"@type":"BlogPosting","articleBody":"x"}]}</script>'.repeat(25_000)}`,
    };
    for (const [what, text] of Object.entries(shapes)) readChecked(Buffer.from(text), what);
  });
});
