/**
 * Is this document a coverage page — a section, tag or topic page, or a section feed,
 * that links to live blogs — rather than a live blog itself? Told from the content, never
 * the address. A page that is a live blog (a LiveBlogPosting with updates, or a feed whose
 * items all point into one page) is not coverage; a page is, when it links live-looking
 * candidates. Once a source is known to be coverage it stays so, even with no candidate
 * listed today.
 */
import { decodeHTML } from 'entities';
import { readDocument } from '../read.ts';
import { decodeBytes } from '../readers/decode.ts';
import { detectKind } from '../readers/detect.ts';
import { canonicalUrl, parseHtml, readHtmlArticles } from '../readers/html-articles.ts';
import { scanHtml, unwrapJsonLd } from '../readers/html-scan.ts';
import { ordinaryArticleType, scanJsonLd } from '../readers/jsonld.ts';
import { nestsDeeperThan } from '../readers/markup-depth.ts';
import { absoluteUrl } from '../readers/update-draft.ts';
import { headingText, metaContent, type PageLink, pageLinks } from './html-links.ts';
import {
  CANDIDATE_THRESHOLD,
  candidateAddress,
  type LinkClues,
  liveScore,
  sameSite,
} from './live-hints.ts';

/** Candidates kept per page, best first; the rest of a long listing is never fetched. */
export const MAX_CANDIDATES = 20;

export interface Candidate {
  url: string;
  title: string;
  score: number;
}

export interface CoveragePage {
  url: string;
  format: 'html' | 'rss' | 'atom' | 'jsonfeed';
  /** The newsroom ("The Guardian"), from the page, else its host. */
  site: string;
  /** The section's own name ("Russia-Ukraine war"). */
  section: string;
  /** Links looked at. */
  links: number;
  /** The listing had more links than are looked at. */
  cut: boolean;
  candidates: Candidate[];
}

export interface RecogniseOptions {
  source: string;
  contentType?: string;
  /** Already known as coverage: stays so even with no candidate listed. */
  known?: boolean;
}

