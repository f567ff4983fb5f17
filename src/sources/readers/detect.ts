/**
 * What kind of document the text is, judged from its content (never the URL): the first
 * element of markup, the first character of JSON, or the share of control characters.
 */

export type DocumentKind = 'empty' | 'binary' | 'json' | 'rss' | 'atom' | 'xml' | 'html' | 'text';

export interface Detected {
  kind: DocumentKind;
  /** The root element's name, for markup. */
  root?: string;
}

/** How far into the text the sniffing looks. */
const SNIFF_CHARS = 65_536;

export function detectKind(text: string): Detected {
  const start = text.search(/\S/);
  if (start < 0) return { kind: 'empty' };
  if (looksBinary(text)) return { kind: 'binary' };
  const first = text[start];
  if (first === '{' || first === '[') return { kind: 'json' };
  if (first !== '<') {
    const head = text.slice(0, 4096);
    return /<(?:html|head|body)\b/i.test(head) ? { kind: 'html' } : { kind: 'text' };
  }
  const { root, htmlDoctype, xmlDeclaration } = firstElement(text, start);
  const local = (root ?? '').toLowerCase().replace(/^.*:/, '');
  if (local === 'rss' || local === 'rdf' || local === 'channel') return { kind: 'rss', root };
  if (local === 'feed') return { kind: 'atom', root };
  // A feed saved inside an XHTML wrapper is still the feed.
  if (ATOM_FEED_ELEMENT.test(text.slice(0, SNIFF_CHARS))) return { kind: 'atom', root };
  if (htmlDoctype || !xmlDeclaration || HTML_ROOTS.has(local)) return { kind: 'html', root };
  return { kind: 'xml', root };
}

const ATOM_FEED_ELEMENT =
  /<feed\s[^>]{0,500}?xmlns\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom["']/;
const HTML_ROOTS = new Set(['html', 'head', 'body', 'title', 'meta', 'div', 'p', 'h1', 'table']);

/** Skips the prolog (declaration, processing instructions, comments, doctype). */
function firstElement(
  text: string,
  from: number,
): { root: string | undefined; htmlDoctype: boolean; xmlDeclaration: boolean } {
  let at = from;
  let htmlDoctype = false;
  let xmlDeclaration = false;
  const limit = Math.min(text.length, SNIFF_CHARS);
  while (at < limit) {
    const lt = text.indexOf('<', at);
    if (lt < 0 || lt >= limit) break;
    if (text.startsWith('<?', lt)) {
      if (/^<\?xml\s/i.test(text.slice(lt, lt + 6))) xmlDeclaration = true;
      at = skipPast(text, '?>', lt);
    } else if (text.startsWith('<!--', lt)) {
      at = skipPast(text, '-->', lt);
    } else if (text.startsWith('<!', lt)) {
      if (/^<!doctype\s+html/i.test(text.slice(lt, lt + 14))) htmlDoctype = true;
      at = skipPast(text, '>', lt);
    } else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(lt, lt + 100))?.[1];
      if (name) return { root: name, htmlDoctype, xmlDeclaration };
      at = lt + 1;
    }
  }
  return { root: undefined, htmlDoctype, xmlDeclaration };
}

function skipPast(text: string, marker: string, from: number): number {
  const end = text.indexOf(marker, from);
  return end < 0 ? text.length : end + marker.length;
}

/** Control characters and decoding failures are rare in text and common in binary data. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let odd = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0xfffd
    ) {
      odd += 1;
    }
  }
  return odd > 8 && odd / sample.length > 0.02;
}
