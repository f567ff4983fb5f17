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
  const closes = new CloseTagFinder(html);
  // indexOf hops from tag to tag; a regex over megabytes of markup is several times slower.
  let at = html.indexOf('<');
  while (at >= 0 && at < html.length) {
    const next = html.charCodeAt(at + 1);
    let resume = at + 1;
    if (next === 0x21 /* ! */ && html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      resume = end < 0 ? html.length : end + 3;
    } else {
      const tag = rawTextTag(html, at);
      // One search for the end of the start tag, made only for these two tags: with one
      // per reader, V8 merged the identical calls and ran the merged one for every "<",
      // so a long attribute full of "<" cost a scan to its end per "<".
      const tagEnd = tag ? html.indexOf('>', at + 1 + tag.length) : -1;
      if (tag && tagEnd < 0) resume = html.length;
      else if (tag === 'script') resume = readScript(html, at, tagEnd, scan, closes);
      else if (tag === 'title') resume = readTitle(html, tagEnd, scan, closes);
    }
    at = html.indexOf('<', resume);
  }
  notePinned(html, scan);
  return scan;
}

function rawTextTag(html: string, at: number): 'script' | 'title' | undefined {
  if (startsWithTag(html, at, 'script')) return 'script';
  if (startsWithTag(html, at, 'title')) return 'title';
  return undefined;
}

/** Case-insensitive "<name" followed by whitespace, ">" or "/". */
function startsWithTag(html: string, at: number, name: string): boolean {
  if (html.slice(at + 1, at + 1 + name.length).toLowerCase() !== name) return false;
  const after = html.charCodeAt(at + 1 + name.length);
  return after === 0x3e || after === 0x2f || after === 0x20 || (after >= 0x09 && after <= 0x0d);
}

/** Returns the index to continue from (after </script>). */
function readScript(
  html: string,
  at: number,
  tagEnd: number,
  scan: HtmlScan,
  closes: CloseTagFinder,
): number {
  const close = closes.next('script', tagEnd + 1);
  const end = close < 0 ? html.length : close;
  const type = attribute(html.slice(at, tagEnd), 'type');
  if (type && /^application\/ld\+json\b/i.test(type.trim())) {
    scan.jsonLdBlocks.push(html.slice(tagEnd + 1, end));
  }
  return end;
}

function readTitle(html: string, tagEnd: number, scan: HtmlScan, closes: CloseTagFinder): number {
  const close = closes.next('title', tagEnd + 1);
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

const CLOSE_TAGS: Record<'script' | 'title', RegExp> = {
  script: /<\/script/gi,
  title: /<\/title/gi,
};

/**
 * Finds the next "</script" or "</title", any case. Searches only move forward, so the last
 * answer is remembered: a page of thousands of unclosed <title> tags costs one search, not
 * one search to the end of the page per tag.
 */
class CloseTagFinder {
  private readonly found = new Map<'script' | 'title', number>();

  constructor(private readonly html: string) {}

  next(name: 'script' | 'title', from: number): number {
    const known = this.found.get(name);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const pattern = CLOSE_TAGS[name];
    pattern.lastIndex = from;
    const index = pattern.exec(this.html)?.index ?? -1;
    this.found.set(name, index);
    return index;
  }
}

/** JSON-LD blocks sometimes come wrapped in comment or CDATA markers. */
export function unwrapJsonLd(block: string): string {
  return block
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/)$/, '')
    .trim();
}
