/** RSS 2.0, 0.9x and RSS 1.0 (RDF) items → update drafts. */
import type { Element } from 'domhandler';
import { feedWarnings, MAX_ENTRIES, pickDate, truncationWarning } from './feed-common.ts';
import { htmlToText } from './text.ts';
import { absoluteUrl, type ReaderOutput, type UpdateDraft } from './update-draft.ts';
import {
  attributeOf,
  baseOf,
  childElements,
  findAll,
  firstChild,
  htmlContentOf,
  isElement,
  NS,
  textOf,
  type XmlDocument,
} from './xml.ts';

/** RSS core elements have no namespace (2.0, 0.91) or the RSS 1.0 / 0.90 one. */
const CORE = ['', NS.rss1, NS.rss090];
const ATOM = [NS.atom, 'prefix:atom', 'prefix:a10'];

export function readRss(doc: XmlDocument, documentBase: string | undefined): ReaderOutput {
  const warnings = feedWarnings(doc);
  const root = doc.root;
  if (!root) return { drafts: [], warnings };
  const items = findAll(root, (element) => isElement(element, 'item', CORE));
  const drafts: UpdateDraft[] = [];
  let cut = 0;
  for (const item of items.slice(0, MAX_ENTRIES)) {
    if (doc.unclosed.has(item)) {
      cut += 1;
      continue;
    }
    const draft = readItem(item, documentBase);
    if (draft) drafts.push(draft);
    else warnings.push('skipped an RSS item with neither title nor text');
  }
  if (cut > 0) warnings.push(truncationWarning(cut));
  return { drafts, warnings };
}

function readItem(item: Element, documentBase: string | undefined): UpdateDraft | undefined {
  const base = baseOf(item, documentBase);
  const title = textOf(firstChild(item, 'title', CORE)).trim();
  // content:encoded is meant to be the full text and description a summary, but feeds mix
  // them up; the longer one is the more complete.
  const body = longest([
    htmlContentOf(firstChild(item, 'encoded', [NS.content, 'prefix:content'])),
    htmlContentOf(firstChild(item, 'description', CORE)),
    htmlContentOf(firstChild(item, 'content', ATOM) ?? firstChild(item, 'summary', ATOM)),
  ]);
  if (!title && !body) return undefined;
  const link =
    textOf(firstChild(item, 'origlink', [NS.feedburner, 'prefix:feedburner'])).trim() ||
    textOf(firstChild(item, 'link', CORE)).trim() ||
    atomAlternateHref(item);
  const guidElement = firstChild(item, 'guid', CORE);
  const guid = textOf(guidElement).trim();
  // A guid is a permalink unless it says otherwise (RSS 2.0 default).
  const guidLink =
    attributeOf(guidElement, 'ispermalink')?.trim().toLowerCase() !== 'false' &&
    /^https?:\/\//i.test(guid)
      ? guid
      : '';
  const about = item.attribs['rdf:about']?.trim();
  return {
    id: guid || about || link || undefined,
    title: title ? htmlToTitle(title) : undefined,
    body,
    url: absoluteUrl(link || guidLink, base),
    published: pickDate(item, [
      ['pubdate', CORE],
      ['date', [NS.dc, 'prefix:dc']],
      ['published', ATOM],
      ['issued', [NS.dcterms, 'prefix:dcterms']],
      ['updated', ATOM],
    ]),
    modified: pickDate(item, [
      ['updated', ATOM],
      ['modified', [NS.dcterms, 'prefix:dcterms', NS.dc, 'prefix:dc']],
    ]),
  };
}

/** RSS titles are plain text, but feeds often put (escaped) markup in them anyway. */
function htmlToTitle(title: string): string {
  return /<\/?(b|i|em|strong|span|a|br|p)\b[^<>]*>/i.test(title) ? htmlToText(title) : title;
}

function atomAlternateHref(item: Element): string {
  const link = childElements(item).find(
    (child) => isElement(child, 'link', ATOM) && (child.attribs.rel ?? 'alternate') === 'alternate',
  );
  return link?.attribs.href?.trim() ?? '';
}

function longest(texts: readonly string[]): string {
  return texts.reduce((best, text) => (text.length > best.length ? text : best), '');
}
