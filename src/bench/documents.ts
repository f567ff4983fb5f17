import { newsHeadline, newsParagraphs, PLACES, pick, seededRandom } from './random-text.ts';

/** Generated live-blog documents, shaped like what newsrooms serve. */

export interface GeneratedUpdate {
  id: string;
  headline: string;
  paragraphs: string[];
  published: string;
}

const BLOG_URL = 'https://news.example.com/world/live/2025/ukraine-war-live';
const START = Date.parse('2025-03-01T06:00:00Z');

/** `count` updates, newest first, three minutes apart. */
export function generateUpdates(count: number, seed = 1): GeneratedUpdate[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const n = count - i;
    return {
      id: `post-${100000 + n}`,
      headline: newsHeadline(random),
      paragraphs: newsParagraphs(random, 2 + Math.floor(random() * 3)),
      published: new Date(START + n * 180_000).toISOString(),
    };
  });
}

/** An update that the built-in air-raid topic finds, numbered so each one is new. */
export function airRaidUpdate(n: number): GeneratedUpdate {
  const place = PLACES[n % PLACES.length] ?? 'Kyiv';
  return {
    id: `alert-${n}`,
    headline: `Air raid alert declared in ${place} region`,
    paragraphs: [
      `An air raid alert has been declared in ${place} region after a missile launch was detected. Residents are urged to take shelter.`,
    ],
    published: new Date(START + 86_400_000 + n * 60_000).toISOString(),
  };
}

function blogPosting(update: GeneratedUpdate): Record<string, unknown> {
  return {
    '@type': 'BlogPosting',
    '@id': `${BLOG_URL}#${update.id}`,
    url: `${BLOG_URL}#${update.id}`,
    headline: update.headline,
    articleBody: update.paragraphs.join('\n\n'),
    datePublished: update.published,
    dateModified: update.published,
    author: { '@type': 'Person', name: 'Live desk' },
  };
}

/** The schema.org block a live-blog page carries in `<script type="application/ld+json">`. */
export function liveBlogJsonLd(updates: readonly GeneratedUpdate[]): string {
  return JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    '@id': BLOG_URL,
    url: BLOG_URL,
    headline: 'Russia-Ukraine war live: latest updates',
    datePublished: new Date(START).toISOString(),
    dateModified: updates[0]?.published ?? new Date(START).toISOString(),
    coverageStartTime: new Date(START).toISOString(),
    publisher: { '@type': 'NewsMediaOrganization', name: 'Example News' },
    liveBlogUpdate: updates.map(blogPosting),
  });
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/’/g, '&#8217;');

const ICON =
  '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M18 16.08c-.76 0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11A2.99 2.99 0 1 0 15 5c0 .24.04.47.09.7L8.04 9.81A2.99 2.99 0 1 0 6 15c.79 0 1.5-.31 2.04-.81l7.12 4.16c-.05.21-.08.43-.08.65A2.92 2.92 0 1 0 18 16.08z"/></svg>';

function renderedBlock(update: GeneratedUpdate): string {
  const paragraphs = update.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<article class="block block--content" id="${update.id}" data-block-id="${update.id}">
<header class="block-header"><a class="block-time" href="#${update.id}"><time datetime="${update.published}">${update.published.slice(11, 16)}</time></a>
<h2 class="block-title">${escapeHtml(update.headline)}</h2></header>
<div class="block-elements">${paragraphs}</div>
<footer class="block-footer"><button class="share" aria-label="Share this update">${ICON}</button><button class="share" aria-label="Copy link">${ICON}</button></footer>
</article>`;
}

function styleSheet(rules: number): string {
  const random = seededRandom(7);
  const lines: string[] = [];
  for (let i = 0; i < rules; i += 1) {
    const colour = Math.floor(random() * 0xffffff)
      .toString(16)
      .padStart(6, '0');
    lines.push(
      `.c-${i.toString(36)}{display:flex;margin:${i % 24}px ${i % 16}px;color:#${colour};font:400 ${12 + (i % 8)}px/1.4 "Guardian Text Egyptian",Georgia,serif}`,
    );
  }
  return lines.join('');
}

function navigation(links: number): string {
  const random = seededRandom(3);
  const items = Array.from({ length: links }, (_, i) => {
    const place = pick(random, PLACES);
    return `<li class="nav-item"><a href="https://news.example.com/section/${i}/${place.toLowerCase().replace(/\s/g, '-')}" data-link-name="nav:${i}">${place} news</a></li>`;
  });
  return `<nav class="site-nav" role="navigation"><ul>${items.join('')}</ul></nav>`;
}

