/**
 * Fetched bytes → normalised live-blog updates. The format is told from the content (a
 * feed URL may serve an HTML error page, a page URL may serve JSON), every reader's
 * drafts get the same normalisation, and nothing but a ReadError ever escapes.
 */
import type { Update } from '../core/update.ts';
import { readAtom } from './readers/atom.ts';
import { decodeBytes } from './readers/decode.ts';
import { detectKind } from './readers/detect.ts';
import { MAX_ENTRIES } from './readers/feed-common.ts';
import { readHtmlPage } from './readers/html-page.ts';
import { readJsonDocument } from './readers/json-document.ts';
import type { LiveBlogInfo } from './readers/jsonld.ts';
import { MAX_MARKUP_DEPTH, nestsDeeperThan, TOO_DEEP } from './readers/markup-depth.ts';
import { readPlainText } from './readers/plain-text.ts';
import { ReadError } from './readers/read-error.ts';
import { readRss } from './readers/rss.ts';
import { finishUpdate, type ReaderOutput } from './readers/update-draft.ts';
import { parseXml } from './readers/xml.ts';

export type { LiveBlogInfo } from './readers/jsonld.ts';
export { ReadError } from './readers/read-error.ts';

export type SourceFormat = 'jsonld' | 'rss' | 'atom' | 'jsonfeed' | 'html-articles' | 'text';

export interface ReadOptions {
  /** URL or path the bytes came from, also the base for relative links. */
  source: string;
  /** HTTP Content-Type header, if any. */
  contentType?: string;
}

export interface ReadResult {
  format: SourceFormat;
  updates: Update[];
  warnings: string[];
  /** The document's schema.org LiveBlogPosting (title, coverage times), when it has one. */
  liveBlog?: LiveBlogInfo;
}

export function readDocument(body: Uint8Array, options: ReadOptions): ReadResult {
  try {
    return read(body, options);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReadError(`could not read the document: ${reason.slice(0, 200)}`);
  }
}

function read(body: Uint8Array, options: ReadOptions): ReadResult {
  if (body.length === 0) throw new ReadError('the document is empty');
  const decoded = decodeBytes(body, options.contentType);
  const base = httpBase(options.source);
  const text = decoded.text;
  const detected = detectKind(text);
  let format: SourceFormat;
  let output: ReaderOutput;
  let liveBlog: LiveBlogInfo | undefined;
  switch (detected.kind) {
    case 'empty':
      throw new ReadError('the document is empty');
    case 'binary':
      throw new ReadError('not a feed or live blog: the document is binary data, not text');
    case 'json':
      ({ format, output, liveBlog } = readJsonDocument(text, base));
      break;
    case 'rss':
    case 'atom':
      format = detected.kind;
      output = readFeed(text, detected.kind, base);
      break;
    case 'xml':
      throw new ReadError(
        `not a feed or live blog: the document is XML (<${detected.root}>) but neither RSS nor Atom`,
      );
    case 'html':
      ({ format, output, liveBlog } = readHtmlPage(text, base));
      break;
    case 'text':
      format = 'text';
      output = readPlainText(text);
      if (output.drafts.length === 0) {
        throw new ReadError('not a feed or live blog: the text holds no updates');
      }
      break;
  }
  const result = finish(format, output, options.source, base, decoded.warnings);
  return liveBlog ? { ...result, liveBlog } : result;
}

function readFeed(text: string, kind: 'rss' | 'atom', base: string | undefined): ReaderOutput {
  if (nestsDeeperThan(text, MAX_MARKUP_DEPTH, true)) throw new ReadError(TOO_DEEP);
  const doc = parseXml(text);
  const output = kind === 'rss' ? readRss(doc, base) : readAtom(doc, base);
  if (output.drafts.length === 0 && doc.root && doc.unclosed.has(doc.root)) {
    throw new ReadError('not a complete feed: the document is cut off before its first entry');
  }
  return output;
}

/** Only web addresses can resolve relative links; a file path cannot. */
function httpBase(source: string): string | undefined {
  try {
    const url = new URL(source);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function finish(
  format: SourceFormat,
  output: ReaderOutput,
  source: string,
  base: string | undefined,
  decodeWarnings: readonly string[],
): ReadResult {
  const warnings = [...decodeWarnings, ...output.warnings];
  const updates: Update[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const draft of output.drafts) {
    if (updates.length >= MAX_ENTRIES) {
      warnings.push(`the document holds more than ${MAX_ENTRIES} updates; the rest were ignored`);
      break;
    }
    const update = finishUpdate(draft, source, base);
    if (seen.has(update.id)) {
      duplicates.push(update.id);
      continue;
    }
    seen.add(update.id);
    updates.push(update);
  }
  if (duplicates.length > 0) {
    const shown = duplicates.slice(0, 3).join(', ');
    warnings.push(
      `${duplicates.length} update(s) repeat an earlier id and were dropped, keeping the first (${shown})`,
    );
  }
  return { format, updates: newestFirst(updates), warnings };
}

/**
 * Keeps the document's order, which for live blogs and feeds is newest first; a document
 * that is mostly oldest first is turned round, pinned summaries staying on top.
 */
function newestFirst(updates: Update[]): Update[] {
  const pinned = updates.filter((update) => update.pinned);
  const rest = updates.filter((update) => !update.pinned);
  let older = 0;
  let newer = 0;
  for (let i = 1; i < rest.length; i += 1) {
    const before = rest[i - 1]?.published;
    const after = rest[i]?.published;
    if (!before || !after || before === after) continue;
    if (after > before) newer += 1;
    else older += 1;
  }
  return newer > older ? [...pinned, ...rest.reverse()] : updates;
}
