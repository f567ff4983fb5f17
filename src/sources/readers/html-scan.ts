/**
 * A quick pass over an HTML page that finds what the JSON-LD path needs (the
 * <script type="application/ld+json"> blocks, the <title>, ids marked as pinned) without
 * building a DOM: a live-blog page can be several megabytes, mostly one huge script.
 */
import { decodeHTML } from 'entities';

export interface HtmlScan {
  jsonLdBlocks: string[];
  title: string | undefined;
  /** Element ids with data-pinned="true" or a "…--pinned" / "pinned" class. */
  pinnedIds: Set<string>;
}

/** Markers of a pinned update inside a start tag. */
const PINNED_MARKER = /\sdata-pinned\s*=\s*["']?true|--pinned\b/i;

export function scanHtml(html: string): HtmlScan {
  const scan: HtmlScan = { jsonLdBlocks: [], title: undefined, pinnedIds: new Set() };
  // indexOf hops from tag to tag; a regex over megabytes of markup is several times slower.
  let at = html.indexOf('<');
  while (at >= 0 && at < html.length) {
    const next = html.charCodeAt(at + 1);
    let resume = at + 1;
    if (next === 0x21 /* ! */ && html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      resume = end < 0 ? html.length : end + 3;
    } else if (startsWithTag(html, at, 'script')) {
      resume = readScript(html, at, scan);
    } else if (startsWithTag(html, at, 'title')) {
      resume = readTitle(html, at, scan);
    }
    at = html.indexOf('<', resume);
  }
  notePinned(html, scan);
  return scan;
}

/** Case-insensitive "<name" followed by whitespace, ">" or "/". */
function startsWithTag(html: string, at: number, name: string): boolean {
  if (html.slice(at + 1, at + 1 + name.length).toLowerCase() !== name) return false;
  const after = html.charCodeAt(at + 1 + name.length);
  return after === 0x3e || after === 0x2f || after === 0x20 || (after >= 0x09 && after <= 0x0d);
}

/** Returns the index to continue from (after </script>). */
function readScript(html: string, at: number, scan: HtmlScan): number {
  const tagEnd = html.indexOf('>', at);
  if (tagEnd < 0) return html.length;
  const close = indexOfCaseless(html, '</script', tagEnd + 1);
  const end = close < 0 ? html.length : close;
  const type = attribute(html.slice(at, tagEnd), 'type');
  if (type && /^application\/ld\+json\b/i.test(type.trim())) {
    scan.jsonLdBlocks.push(html.slice(tagEnd + 1, end));
  }
  return end;
}

function readTitle(html: string, at: number, scan: HtmlScan): number {
  const tagEnd = html.indexOf('>', at);
  if (tagEnd < 0) return html.length;
  const close = indexOfCaseless(html, '</title', tagEnd + 1);
  const end = close < 0 ? Math.min(html.length, tagEnd + 1 + 500) : close;
  if (scan.title === undefined) {
    const title = decodeHTML(html.slice(tagEnd + 1, end))
      .replace(/\s+/g, ' ')
      .trim();
    if (title) scan.title = title.slice(0, 200);
  }
  return end;
}

/** Pinned markers sit in start tags; each found one gives the id of its element. */
function notePinned(html: string, scan: HtmlScan): void {
  let seen = 0;
  // Pinned posts are few; the cap keeps a page full of the word from costing n² scans.
  for (
    let at = html.indexOf('pinned');
    at >= 0 && seen < 200;
    at = html.indexOf('pinned', at + 6)
  ) {
    seen += 1;
    const tagStart = html.lastIndexOf('<', at);
    const tagEnd = html.indexOf('>', at);
    if (tagStart < 0 || tagEnd < 0 || at - tagStart > 2000) continue;
    if (html.lastIndexOf('>', at) > tagStart) continue;
    const tag = html.slice(tagStart, tagEnd);
    if (!/^<[a-z]/i.test(tag) || !PINNED_MARKER.test(tag)) continue;
    const id = attribute(tag, 'id');
    if (id) scan.pinnedIds.add(id.trim());
  }
}

/** One attribute's value from the text of a start tag. */
export function attribute(tag: string, name: string): string | undefined {
  const pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');
  const match = pattern.exec(tag);
  if (!match) return undefined;
  return decodeHTML(match[1] ?? match[2] ?? match[3] ?? '');
}

const CLOSE_TAGS: Record<string, RegExp> = { script: /<\/script/gi, title: /<\/title/gi };

/** The next "</name", any case (a regex from `from` stops at the first hit). */
function indexOfCaseless(html: string, needle: '</script' | '</title', from: number): number {
  const pattern = CLOSE_TAGS[needle.slice(2)]!;
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

/** JSON-LD blocks sometimes come wrapped in comment or CDATA markers. */
export function unwrapJsonLd(block: string): string {
  return block
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/)$/, '')
    .trim();
}
