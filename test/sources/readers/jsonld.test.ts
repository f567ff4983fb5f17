import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/sources/read.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const BLOG = 'https://news.example.com/live/storm';

function posting(id: string, extra: Record<string, unknown> = {}) {
  return {
    '@type': 'BlogPosting',
    '@id': `${BLOG}#${id}`,
    headline: `Headline ${id}`,
    articleBody: `Body of ${id}.`,
    datePublished: '2024-11-18T10:00:00+01:00',
    ...extra,
  };
}

function page(...blocks: string[]): Uint8Array {
  const scripts = blocks.map((block) => `<script type="application/ld+json">${block}</script>`);
  return encode(`<!doctype html><html><head>${scripts.join('\n')}</head><body></body></html>`);
}

const read = (bytes: Uint8Array) => readDocument(bytes, { source: BLOG });
const blog = (updates: unknown) =>
  JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    liveBlogUpdate: updates,
  });

describe('schema.org LiveBlogPosting in JSON-LD', () => {
  it('skips a malformed block among good ones, with a warning, and keeps the rest', () => {
    const result = read(
      page(
        '{"@type":"Organization","name":"Example News"}',
        '{"@type": "NewsArticle", "headline": "broken", }',
        blog([posting('post-2'), posting('post-1')]),
      ),
    );
    expect(result.format).toBe('jsonld');
    expect(result.updates.map((update) => update.title)).toEqual([
      'Headline post-2',
      'Headline post-1',
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^skipped malformed JSON-LD block 2 of 3/);
  });

  it('finds the posting in an @graph, nested in another object, and via @id references', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'WebPage',
          mainEntity: {
            '@type': ['LiveBlogPosting'],
            liveBlogUpdate: [{ '@id': `${BLOG}#post-9` }],
          },
        },
        posting('post-9'),
      ],
    });
    const result = read(page(graph));
    expect(result.updates).toHaveLength(1);
    expect(result.updates[0]?.body).toBe('Body of post-9.');
    expect(result.updates[0]?.url).toBe(`${BLOG}#post-9`);
  });

  it('accepts a single liveBlogUpdate object and a comment-wrapped block', () => {
    const result = read(page(`<!-- ${blog(posting('only'))} -->`));
    expect(result.updates.map((update) => update.id)).toEqual([`${BLOG}#only`]);
  });

  it('keeps the first of two updates with the same id and warns', () => {
    const result = read(
      page(blog([posting('a'), posting('a', { headline: 'Second copy' }), posting('b')])),
    );
    expect(result.updates.map((update) => update.title)).toEqual(['Headline a', 'Headline b']);
    expect(result.warnings.join(' ')).toMatch(/repeat an earlier id.*#a/);
  });

  it('turns HTML bodies into text and converts dates to UTC, dropping impossible ones', () => {
    const result = read(
      page(
        blog([
          posting('html', {
            articleBody: '<p>First &amp; foremost.</p><ul><li>One</li><li>Two</li></ul>',
            dateModified: 'not a date',
          }),
        ]),
      ),
    );
    const update = result.updates[0];
    expect(update?.body).toBe('First & foremost.\n\n• One\n• Two');
    expect(update?.published).toBe('2024-11-18T09:00:00.000Z');
    expect(update?.modified).toBeUndefined();
  });

  it('titles an update from its text when its headline is only the blog headline', () => {
    const json = JSON.stringify({
      '@type': 'LiveBlogPosting',
      headline: 'Storm live',
      liveBlogUpdate: [
        posting('x', {
          headline: 'Storm live',
          articleBody: 'Trees are down in Leeds. More soon.',
        }),
      ],
    });
    expect(read(page(json)).updates[0]?.title).toBe('Trees are down in Leeds');
  });

  it('resolves relative update URLs against the posting', () => {
    const json = JSON.stringify({
      '@type': 'LiveBlogPosting',
      url: BLOG,
      liveBlogUpdate: [{ '@type': 'BlogPosting', url: '#post-3', articleBody: 'Text.' }],
    });
    const update = readDocument(page(json), { source: '/tmp/saved.html' }).updates[0];
    expect(update?.id).toBe('#post-3');
    expect(update?.url).toBe(`${BLOG}#post-3`);
  });

  it('marks updates pinned by markup, by a #key-points anchor, or by a pinned attribute', () => {
    const html = `<html><head><script type="application/ld+json">${blog([
      posting('summary'),
      posting('key-points'),
      posting('post-1'),
    ])}</script></head><body><article id="summary" data-pinned="true"></article></body></html>`;
    expect(read(encode(html)).updates.map((update) => update.pinned)).toEqual([true, true, false]);

    const model = JSON.stringify({
      blocks: [
        { id: 'b2', attributes: { pinned: 'true' } },
        { id: 'b1', attributes: { pinned: false } },
      ],
      linkedData: [
        {
          '@type': 'LiveBlogPosting',
          liveBlogUpdate: [
            { '@id': 'b2', articleBody: 'Pinned.' },
            { '@id': 'b1', articleBody: 'Not.' },
          ],
        },
      ],
    });
    expect(read(encode(model)).updates.map((update) => update.pinned)).toEqual([true, false]);
  });

  it('rejects an ordinary article page', () => {
    const article = JSON.stringify({ '@type': 'NewsArticle', headline: 'Storm hits Leeds' });
    expect(() => read(page(article))).toThrow(
      'not a live blog: the page is an ordinary article (NewsArticle) with no live updates',
    );
  });

  it('rejects JSON that is neither a JSON Feed nor a live blog', () => {
    expect(() => read(encode('{"status":"error","message":"rate limited"}'))).toThrow(
      /neither a JSON Feed nor a schema.org LiveBlogPosting/,
    );
  });
});
