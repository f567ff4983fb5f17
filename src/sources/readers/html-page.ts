/**
 * An HTML page, tried in order of trust: schema.org LiveBlogPosting in JSON-LD (found
 * without building a DOM), update blocks in the markup, an ordinary article (rejected),
 * and finally the page's visible text through the plain-text splitter.
 */
import type { Document, Element } from 'domhandler';
import { findFirst } from './dom.ts';
import { canonicalUrl, parseHtml, readHtmlArticles } from './html-articles.ts';
import { scanHtml, unwrapJsonLd } from './html-scan.ts';
import {
  type LiveBlogInfo,
  liveBlogInfo,
  ordinaryArticleType,
  readLiveBlogPostings,
  scanJsonLd,
} from './jsonld.ts';
import { nestsDeeperThan, TOO_DEEP } from './markup-depth.ts';
import { readPlainText } from './plain-text.ts';
import { ReadError } from './read-error.ts';
import { localTagName, nodesToText } from './text.ts';
import type { ReaderOutput } from './update-draft.ts';

export interface PageReading {
  format: 'jsonld' | 'html-articles' | 'text';
  output: ReaderOutput;
  /** The page's LiveBlogPosting, when it has one. */
  liveBlog?: LiveBlogInfo;
}

/** Below this many updates, text found in a page is not taken for a live blog. */
const MIN_TEXT_UPDATES = 2;

export function readHtmlPage(html: string, documentBase: string | undefined): PageReading {
  const scan = scanHtml(html);
  const { values, warnings } = parseJsonLdBlocks(scan.jsonLdBlocks);
  const jsonLd = scanJsonLd(values);
  const liveBlog = liveBlogInfo(jsonLd, documentBase);
  const described = liveBlog ? { liveBlog } : {};
  if (jsonLd.postings.length > 0) {
    const output = readLiveBlogPostings(jsonLd, { documentBase, markupPinnedIds: scan.pinnedIds });
    if (output.drafts.length > 0) {
      return { format: 'jsonld', output: withWarnings(output, warnings), ...described };
    }
  }

  if (nestsDeeperThan(html)) throw new ReadError(TOO_DEEP);
  const dom = parseHtml(html);
  const base = canonicalUrl(dom, documentBase) ?? documentBase;
  const articles = readHtmlArticles(dom, { base });
  if (articles.drafts.length > 0) {
    return { format: 'html-articles', output: withWarnings(articles, warnings), ...described };
  }
  if (jsonLd.postings.length > 0) {
    const empty = { drafts: [], warnings: ['the live blog has no updates yet'] };
    return { format: 'jsonld', output: withWarnings(empty, warnings), ...described };
  }
  const articleType = ordinaryArticleType(jsonLd);
  if (articleType) {
    throw new ReadError(
      `not a live blog: the page is an ordinary article (${articleType}) with no live updates`,
    );
  }
  const text = readPlainText(visibleText(dom));
  if (text.drafts.length >= MIN_TEXT_UPDATES) {
    return { format: 'text', output: withWarnings(text, warnings) };
  }
  const title = scan.title ? ` (title: '${scan.title}')` : '';
  throw new ReadError(
    `not a feed or live blog: the document is an HTML page with no updates${title}`,
  );
}

/** Each block on its own: one malformed block must not cost the others. */
function parseJsonLdBlocks(blocks: readonly string[]): { values: unknown[]; warnings: string[] } {
  const values: unknown[] = [];
  const warnings: string[] = [];
  blocks.forEach((block, index) => {
    const json = unwrapJsonLd(block);
    if (json === '') return;
    try {
      values.push(JSON.parse(json));
    } catch (error) {
      // Raw newlines inside strings are the commonest fault; they can go.
      try {
        values.push(JSON.parse(json.replace(/\p{Cc}+/gu, ' ')));
      } catch {
        const reason = error instanceof Error ? error.message : String(error);
        warnings.push(
          `skipped malformed JSON-LD block ${index + 1} of ${blocks.length}: ${reason.slice(0, 120)}`,
        );
      }
    }
  });
  return { values, warnings };
}

function withWarnings(output: ReaderOutput, warnings: readonly string[]): ReaderOutput {
  return { drafts: output.drafts, warnings: [...warnings, ...output.warnings] };
}

/** Page furniture; inside <main> only the first kind, as updates have headers and footers. */
const NON_CONTENT_IN_MAIN = new Set(['nav', 'form', 'dialog', 'button']);
const NON_CONTENT_IN_BODY = new Set([...NON_CONTENT_IN_MAIN, 'header', 'footer', 'aside']);
const NON_CONTENT_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'dialog', 'search']);

/** The page's readable text: <main> (or <body>) without navigation, banners and forms. */
function visibleText(dom: Document): string {
  const main = findFirst(dom.children, (element) => element.name === 'main');
  const root = main ?? findFirst(dom.children, (element) => element.name === 'body');
  const furniture = main ? NON_CONTENT_IN_MAIN : NON_CONTENT_IN_BODY;
  return nodesToText(root ? [root] : dom.children, {
    skip: (element: Element) =>
      furniture.has(localTagName(element.name)) ||
      (!main && NON_CONTENT_ROLES.has(element.attribs.role ?? '')) ||
      element.attribs.hidden !== undefined ||
      element.attribs['aria-hidden'] === 'true',
  });
}