export function recogniseCoverage(
  body: Uint8Array,
  options: RecogniseOptions,
): CoveragePage | undefined {
  let page: URL;
  try {
    page = new URL(options.source);
  } catch {
    return undefined;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return undefined;
  if (body.length === 0) return undefined;
  const text = decodeBytes(body, options.contentType).text;
  const kind = detectKind(text).kind;
  if (kind === 'html') return recogniseHtml(text, page, options.known ?? false);
  if (kind === 'rss' || kind === 'atom' || kind === 'json') {
    return recogniseFeed(body, text, page, options);
  }
  return undefined;
}

function recogniseHtml(html: string, page: URL, known: boolean): CoveragePage | undefined {
  const scan = scanHtml(html);
  const values: unknown[] = [];
  for (const block of scan.jsonLdBlocks) {
    try {
      values.push(JSON.parse(unwrapJsonLd(block)));
    } catch {
      // A broken block says nothing either way.
    }
  }
  const jsonLd = scanJsonLd(values);
  const isBlog = jsonLd.postings.some(
    (posting) => posting.liveBlogUpdate !== undefined || samePage(posting, page),
  );
  // A live blog, or an ordinary article that links a live page in passing, is no section.
  if ((isBlog || ordinaryArticleType(jsonLd)) && !known) return undefined;
  if (nestsDeeperThan(html)) return known ? emptyPage(page, 'html') : undefined;
  const dom = parseHtml(html);
  const base = canonicalUrl(dom, page.href) ?? page.href;
  if (!known && readHtmlArticles(dom, { base }).drafts.length > 0) return undefined;
  const declared = new Set(
    jsonLd.postings
      .map((posting) =>
        absoluteUrl(typeof posting.url === 'string' ? posting.url : undefined, base),
      )
      .filter((url): url is string => url !== undefined)
      .map((url) => candidateAddress(new URL(url))),
  );
  const { links, cut } = pageLinks(dom, base);
  for (const link of links) {
    if (declared.has(candidateAddress(link.url))) link.declaredLive = true;
  }
  const candidates = pickCandidates(links, page, new URL(base));
  if (candidates.length === 0 && !known) return undefined;
  const site = metaContent(dom, 'og:site_name') ?? hostName(page);
  const title = metaContent(dom, 'og:title') ?? scan.title ?? headingText(dom) ?? page.pathname;
  return {
    url: page.href,
    format: 'html',
    site: site.slice(0, 100),
    section: sectionName(title, site),
    links: links.length,
    cut,
    candidates,
  };
}

function recogniseFeed(
  body: Uint8Array,
  text: string,
  page: URL,
  options: RecogniseOptions,
): CoveragePage | undefined {
  let read: ReturnType<typeof readDocument>;
  try {
    read = readDocument(body, {
      source: page.href,
      ...(options.contentType ? { contentType: options.contentType } : {}),
    });
  } catch {
    return options.known ? emptyPage(page, 'rss') : undefined;
  }
  if (read.format !== 'rss' && read.format !== 'atom' && read.format !== 'jsonfeed') {
    return undefined;
  }
  const linked = read.updates.filter((update) => update.url !== undefined);
  // A live blog's own feed points every item into one page; a section feed into many.
  const pages = new Map<string, number>();
  for (const update of linked) {
    const address = pageAddress(update.url!);
    pages.set(address, (pages.get(address) ?? 0) + 1);
  }
  const largest = Math.max(0, ...pages.values());
  const onePage = linked.length < 2 || largest * 2 > linked.length;
  if (onePage && !options.known) return undefined;
  const links: PageLink[] = linked.map((update, position) => ({
    url: new URL(update.url!),
    text: update.title,
    context: '',
    position,
  }));
  const candidates = onePage ? [] : pickCandidates(links, page);
  if (candidates.length === 0 && !options.known) return undefined;
  const title = feedTitle(text, read.format) ?? page.pathname;
  // "Ukraine | The Guardian": a feed names its site last.
  const parts = title.split(/\s+[|–—-]\s+/);
  const site = parts.length > 1 ? (parts.at(-1) ?? '').slice(0, 100) : hostName(page);
  return {
    url: page.href,
    format: read.format,
    site,
    section: sectionName(title, site),
    links: links.length,
    cut: false,
    candidates,
  };
}

/** Live-looking links of the same newsroom, one per address, best score then page order. */
function pickCandidates(links: readonly PageLink[], page: URL, canonical = page): Candidate[] {
  const selves = new Set([candidateAddress(page), candidateAddress(canonical)]);
  const best = new Map<string, Candidate & { position: number }>();
  for (const link of links) {
    if (!sameSite(link.url, page) && !sameSite(link.url, canonical)) continue;
    const address = candidateAddress(link.url);
    if (selves.has(address)) continue;
    const score = liveScore(link as LinkClues);
    if (score < CANDIDATE_THRESHOLD) continue;
    const known = best.get(address);
    const title = link.text.split(' · ')[0] ?? '';
    if (!known) best.set(address, { url: address, title, score, position: link.position });
    else {
      known.score = Math.max(known.score, score);
      if (!known.title && title) known.title = title;
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, MAX_CANDIDATES)
    .map(({ url, title, score }) => ({ url, title: title.slice(0, 200), score }));
}

function samePage(posting: Record<string, unknown>, page: URL): boolean {
  const url = absoluteUrl(typeof posting.url === 'string' ? posting.url : undefined, page.href);
  return url !== undefined && pageAddress(url) === pageAddress(page.href);
}

function pageAddress(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

function emptyPage(page: URL, format: CoveragePage['format']): CoveragePage {
  const site = hostName(page);
  return {
    url: page.href,
    format,
    site,
    section: page.pathname,
    links: 0,
    cut: false,
    candidates: [],
  };
}

function hostName(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}

/** "World news | The Guardian" → "World news": the site's own name is said separately. */
function sectionName(title: string, site: string): string {
  const parts = title
    .split(/\s+[|–—-]\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const kept = parts.filter((part) => part.toLowerCase() !== site.toLowerCase());
  return (kept.length > 0 ? kept.join(' – ') : title).slice(0, 120);
}

/** The channel's or feed's own title, without building a second tree. */
function feedTitle(text: string, format: 'rss' | 'atom' | 'jsonfeed'): string | undefined {
  if (format === 'jsonfeed') {
    try {
      const title = (JSON.parse(text) as { title?: unknown }).title;
      return typeof title === 'string' && title.trim() ? title.trim().slice(0, 200) : undefined;
    } catch {
      return undefined;
    }
  }
  const match = /<(?:[\w-]+:)?title\b[^>]*>([\s\S]{0,600}?)<\/(?:[\w-]+:)?title>/i.exec(text);
  if (!match?.[1]) return undefined;
  const raw = match[1].replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1');
  const title = decodeHTML(raw).replace(/\s+/g, ' ').trim();
  return title ? title.slice(0, 200) : undefined;
}
