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

/** True when start tags (minus end tags) ever pile up beyond `limit`. */
export function nestsDeeperThan(text: string, limit = MAX_MARKUP_DEPTH): boolean {
  let depth = 0;
  let at = text.indexOf('<');
  while (at >= 0) {
    let resume = at + 1;
    if (text.startsWith('<!--', at)) {
      resume = skipPast(text, '-->', at);
    } else if (text.startsWith('<![CDATA[', at)) {
      resume = skipPast(text, ']]>', at);
    } else if (text[at + 1] === '!' || text[at + 1] === '?') {
      resume = skipPast(text, '>', at);
    } else if (text[at + 1] === '/') {
      depth = Math.max(0, depth - 1);
    } else {
      const name = /^[A-Za-z][\w:.-]{0,40}/.exec(text.slice(at + 1, at + 43))?.[0]?.toLowerCase();
      if (name) {
        const end = text.indexOf('>', at);
        if (end < 0) return false;
        resume = end + 1;
        const selfClosing = text[end - 1] === '/';
        if (name === 'script' || name === 'style') {
          const close = text.indexOf(`</${name}`, resume);
          resume = close < 0 ? text.length : close;
        } else if (!selfClosing && !VOID_TAGS.has(name)) {
          depth += 1;
          if (depth > limit) return true;
        }
      }
    }
    at = text.indexOf('<', resume);
  }
  return false;
}

function skipPast(text: string, marker: string, from: number): number {
  const end = text.indexOf(marker, from);
  return end < 0 ? text.length : end + marker.length;
}
