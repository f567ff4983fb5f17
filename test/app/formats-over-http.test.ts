import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSourceAccess } from '../../src/app/source-access.ts';
import { parseConfig } from '../../src/config.ts';
import { type LocalBlog, startLocalBlog } from '../../src/demo/blog-server.ts';
import { readDocument } from '../../src/sources/read.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const labelled = readFileSync(new URL('labelled/seed-updates.jsonl', FIXTURES), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { title: string; body: string });

const FORMATS = [
  ['feeds/seed-jsonld.html', 'text/html; charset=utf-8', 'jsonld'],
  ['feeds/seed-rss.xml', 'application/rss+xml', 'rss'],
  ['feeds/seed-atom.xml', 'application/atom+xml', 'atom'],
  ['feeds/seed-feed.json', 'application/feed+json', 'jsonfeed'],
  ['seed/seed-liveblog.txt', 'text/plain; charset=utf-8', 'text'],
] as const;

describe('every format, fetched over HTTP on 127.0.0.1 the way the poller fetches it', () => {
  let blog: LocalBlog;
  const access = createSourceAccess(parseConfig({ ALLOW_PRIVATE_SOURCES: '127.0.0.1/32' }));

  beforeAll(async () => {
    blog = await startLocalBlog();
  });
  afterAll(async () => {
    await blog.close();
  });

  for (const [file, contentType, format] of FORMATS) {
    it(`${format}: the ten labelled updates, newest first, with their bodies`, async () => {
      blog.publish(readFileSync(new URL(file, FIXTURES)), contentType);
      const fetched = await access.fetchSource(blog.url, {});
      if (fetched.status !== 'ok') throw new Error('expected a body');
      const read = readDocument(fetched.body, {
        source: blog.url,
        ...(fetched.contentType ? { contentType: fetched.contentType } : {}),
      });
      expect(read.format).toBe(format);
      expect(read.updates.map((u) => u.body)).toEqual(labelled.map((l) => l.body));
      const again = await access.fetchSource(blog.url, { etag: fetched.etag ?? '' });
      expect(again.status).toBe('not-modified');
    });
  }
});