/** App state the page's JavaScript hydrates from: the updates again, as HTML strings. */
function appState(updates: readonly GeneratedUpdate[]): string {
  const state = {
    page: { id: 'live/2025/ukraine-war-live', section: 'world', isLive: true },
    blocks: updates.map((u) => ({
      id: u.id,
      title: u.headline,
      bodyHtml: u.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
      publishedDate: Date.parse(u.published),
      attributes: { pinned: false, keyEvent: false },
    })),
  };
  return `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(state)}</script>`;
}

function teaser(i: number, random: () => number): string {
  const place = pick(random, PLACES);
  return `<li class="teaser"><a href="https://news.example.com/world/2025/${i}/${place.toLowerCase().replace(/\s/g, '-')}-story"><img src="https://i.example.com/img/${i}.jpg?width=300&amp;quality=85" alt="" loading="lazy" width="300" height="180"><span class="teaser-kicker">${place}</span><span class="teaser-headline">${escapeHtml(newsHeadline(random))}</span></a></li>`;
}

function vendorScript(i: number): string {
  const body = Array.from(
    { length: 40 },
    (_, j) => `function f${i}_${j}(a,b){return a&&b?a[b]||(a[b]=${j}*${i}+b.length):void 0}`,
  ).join(';');
  return `<script>/* vendor chunk ${i} */(function(){${body}})();</script>`;
}

/**
 * A live-blog page as big sites serve it: JSON-LD with every update, the same updates as
 * markup and again as hydration state, a large inline style sheet, navigation, related
 * stories and inline scripts, padded up to `targetBytes` with more page furniture.
 */
export function liveBlogPage(updates: readonly GeneratedUpdate[], targetBytes: number): string {
  const head = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Russia-Ukraine war live: latest updates | Example News</title>
<link rel="canonical" href="${BLOG_URL}">
<meta property="og:url" content="${BLOG_URL}">
<style>${styleSheet(2_000)}</style>
<script type="application/ld+json">${liveBlogJsonLd(updates)}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"World","item":"https://news.example.com/world"}]}</script>
</head><body><header role="banner">${navigation(300)}</header>
<main><h1>Russia-Ukraine war live: latest updates</h1><div class="live-blog">`;
  const blocks = updates.map(renderedBlock).join('\n');
  const close = `</div></main>${appState(updates)}`;
  const random = seededRandom(11);
  const furniture: string[] = [];
  let size = Buffer.byteLength(head + blocks + close) + 200;
  for (let i = 0; size < targetBytes; i += 1) {
    const chunk =
      i % 5 === 4
        ? vendorScript(i)
        : `<aside class="related"><ul>${teaser(i, random)}</ul></aside>`;
    furniture.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return `${head}${blocks}${close}${furniture.join('\n')}<footer role="contentinfo">© Example News</footer></body></html>`;
}

/** A small JSON-LD live-blog page (no padding), for the polling and delivery figures. */
export function smallLiveBlogPage(updates: readonly GeneratedUpdate[]): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Live</title>
<script type="application/ld+json">${liveBlogJsonLd(updates)}</script></head>
<body><main>${updates.map(renderedBlock).join('\n')}</main></body></html>`;
}

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 feed of the updates, bodies as escaped HTML like most CMSs emit. */
export function rssFeed(updates: readonly GeneratedUpdate[], feedUrl = `${BLOG_URL}/rss`): string {
  const items = updates.map(
    (u) => `<item>
<title>${xmlEscape(u.headline)}</title>
<link>${BLOG_URL}#${u.id}</link>
<guid isPermaLink="false">example-news:${u.id}</guid>
<pubDate>${new Date(u.published).toUTCString()}</pubDate>
<description>${xmlEscape(u.paragraphs.map((p) => `<p>${xmlEscape(p)}</p>`).join(''))}</description>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Russia-Ukraine war live</title><link>${BLOG_URL}</link>
<description>Latest updates</description>
<atom:link href="${feedUrl}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel></rss>`;
}

/** The title and body the readers make of a generated update. */
export function asText(update: GeneratedUpdate): { title: string; body: string } {
  return { title: update.headline, body: update.paragraphs.join('\n\n') };
}
