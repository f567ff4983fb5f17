/**
 * schema.org LiveBlogPosting → update drafts. Works on already-parsed JSON values, so the
 * same code serves JSON-LD blocks in a page and JSON documents that embed the posting
 * (e.g. the Guardian's page model keeps it under `linkedData`).
 */
import { z } from 'zod';
import { MAX_ENTRIES } from './feed-common.ts';
import { fieldToBody } from './text.ts';
import { absoluteUrl, type ReaderOutput, toIsoDate, type UpdateDraft } from './update-draft.ts';

type JsonObject = Record<string, unknown>;

/** Bounds on the walk through untrusted JSON. */
const MAX_DEPTH = 64;
const MAX_NODES = 500_000;

export interface JsonLdScan {
  postings: JsonObject[];
  /** Every schema.org type seen, e.g. to tell an ordinary NewsArticle page apart. */
  types: Set<string>;
  /** Ids the document itself marks as pinned (a block's `attributes.pinned`, `pinnedPost`). */
  pinnedIds: Set<string>;
  nodesById: Map<string, JsonObject>;
}

export function scanJsonLd(values: readonly unknown[]): JsonLdScan {
  const scan: JsonLdScan = {
    postings: [],
    types: new Set(),
    pinnedIds: new Set(),
    nodesById: new Map(),
  };
  const stack: Array<[unknown, number]> = values.map((value) => [value, 0]);
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const [value, depth] = stack.pop()!;
    visited += 1;
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push([value[i], depth + 1]);
      continue;
    }
    const object = value as JsonObject;
    noteObject(object, scan);
    for (const child of Object.values(object)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return scan;
}

function noteObject(object: JsonObject, scan: JsonLdScan): void {
  const types = typesOf(object);
  for (const type of types) scan.types.add(type);
  if (types.includes('LiveBlogPosting')) scan.postings.push(object);
  const id = object['@id'];
  if (typeof id === 'string' && Object.keys(object).length > 1) scan.nodesById.set(id, object);
  const attributes = object.attributes;
  if (typeof object.id === 'string' && attributes && typeof attributes === 'object') {
    const pinned = (attributes as JsonObject).pinned;
    if (pinned === true || pinned === 'true') scan.pinnedIds.add(object.id);
  }
  const pinnedPost = object.pinnedPost;
  if (pinnedPost && typeof pinnedPost === 'object') {
    const pinnedId = (pinnedPost as JsonObject).id;
    if (typeof pinnedId === 'string') scan.pinnedIds.add(pinnedId);
  }
}

