/** A JSON document: a JSON Feed, or any JSON that carries a schema.org LiveBlogPosting. */
import { isJsonFeed, readJsonFeed } from './jsonfeed.ts';
import { type LiveBlogInfo, liveBlogInfo, readLiveBlogPostings, scanJsonLd } from './jsonld.ts';
import { ReadError } from './read-error.ts';
import type { ReaderOutput } from './update-draft.ts';

export interface JsonReading {
  format: 'jsonfeed' | 'jsonld';
  output: ReaderOutput;
  liveBlog?: LiveBlogInfo;
}

export function readJsonDocument(text: string, documentBase: string | undefined): JsonReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReadError(
      `not a feed or live blog: the document looks like JSON but does not parse (${reason.slice(0, 120)})`,
    );
  }
  if (isJsonFeed(value)) return { format: 'jsonfeed', output: readJsonFeed(value) };
  const jsonLd = scanJsonLd([value]);
  if (jsonLd.postings.length === 0) {
    throw new ReadError(
      'not a feed or live blog: the JSON document is neither a JSON Feed nor a schema.org LiveBlogPosting',
    );
  }
  const output = readLiveBlogPostings(jsonLd, { documentBase, markupPinnedIds: new Set() });
  if (output.drafts.length === 0) output.warnings.push('the live blog has no updates yet');
  const liveBlog = liveBlogInfo(jsonLd, documentBase);
  return { format: 'jsonld', output, ...(liveBlog ? { liveBlog } : {}) };
}
