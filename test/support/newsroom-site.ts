/**
 * A newsroom on loopback for coverage tests: section pages, section feeds, live blogs (one
 * per day) and ordinary articles, each at its own path with an ETag, every request logged.
 * The markup builders are the project's own, shaped after how real newsrooms mark things
 * (a "Live" kicker on the card, `/live/` paths, LiveBlogPosting with coverage times).
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const scriptJson = (value: unknown) => JSON.stringify(value, null, 2).replace(/</g, '\\u003c');

export interface Card {
  /** Path or absolute URL. */
  href: string;
  title: string;
  /** Marked as live on the card (kicker and class). */
  live?: boolean;
}

/** A section page: a header, a list of cards, and a footer full of ordinary links. */
export function sectionPage(options: { site: string; section: string; cards: Card[] }): string {
  const cards = options.cards.map(
    (card) => `<li class="fc-item${card.live ? ' fc-item--live' : ''}">
  <div class="fc-item__container">
    ${card.live ? '<span class="fc-item__kicker"><span class="pulsing-dot"></span>Live</span>' : ''}
    <h3 class="fc-item__title"><a class="fc-item__link" data-link-name="article" href="${escapeHtml(card.href)}">${escapeHtml(card.title)}</a></h3>
  </div>
</li>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.section)} | ${escapeHtml(options.site)}</title>
<meta property="og:site_name" content="${escapeHtml(options.site)}">
<meta property="og:title" content="${escapeHtml(options.section)}">
<script type="application/ld+json">${scriptJson({ '@context': 'https://schema.org', '@type': 'CollectionPage', name: options.section })}</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/live-tv">Live TV</a></nav></header>
<main>
<h1>${escapeHtml(options.section)}</h1>
<ul class="fc-slice">
${cards.join('\n')}
</ul>
</main>
<footer><a href="/about">About us</a> <a href="/help/live-chat">Live chat with us</a> <a href="/video/ukraine-live-stream">Watch live</a></footer>
</body>
</html>
`;
}

export interface FeedItem {
  href: string;
  title: string;
  published: Date;
  description?: string;
}

/** A section's RSS feed: one item per article or blog, newest first. */
export function sectionFeed(options: {
  base: string;
  site: string;
  section: string;
  items: FeedItem[];
}): string {
  const items = [...options.items]
    .sort((a, b) => b.published.getTime() - a.published.getTime())
    .map((item) => {
      const link = new URL(item.href, options.base).href;
      return `<item>
  <title>${escapeHtml(item.title)}</title>
  <link>${escapeHtml(link)}</link>
  <guid isPermaLink="true">${escapeHtml(link)}</guid>
  <description>${escapeHtml(item.description ?? item.title)}</description>
  <pubDate>${item.published.toUTCString()}</pubDate>
</item>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${escapeHtml(options.section)} | ${escapeHtml(options.site)}</title>
<link>${escapeHtml(options.base)}</link>
<description>Latest ${escapeHtml(options.section)} news</description>
${items.join('\n')}
</channel>
</rss>
`;
}

export interface BlogEntry {
  id: string;
  title: string;
  body: string;
  published: Date;
  modified?: Date;
}

/** A live blog page: LiveBlogPosting with coverage times, and the same entries as markup. */
export function liveBlogDocument(options: {
  url: string;
  title: string;
  startedAt: Date;
  endsAt?: Date;
  entries: BlogEntry[];
}): string {
  const newestFirst = [...options.entries].sort(
    (a, b) => b.published.getTime() - a.published.getTime(),
  );
  const posting = {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    '@id': options.url,
    url: options.url,
    headline: options.title,
    datePublished: options.startedAt.toISOString(),
    coverageStartTime: options.startedAt.toISOString(),
    ...(options.endsAt ? { coverageEndTime: options.endsAt.toISOString() } : {}),
    liveBlogUpdate: newestFirst.map((entry) => ({
      '@type': 'BlogPosting',
      '@id': `${options.url}#${entry.id}`,
      url: `${options.url}#${entry.id}`,
      headline: entry.title,
      articleBody: entry.body,
      datePublished: entry.published.toISOString(),
      dateModified: (entry.modified ?? entry.published).toISOString(),
    })),
  };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title)}</title>
<link rel="canonical" href="${escapeHtml(options.url)}">
<script type="application/ld+json">${scriptJson(posting)}</script>
</head>
<body>
<main>
<h1>${escapeHtml(options.title)}</h1>
<p><a href="/world/live/yesterday">Yesterday's live blog</a></p>
${newestFirst
  .map(
    (entry) =>
      `<article class="liveblog-update" id="${entry.id}"><h2>${escapeHtml(entry.title)}</h2><p>${escapeHtml(entry.body)}</p></article>`,
  )
  .join('\n')}
</main>
</body>
</html>
`;
}

/** An ordinary news article: NewsArticle, no live updates. */
export function articleDocument(options: { url: string; title: string; body: string }): string {
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: options.title,
    url: options.url,
    datePublished: '2024-11-18T06:00:00Z',
  };
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>
<script type="application/ld+json">${scriptJson(article)}</script></head>
<body><main><article><h1>${escapeHtml(options.title)}</h1><p>${escapeHtml(options.body)}</p></article></main></body>
</html>
`;
}

export interface SiteRequest {
  path: string;
  notModified: boolean;
}

/** The newsroom's server: any number of paths, each replaced at will, each with an ETag. */
export interface NewsroomSite {
  origin: string;
  url(path: string): string;
  publish(path: string, body: string | Uint8Array, contentType?: string): void;
  /** From now on `path` answers with this status (e.g. 500), or with an endless body. */
  fail(path: string, how: number | 'endless'): void;
  requests: SiteRequest[];
  requestsTo(path: string): SiteRequest[];
  close(): Promise<void>;
}

export async function startNewsroomSite(): Promise<NewsroomSite> {
  const pages = new Map<string, { body: Buffer; type: string; etag: string }>();
  const failures = new Map<string, number | 'endless'>();
  const requests: SiteRequest[] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const page = pages.get(path);
    const failure = failures.get(path);
    const notModified = page !== undefined && request.headers['if-none-match'] === page.etag;
    requests.push({ path, notModified: notModified && failure === undefined });
    if (failure === 'endless') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (response.write(chunk)) {
          if (response.destroyed) return;
        }
        response.once('drain', pump);
      };
      response.on('error', () => undefined);
      pump();
    } else if (typeof failure === 'number') {
      response.writeHead(failure, { 'content-type': 'text/plain' }).end('failing on purpose');
    } else if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } else if (notModified) {
      response.writeHead(304, { etag: page.etag }).end();
    } else {
      response
        .writeHead(200, {
          'content-type': page.type,
          etag: page.etag,
          'content-length': page.body.length,
        })
        .end(page.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    publish(path, body, contentType = 'text/html; charset=utf-8') {
      const bytes = Buffer.from(body);
      failures.delete(path);
      pages.set(path, {
        body: bytes,
        type: contentType,
        etag: `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`,
      });
    },
    fail(path, how) {
      failures.set(path, how);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
