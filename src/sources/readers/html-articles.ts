/**
 * Live updates marked up in a page without LiveBlogPosting: elements whose class says
 * they are one update (`liveblog-update`, `ticker-entry`, microdata BlogPosting…), or,
 * failing that, ticker headings that start with a time ("12.31 Uhr: …").
 */
import type { Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { findFirst, findOutermost, type PageContext, stableElementId } from './dom.ts';
import { MAX_ENTRIES } from './feed-common.ts';
import { readTickerHeadings } from './html-ticker.ts';
import { localTagName, nodesToText } from './text.ts';
import { absoluteUrl, type ReaderOutput, type UpdateDraft } from './update-draft.ts';

/** One class token naming a whole update; BEM children ("__header") and modifiers don't. */
const UPDATE_CLASS =
  /^(?:live-?blog|live|ticker|newsticker|liveticker|lb)[-_]{0,2}(?:update|entry|post|item|block)$/i;
const PINNED_CLASS = /(?:--|__|-)pinned$|^(?:is-)?pinned$/i;
/** Parts of an update that are not its text. */
const CHROME_CLASS =
  /(?:^|[-_])(?:share|social|byline|author|meta|timestamp|label|actions?|tools)(?:$|[-_])/i;
const CHROME_TAGS = new Set(['header', 'footer', 'nav', 'time', 'form']);

export function parseHtml(html: string): Document {
  return parseDocument(html);
}

/** The canonical URL a page declares for itself, if any. */
export function canonicalUrl(dom: Document, documentBase: string | undefined): string | undefined {
  const link = findFirst(dom.children, (element) => {
    const rel = element.attribs.rel?.toLowerCase().split(/\s+/) ?? [];
    return element.name === 'link' && rel.includes('canonical') && Boolean(element.attribs.href);
  });
  return absoluteUrl(link?.attribs.href, documentBase);
}

export function readHtmlArticles(dom: Document, context: PageContext): ReaderOutput {
  const containers = findOutermost(dom.children, isUpdateContainer).slice(0, MAX_ENTRIES);
  if (containers.length > 0) {
    const drafts: UpdateDraft[] = [];
    const warnings: string[] = [];
    for (const container of containers) {
      const draft = readContainer(container, context);
      if (draft) drafts.push(draft);
      else warnings.push('skipped an update block with no text');
    }
    return { drafts, warnings };
  }
  return readTickerHeadings(dom, context);
}

function isUpdateContainer(element: Element): boolean {
  const classes = element.attribs.class?.split(/\s+/) ?? [];
  if (classes.some((token) => UPDATE_CLASS.test(token))) return true;
  return /schema\.org\/(?:BlogPosting|LiveBlogUpdate)$/i.test(element.attribs.itemtype ?? '');
}

function readContainer(container: Element, context: PageContext): UpdateDraft | undefined {
  const heading = findFirst(container.children, (element) => /^h[1-6]$/.test(element.name));
  const time = findFirst(container.children, (element) => element.name === 'time');
  const title = heading ? nodesToText([heading]).replace(/\s+/g, ' ') : '';
  const body = nodesToText(container.children, {
    skip: (element) =>
      element === heading ||
      CHROME_TAGS.has(localTagName(element.name)) ||
      CHROME_CLASS.test(element.attribs.class ?? ''),
  });
  if (!title && !body) return undefined;
  const anchor = stableElementId(container);
  const url = anchor ? absoluteUrl(`#${anchor}`, context.base) : undefined;
  const classes = container.attribs.class?.split(/\s+/) ?? [];
  return {
    id: url ?? anchor,
    title: title || undefined,
    body,
    url,
    published: time?.attribs.datetime,
    pinned:
      container.attribs['data-pinned'] === 'true' ||
      classes.some((token) => PINNED_CLASS.test(token)),
  };
}
