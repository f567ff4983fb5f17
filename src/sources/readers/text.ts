/**
 * HTML → plain text the way a reader sees it: blocks become paragraphs separated by one
 * blank line, list items become "• " lines, entities are decoded, whitespace is tidied.
 * Every reader funnels its bodies and titles through here so they all look alike.
 */
import type { AnyNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { nestsDeeperThan } from './markup-depth.ts';

/** Longest body kept per update; live-blog posts are far shorter, hostile input is not. */
export const MAX_BODY_CHARS = 20_000;
/** DOM depth beyond which markup is ignored (keeps the walk off the call-stack limit). */
const MAX_DEPTH = 200;

const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body caption center dd details dialog div dl dt ' +
    'fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main ' +
    'menu nav ol p pre section summary table tbody tfoot thead tr ul'
  ).split(' '),
);
const SKIPPED_TAGS = new Set(
  (
    'script style noscript template svg math iframe object embed button select textarea ' +
    'input head canvas video audio picture img figure source track map'
  ).split(' '),
);

export interface HtmlToTextOptions {
  /** Extra elements to leave out (share buttons, update headers…). */
  skip?: (element: Element) => boolean;
}

/** Collects text runs and pending breaks, so breaks never pile up or lead the output. */
class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private pendingBreak = 0;
  private pendingSpace = false;
  private prefix = '';

  get full(): boolean {
    return this.length >= MAX_BODY_CHARS;
  }

  text(raw: string, preformatted: boolean): void {
    const text = preformatted ? raw.replace(/\r\n?/g, '\n') : raw.replace(/\s+/g, ' ');
    const core = preformatted ? text : text.trim();
    if (core.trim() === '') {
      if (text !== '') this.pendingSpace = true;
      return;
    }
    if (this.length > 0) {
      if (this.pendingBreak > 0) this.push(this.pendingBreak >= 2 ? '\n\n' : '\n');
      else if (this.pendingSpace || text.startsWith(' ')) this.push(' ');
    }
    if (this.prefix) this.push(this.prefix);
    this.push(core);
    this.pendingBreak = 0;
    this.pendingSpace = !preformatted && text.endsWith(' ');
    this.prefix = '';
  }

  breakLine(): void {
    this.pendingBreak = this.pendingBreak >= 1 ? 2 : 1;
  }

  breakParagraph(): void {
    this.pendingBreak = 2;
  }

  listItem(): void {
    this.pendingBreak = Math.max(this.pendingBreak, 1);
    this.prefix = '• ';
  }

  toString(): string {
    return tidyText(this.parts.join(''));
  }

  private push(chunk: string): void {
    this.parts.push(chunk);
    this.length += chunk.length;
  }
}

/** Plain text of DOM nodes (HTML, or XHTML inside a feed). */
export function nodesToText(nodes: readonly AnyNode[], options: HtmlToTextOptions = {}): string {
  const builder = new TextBuilder();
  walk(nodes, builder, options, 0, false);
  return builder.toString();
}

