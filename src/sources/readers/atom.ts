/** Atom 1.0 (and the older 0.3) entries → update drafts. */
import type { Element } from 'domhandler';
import { feedWarnings, MAX_ENTRIES, pickDate, truncationWarning } from './feed-common.ts';
import { htmlToText, nodesToText, plainTextToBody } from './text.ts';
import { absoluteUrl, type ReaderOutput, type UpdateDraft } from './update-draft.ts';
import { baseOf, childElements, findAll, isElement, NS, textOf, type XmlDocument } from './xml.ts';

const ATOM = [NS.atom, NS.atom03, ''];

export function readAtom(doc: XmlDocument, documentBase: string | undefined): ReaderOutput {
  const warnings = feedWarnings(doc);
  const root = doc.root;
  if (!root) return { drafts: [], warnings };
  const entries = findAll(root, (element) => isElement(element, 'entry', ATOM));
  const drafts: UpdateDraft[] = [];
  let cut = 0;
  for (const entry of entries.slice(0, MAX_ENTRIES)) {
    if (doc.unclosed.has(entry)) {
      cut += 1;
      continue;
    }
    const draft = readEntry(entry, documentBase);
    if (draft) drafts.push(draft);
    else warnings.push('skipped an Atom entry with neither title nor text');
  }
  if (cut > 0) warnings.push(truncationWarning(cut));
  return { drafts, warnings };
}

function readEntry(entry: Element, documentBase: string | undefined): UpdateDraft | undefined {
  const children = childElements(entry);
  const find = (local: string) => children.find((child) => isElement(child, local, ATOM));
  const content = find('content');
  // Out-of-line content (<content src="…"/>) leaves the summary as the only text.
  const bodySource = content && !content.attribs.src ? content : find('summary');
  const title = textConstruct(find('title'), false).replace(/\s+/g, ' ');
  const body = textConstruct(bodySource, true);
  if (!title && !body) return undefined;
  const link = alternateLink(children);
  const id = textOf(find('id')).trim();
  // Without a link, an http(s) id is the permalink (common in hand-written feeds).
  const href = link?.attribs.href ?? (/^https?:\/\//i.test(id) ? id : undefined);
  return {
    id: id || undefined,
    title: title || undefined,
    body,
    url: absoluteUrl(href, baseOf(link ?? entry, documentBase)),
    published: pickDate(entry, [
      ['published', ATOM],
      ['issued', ATOM],
      ['updated', ATOM],
    ]),
    modified: pickDate(entry, [
      ['updated', ATOM],
      ['modified', ATOM],
    ]),
  };
}

/** Atom text constructs: type="text" (default), "html" (escaped) or "xhtml" (inline markup). */
function textConstruct(element: Element | undefined, multiline: boolean): string {
  if (!element) return '';
  const type = (element.attribs.type ?? 'text').toLowerCase();
  const hasMarkup = element.children.some((node) => node.type === 'tag');
  if (type === 'xhtml' || hasMarkup) return nodesToText(element.children);
  const raw = textOf(element);
  if (type === 'html' || type === 'text/html') return htmlToText(raw);
  return multiline ? plainTextToBody(raw) : raw.trim();
}

function alternateLink(children: readonly Element[]): Element | undefined {
  const links = children.filter((child) => isElement(child, 'link', ATOM) && child.attribs.href);
  return (
    links.find((link) => (link.attribs.rel ?? 'alternate') === 'alternate') ??
    links.find((link) => !link.attribs.rel || link.attribs.rel === 'self') ??
    links[0]
  );
}