/** "schema:NewsArticle", "http://schema.org/NewsArticle" and ["NewsArticle"] all count. */
function typesOf(object: JsonObject): string[] {
  const raw = object['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.slice(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1));
}

const ARTICLE_TYPES = ['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle'];

/** The article type a page declares instead of a live blog, if any. */
export function ordinaryArticleType(scan: JsonLdScan): string | undefined {
  return ARTICLE_TYPES.find((type) => scan.types.has(type));
}

const text = z.string().optional().catch(undefined);
const textOrList = z
  .union([z.string(), z.array(z.string()).transform((parts) => parts.join('\n\n'))])
  .optional()
  .catch(undefined);
const dateValue = z.union([z.string(), z.number()]).optional().catch(undefined);
const reference = z
  .union([z.string(), z.object({ '@id': z.string() }).transform((node) => node['@id'])])
  .optional()
  .catch(undefined);

const BlogPostingSchema = z.object({
  '@id': text,
  url: text,
  headline: text,
  name: text,
  articleBody: textOrList,
  text: textOrList,
  description: text,
  datePublished: dateValue,
  dateCreated: dateValue,
  dateModified: dateValue,
});

const PostingSchema = z.object({
  url: text,
  '@id': text,
  mainEntityOfPage: reference,
  headline: text,
  liveBlogUpdate: z.unknown(),
});

/** What a live blog says of itself: its title and the span of time it covers. */
export interface LiveBlogInfo {
  title?: string;
  /** Absolute URL the posting names for itself, when it gives one. */
  url?: string;
  /** ISO 8601: `coverageStartTime`, else `datePublished`. */
  startedAt?: string;
  /** ISO 8601 `coverageEndTime`: after it the blog is over (it may be in the future). */
  endsAt?: string;
}

const PostingTimesSchema = z.object({
  headline: text,
  name: text,
  url: text,
  '@id': text,
  coverageStartTime: dateValue,
  coverageEndTime: dateValue,
  datePublished: dateValue,
});

/** The first LiveBlogPosting's own description; undefined when the page has none. */
export function liveBlogInfo(
  scan: JsonLdScan,
  documentBase: string | undefined,
): LiveBlogInfo | undefined {
  const first = scan.postings[0];
  if (!first) return undefined;
  const parsed = PostingTimesSchema.safeParse(first);
  if (!parsed.success) return {};
  const posting = parsed.data;
  const title = (posting.headline ?? posting.name)?.replace(/\s+/g, ' ').trim();
  const url = absoluteUrl(posting.url, documentBase) ?? absoluteUrl(posting['@id'], documentBase);
  const startedAt = toIsoDate(posting.coverageStartTime) ?? toIsoDate(posting.datePublished);
  const endsAt = toIsoDate(posting.coverageEndTime);
  return {
    ...(title ? { title: title.slice(0, 300) } : {}),
    ...(url ? { url } : {}),
    ...(startedAt ? { startedAt } : {}),
    ...(endsAt ? { endsAt } : {}),
  };
}

export interface LiveBlogContext {
  documentBase: string | undefined;
  /** Element ids the page markup marks as pinned (data-pinned="true", "--pinned" classes). */
  markupPinnedIds: ReadonlySet<string>;
}

export function readLiveBlogPostings(scan: JsonLdScan, context: LiveBlogContext): ReaderOutput {
  const drafts: UpdateDraft[] = [];
  const warnings: string[] = [];
  const pinnedIds = new Set([...scan.pinnedIds, ...context.markupPinnedIds]);
  for (const raw of scan.postings) {
    const parsed = PostingSchema.safeParse(raw);
    if (!parsed.success) continue;
    const posting = parsed.data;
    const base =
      absoluteUrl(posting.url, context.documentBase) ??
      absoluteUrl(posting.mainEntityOfPage, context.documentBase) ??
      absoluteUrl(posting['@id'], context.documentBase) ??
      context.documentBase;
    const items = Array.isArray(posting.liveBlogUpdate)
      ? posting.liveBlogUpdate
      : [posting.liveBlogUpdate];
    for (const item of items) {
      if (drafts.length >= MAX_ENTRIES) break;
      if (item === undefined || item === null) continue;
      const draft = readBlogPosting(resolve(item, scan), posting.headline, base, pinnedIds);
      if (draft) drafts.push(draft);
      else warnings.push('skipped a liveBlogUpdate entry with no id, headline or text');
    }
  }
  return { drafts, warnings };
}

/** A bare {"@id": …} reference points at a node defined elsewhere (e.g. in @graph). */
function resolve(item: unknown, scan: JsonLdScan): unknown {
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const object = item as JsonObject;
    const id = object['@id'];
    if (typeof id === 'string' && Object.keys(object).length === 1) return scan.nodesById.get(id);
  }
  return item;
}

function readBlogPosting(
  item: unknown,
  blogHeadline: string | undefined,
  base: string | undefined,
  pinnedIds: ReadonlySet<string>,
): UpdateDraft | undefined {
  const parsed = BlogPostingSchema.safeParse(item);
  if (!parsed.success) return undefined;
  const posting = parsed.data;
  const body = fieldToBody(posting.articleBody ?? posting.text ?? posting.description ?? '');
  // Some publishers repeat the blog's own headline on every update: that is no title.
  const ownHeadline = [posting.headline, posting.name].find(
    (candidate) => candidate?.trim() && candidate.trim() !== blogHeadline?.trim(),
  );
  const id = posting['@id']?.trim() || posting.url?.trim() || undefined;
  // An update without text (a photo, a video) still exists when it has an identity.
  if (!body && !ownHeadline && !id) return undefined;
  const link = posting.url ?? (id && /^(https?:|\/|#)/i.test(id) ? id : undefined);
  return {
    id,
    title: ownHeadline ?? (body ? undefined : posting.headline),
    body,
    url: absoluteUrl(link, base),
    published: posting.datePublished ?? posting.dateCreated,
    modified: posting.dateModified,
    pinned: isPinned(id, link, pinnedIds),
  };
}

/** A pinned summary: marked by the document, or identified as "key points" by its anchor. */
function isPinned(
  id: string | undefined,
  link: string | undefined,
  pinnedIds: ReadonlySet<string>,
): boolean {
  for (const candidate of [id, link]) {
    if (!candidate) continue;
    if (pinnedIds.has(candidate)) return true;
    const fragment = candidate.includes('#') ? candidate.slice(candidate.lastIndexOf('#') + 1) : '';
    if (fragment && (pinnedIds.has(fragment) || /^(key-?points|pinned(-post)?)$/i.test(fragment))) {
      return true;
    }
  }
  return false;
}
