/**
 * A forgiving XML tree for RSS and Atom: htmlparser2 in xmlMode never rejects (undeclared
 * entities, stray "&", a blank line before <?xml, a cut-off body), and this module adds
 * what feeds need on top: namespaces, xml:base and which elements a truncation left open.
 */
import { DomHandler, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { htmlToText, nodesToText } from './text.ts';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** Elements kept in the tree at most; a hostile feed cannot make the walk unbounded. */
const MAX_ELEMENTS = 300_000;

export interface XmlDocument {
  root: Element | undefined;
  /** Elements that never got their end tag: the document was cut off inside them. */
  unclosed: Set<Element>;
  /** True when the element budget ran out and the rest of the document was ignored. */
  overflowed: boolean;
}

/** Records which elements were closed only because the input ended. */
class TrackingHandler extends DomHandler {
  readonly unclosed = new Set<Element>();
  elementCount = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.elementCount += 1;
    super.onopentag(name, attribs);
  }

  override onclosetag(_name?: string, isImplied?: boolean): void {
    const top = this.tagStack[this.tagStack.length - 1];
    if (isImplied && top && top.type === 'tag') this.unclosed.add(top as Element);
    super.onclosetag();
  }
}

export function parseXml(text: string): XmlDocument {
  const handler = new TrackingHandler(null, { xmlMode: true });
  const parser = new Parser(handler, { xmlMode: true, decodeEntities: true });
  // Feeding in slices lets a runaway document stop at the element budget.
  const SLICE = 64 * 1024;
  let overflowed = false;
  for (let start = 0; start < text.length; start += SLICE) {
    parser.write(text.slice(start, start + SLICE));
    if (handler.elementCount > MAX_ELEMENTS) {
      overflowed = true;
      break;
    }
  }
  parser.end();
  const root = handler.root.children.find((node): node is Element => node.type === 'tag');
  return { root, unclosed: handler.unclosed, overflowed };
}

const prefixCache = new WeakMap<Element, Map<string, string>>();

/** The namespace URI of an element, from the xmlns declarations around it. */
export function namespaceOf(element: Element): string {
  const colon = element.name.indexOf(':');
  const prefix = colon >= 0 ? element.name.slice(0, colon) : '';
  return prefixMap(element).get(prefix) ?? (prefix ? `prefix:${prefix.toLowerCase()}` : '');
}

const NO_PREFIXES = new Map<string, string>();

/** Iterative (a hostile feed may nest deeper than the call stack) and cached per element. */
function prefixMap(element: Element): Map<string, string> {
  const pending: Element[] = [];
  let inherited = NO_PREFIXES;
  for (let node: Element | undefined = element; node; node = parentElement(node)) {
    const cached = prefixCache.get(node);
    if (cached) {
      inherited = cached;
      break;
    }
    pending.push(node);
  }
  for (const node of pending.reverse()) {
    const declarations = Object.entries(node.attribs).filter(
      ([name]) => name === 'xmlns' || name.startsWith('xmlns:'),
    );
    if (declarations.length > 0) {
      inherited = new Map(inherited);
      for (const [name, value] of declarations) {
        inherited.set(name === 'xmlns' ? '' : name.slice(6), value.trim());
      }
    }
    prefixCache.set(node, inherited);
  }
  return inherited;
}

function parentElement(element: Element): Element | undefined {
  return element.parent?.type === 'tag' ? (element.parent as Element) : undefined;
}

/** An attribute regardless of case (xmlMode keeps "isPermaLink" as written). */
export function attributeOf(element: Element | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const key = Object.keys(element.attribs).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : element.attribs[key];
}

export function localName(element: Element): string {
  const colon = element.name.indexOf(':');
  return (colon >= 0 ? element.name.slice(colon + 1) : element.name).toLowerCase();
}

/** Matches an element by local name and any of the given namespaces. */
export function isElement(element: Element, local: string, namespaces: readonly string[]): boolean {
  return localName(element) === local && namespaces.includes(namespaceOf(element));
}

export function childElements(element: Element): Element[] {
  return element.children.filter((node): node is Element => node.type === 'tag');
}

export function firstChild(
  element: Element,
  local: string,
  namespaces: readonly string[],
): Element | undefined {
  return childElements(element).find((child) => isElement(child, local, namespaces));
}

/** Descendants matching `match`, without looking inside a match (items never nest). */
export function findAll(root: Element, match: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element !== root && match(element)) {
      found.push(element);
      continue;
    }
    const children = childElements(element);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return found;
}

/** The raw character data of an element (text and CDATA, no markup). */
export function textOf(element: Element | undefined): string {
  if (!element) return '';
  let out = '';
  for (const node of element.children) {
    if (node.type === 'text') out += node.data;
    else if (node.type === 'cdata') {
      for (const inner of node.children) if (inner.type === 'text') out += inner.data;
    }
  }
  return out;
}

/** An element's content as plain text, whether it holds escaped HTML or real child markup. */
export function htmlContentOf(element: Element | undefined): string {
  if (!element) return '';
  const hasMarkup = element.children.some((node) => node.type === 'tag');
  return hasMarkup ? nodesToText(element.children) : htmlToText(textOf(element));
}

/** The base URL in effect at an element: xml:base chain resolved against the document URL. */
export function baseOf(element: Element, documentBase: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let node: Element | undefined = element; node; ) {
    const base = node.attribs['xml:base'];
    if (base) chain.push(base.trim());
    node = parentElement(node);
  }
  let resolved = documentBase;
  for (const base of chain.reverse()) {
    try {
      resolved = resolved ? new URL(base, resolved).href : new URL(base).href;
    } catch {
      // An unusable xml:base is ignored rather than poisoning every link below it.
    }
  }
  return resolved;
}
