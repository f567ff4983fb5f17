/** JSON Feed 1.0 / 1.1 items → update drafts. */
import { z } from 'zod';
import { MAX_ENTRIES } from './feed-common.ts';
import { htmlToText, plainTextToBody } from './text.ts';
import type { ReaderOutput, UpdateDraft } from './update-draft.ts';

/** Lenient field types: a wrong-typed field is dropped, never the whole item. */
const text = z.string().optional().catch(undefined);
const JsonFeedItemSchema = z.object({
  id: z
    .union([z.string(), z.number().transform(String)])
    .optional()
    .catch(undefined),
  url: text,
  external_url: text,
  title: text,
  content_text: text,
  content_html: text,
  summary: text,
  date_published: text,
  date_modified: text,
});

const JsonFeedSchema = z.object({
  version: z.string(),
  items: z.array(z.unknown()).catch([]),
});

export function isJsonFeed(value: unknown): boolean {
  const parsed = JsonFeedSchema.safeParse(value);
  return parsed.success && /jsonfeed\.org\/version\//i.test(parsed.data.version);
}

export function readJsonFeed(value: unknown): ReaderOutput {
  const warnings: string[] = [];
  const drafts: UpdateDraft[] = [];
  const parsed = JsonFeedSchema.safeParse(value);
  const items = parsed.success ? parsed.data.items : [];
  for (const raw of items.slice(0, MAX_ENTRIES)) {
    const item = JsonFeedItemSchema.safeParse(raw);
    if (!item.success) {
      warnings.push('skipped a JSON Feed item that is not an object');
      continue;
    }
    const { data } = item;
    const body = data.content_text?.trim()
      ? plainTextToBody(data.content_text)
      : htmlToText(data.content_html ?? data.summary ?? '');
    if (!body && !data.title?.trim()) {
      warnings.push('skipped a JSON Feed item with neither title nor text');
      continue;
    }
    drafts.push({
      id: data.id,
      title: data.title,
      body,
      url: data.url ?? data.external_url,
      published: data.date_published,
      modified: data.date_modified,
    });
  }
  return { drafts, warnings };
}
