/**
 * How deeply a document nests its markup, counted without a parser. htmlparser2 keeps its
 * open-element stack with Array#unshift, so absurd nesting (hostile or broken documents)
 * costs quadratic time; real pages nest a few dozen levels at most.
 */

/** Deeper than this, markup is not parsed as a tree. */
export const MAX_MARKUP_DEPTH = 1000;

export const TOO_DEEP = `not a feed or live blog: the markup nests more than ${MAX_MARKUP_DEPTH} levels deep, which no real document does`;

const VOID_TAGS = new Set(
  'area base br col embed hr img input keygen link meta param source track wbr'.split(' '),
);

const BANG = 0x21;
const QUESTION = 0x3f;
const SLASH = 0x2f;

/**
 * True when the open elements ever pile up beyond `limit`, counted the way the parser keeps
 * them: an end tag closes everything opened since its own start tag, and one with no open
 * start tag is ignored. In `xml` mode names keep their case and every start tag that does
 * not close itself counts, as the XML parser knows no void or raw-text elements (`<br>` and
 * `<script>` nest like any other element there).
 *
 * Linear, and kept so: each search for the end of a construct starts at a different offset.
 * When two branches both ran `text.indexOf('>', at)`, V8's optimiser merged the two pure
 * calls and hoisted the result above the branches, so every "<" searched to the end of the
 * text: once warmed up on ordinary pages, a 5 MB page of stray "<" took over a minute.
 */
export function nestsDeeperThan(text: string, limit = MAX_MARKUP_DEPTH, xml = false): boolean {
  const open = new OpenElements();
  let at = text.indexOf('<');
  while (at >= 0) {
    let resume = at + 1;
    const next = text.charCodeAt(at + 1);
    if (next === BANG || next === QUESTION) {
      resume = skipDeclaration(text, at);
    } else if (next === SLASH) {
      const name = tagNameAt(text, at + 2, xml);
      if (name) open.close(name);
    } else {
      const name = tagNameAt(text, at + 1, xml);
      if (name) {
        const end = text.indexOf('>', at + 1 + name.length);
        if (end < 0) return false;
        resume = end + 1;
        const selfClosing = text.charCodeAt(end - 1) === SLASH;
        if (!xml && (name === 'script' || name === 'style')) {
          const close = text.indexOf(`</${name}`, resume);
          resume = close < 0 ? text.length : close;
        } else if (!selfClosing && (xml || !VOID_TAGS.has(name))) {
          open.push(name);
          if (open.depth > limit) return true;
        }
      }
    }
    at = text.indexOf('<', resume);
  }
  return false;
}

/** The parser's stack of open elements, with a count per name so a close costs no search. */
class OpenElements {
  private readonly stack: string[] = [];
  private readonly counts = new Map<string, number>();

  get depth(): number {
    return this.stack.length;
  }

  push(name: string): void {
    this.stack.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  close(name: string): void {
    if (!this.counts.get(name)) return;
    for (let popped = this.stack.pop(); popped !== undefined; popped = this.stack.pop()) {
      this.counts.set(popped, (this.counts.get(popped) ?? 1) - 1);
      if (popped === name) return;
    }
  }
}

/** Past the end of the comment, CDATA section, doctype or processing instruction at `at`. */
function skipDeclaration(text: string, at: number): number {
  if (text.startsWith('<!--', at)) return skipPast(text, '-->', at + 2);
  if (text.startsWith('<![CDATA[', at)) return skipPast(text, ']]>', at + 9);
  return skipPast(text, '>', at + 2);
}

/** The element name at `from` (a letter, then up to 40 of [\w:.-]); HTML names lowercased. */
function tagNameAt(text: string, from: number, xml: boolean): string | undefined {
  if (!isLetter(text.charCodeAt(from))) return undefined;
  let end = from + 1;
  while (end < from + 41 && isNameChar(text.charCodeAt(end))) end += 1;
  const name = text.slice(from, end);
  return xml ? name : name.toLowerCase();
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isNameChar(code: number): boolean {
  return (
    isLetter(code) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x3a ||
    code === 0x2e ||
    code === 0x2d
  );
}

function skipPast(text: string, marker: string, from: number): number {
  const end = text.indexOf(marker, from);
  return end < 0 ? text.length : end + marker.length;
}