/** Plain text of an HTML fragment, streamed: no DOM is built for the many small bodies. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidyText(html.replace(/\s+/g, ' '));
  // Absurdly nested markup would make the parser quadratic: just drop the tags.
  if (nestsDeeperThan(html)) return tidyText(decodeHTML(html.replace(/<[^<>]*>/g, ' ')));
  const builder = new TextBuilder();
  // htmlparser2 balances every open tag with a close (implied ones included).
  let skipping = 0;
  let preformatted = 0;
  // The parser cuts text at every entity; runs are joined before they are tidied, once.
  let run = '';
  const flush = () => {
    if (run !== '' && !builder.full) builder.text(run, preformatted > 0);
    run = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        flush();
        const tag = localTagName(name);
        if (skipping > 0 || SKIPPED_TAGS.has(tag)) {
          skipping += 1;
          return;
        }
        if (tag === 'pre') preformatted += 1;
        openTag(builder, tag);
      },
      ontext(text) {
        if (skipping === 0) run += text;
      },
      onclosetag(name) {
        flush();
        if (skipping > 0) {
          skipping -= 1;
          return;
        }
        const tag = localTagName(name);
        if (tag === 'pre') preformatted -= 1;
        closeTag(builder, tag);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flush();
  return builder.toString();
}

function openTag(builder: TextBuilder, tag: string): void {
  if (tag === 'br') builder.breakLine();
  else if (tag === 'li') builder.listItem();
  else if (BLOCK_TAGS.has(tag)) builder.breakParagraph();
  else if (tag === 'td' || tag === 'th') builder.text(' ', false);
}

function closeTag(builder: TextBuilder, tag: string): void {
  if (tag === 'li') builder.breakLine();
  else if (BLOCK_TAGS.has(tag)) builder.breakParagraph();
}

function walk(
  nodes: readonly AnyNode[],
  builder: TextBuilder,
  options: HtmlToTextOptions,
  depth: number,
  preformatted: boolean,
): void {
  if (depth > MAX_DEPTH) return;
  for (const node of nodes) {
    if (builder.full) return;
    if (node.type === 'text') {
      builder.text(node.data, preformatted);
    } else if (node.type === 'cdata') {
      walk(node.children, builder, options, depth + 1, preformatted);
    } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      walkElement(node as Element, builder, options, depth, preformatted);
    }
  }
}

function walkElement(
  element: Element,
  builder: TextBuilder,
  options: HtmlToTextOptions,
  depth: number,
  preformatted: boolean,
): void {
  const name = localTagName(element.name);
  if (SKIPPED_TAGS.has(name) || options.skip?.(element)) return;
  openTag(builder, name);
  walk(element.children, builder, options, depth + 1, preformatted || name === 'pre');
  closeTag(builder, name);
}

/** "xhtml:p" → "p", "P" → "p". */
export function localTagName(name: string): string {
  const colon = name.indexOf(':');
  return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
}

/**
 * Tidies plain text: unicode spaces become spaces, lines are trimmed, paragraphs are
 * separated by exactly one blank line, and the result is clipped at a word.
 */
export function tidyText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b\u00ad\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim());
  const joined = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return clipAtWord(joined, MAX_BODY_CHARS);
}

/**
 * Plain-text fields (JSON-LD articleBody, JSON Feed content_text) sometimes still carry
 * entities, and some separate paragraphs with a single newline: those become blank lines,
 * except for bullet lists, which stay one item per line.
 */
export function plainTextToBody(text: string): string {
  const decoded = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text) ? decodeHTML(text) : text;
  const tidy = tidyText(decoded);
  if (tidy.includes('\n\n') || !tidy.includes('\n')) return tidy;
  return tidy
    .split('\n')
    .map((line, index) => (index > 0 && !BULLET_LINE.test(line) ? `\n${line}` : line))
    .join('\n');
}

const BULLET_LINE = /^[•·▪◦*–-]\s/;

/** Decides between HTML and plain text for fields that may hold either. */
export function fieldToBody(value: string): string {
  return looksLikeHtml(value) ? htmlToText(value) : plainTextToBody(value);
}

export function looksLikeHtml(value: string): boolean {
  return /<\/?[a-z][a-z0-9]*[\s/>]/i.test(value) && value.includes('>');
}

/** A one-line title from text that may hold entities (RSS titles are often double-escaped). */
export function toTitle(value: string | undefined): string {
  if (!value) return '';
  const decoded = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(value) ? decodeHTML(value) : value;
  return clipAtWord(
    decoded
      .replace(/[\u200b\u00ad\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
    300,
  );
}

const TITLE_MAX = 120;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION =
  /\b(mr|mrs|ms|dr|st|jr|sr|prof|gen|col|lt|sgt|rev|no|vs|etc|approx|u\.s|u\.k|e\.g|i\.e)\.$/i;

/** A title for an update that has none: its first sentence, cut at a word. */
export function titleFromBody(body: string): string {
  const firstParagraph = (body.slice(0, 600).split('\n')[0] ?? '').replace(/^[•·▪◦*–-]\s+/, '');
  const sentence = firstSentence(firstParagraph).replace(/[.:;,]$/, '');
  return clipAtWord(sentence, TITLE_MAX);
}

function firstSentence(text: string): string {
  const end = /[.!?…]["'”’)]?(?=\s+["'“‘(]?[A-Z0-9À-ÖØ-ÞА-Я])/g;
  for (const match of text.matchAll(end)) {
    const upTo = text.slice(0, match.index + match[0].length);
    if (ABBREVIATION.test(upTo.slice(-12).replace(/["'”’)]$/, ''))) continue;
    if (/(^|\s)[A-Z]\.$/.test(upTo.slice(-3))) continue;
    return upTo;
  }
  return text;
}

/** Cuts at the last word boundary before `max` characters and marks the cut with "…". */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
