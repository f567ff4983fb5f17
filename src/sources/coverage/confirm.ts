/**
 * A candidate is followed only once its own content says it is a live blog: a schema.org
 * LiveBlogPosting, or a feed whose items all point into one page. Each check is one fetch
 * through the same guarded fetcher as every poll, conditional when the candidate was seen
 * before, and its outcome is a verdict the caller can remember.
 */
import type { FetchResult } from '../fetch.ts';
import { FetchError } from '../fetch.ts';
import { type ReadResult, readDocument } from '../read.ts';
import type { Candidate } from './recognise.ts';

export type Verdict = 'live' | 'ended' | 'not-live-blog' | 'failed' | 'too-large';

export interface LiveBlogFound {
  url: string;
  title: string;
  /** When its coverage began: `coverageStartTime`, else its oldest update. */
  startedAt?: string;
  /** `coverageEndTime`, when it declares one. */
  endsAt?: string;
  /** Its newest update's time. */
  newestUpdateAt?: string;
  updates: number;
}

export interface CandidateCheck {
  url: string;
  title: string;
  verdict: Verdict;
  /** Why it is not followed, in words an admin can act on. */
  detail?: string;
  blog?: LiveBlogFound;
  etag?: string;
  lastModified?: string;
  checkedAt: string;
}

export type CandidateFetch = (
  url: string,
  validators: { etag?: string; lastModified?: string },
) => Promise<FetchResult>;

export async function checkCandidate(
  candidate: Candidate,
  fetch: CandidateFetch,
  now: Date,
  previous?: CandidateCheck,
): Promise<CandidateCheck> {
  const checkedAt = now.toISOString();
  const base = { url: candidate.url, title: candidate.title || candidate.url, checkedAt };
  let fetched: FetchResult;
  try {
    fetched = await fetch(candidate.url, {
      ...(previous?.etag ? { etag: previous.etag } : {}),
      ...(previous?.lastModified ? { lastModified: previous.lastModified } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const tooLarge = error instanceof FetchError && error.kind === 'too-large';
    return { ...base, verdict: tooLarge ? 'too-large' : 'failed', detail: message.slice(0, 300) };
  }
  if (fetched.status === 'not-modified') {
    // Unchanged: the same verdict, though a blog may have ended by the clock since.
    if (previous?.blog) return { ...previous, checkedAt, ...verdictOf(previous.blog, now) };
    if (previous?.verdict === 'not-live-blog') return { ...previous, checkedAt };
    return { ...base, verdict: 'failed', detail: 'answered 304 Not Modified to a fresh request' };
  }
  const validators = {
    ...(fetched.etag ? { etag: fetched.etag } : {}),
    ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
  };
  let read: ReadResult;
  try {
    read = readDocument(fetched.body, {
      source: candidate.url,
      ...(fetched.contentType ? { contentType: fetched.contentType } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, ...validators, verdict: 'not-live-blog', detail: message.slice(0, 300) };
  }
  return { ...base, ...validators, ...judge(candidate, read, now) };
}

/** What the read document says: a live blog (still live, or over), or not one. */
export function judge(
  candidate: Candidate,
  read: ReadResult,
  now: Date,
): Pick<CandidateCheck, 'verdict' | 'detail' | 'blog'> {
  const timed = read.updates.filter((update) => !update.pinned && update.published);
  const times = timed.map((update) => update.published!).sort();
  const oldest = times[0];
  const newest = times.at(-1);
  const found = (title: string, startedAt?: string, endsAt?: string): LiveBlogFound => ({
    url: candidate.url,
    title: title.slice(0, 200),
    ...((startedAt ?? oldest) ? { startedAt: startedAt ?? oldest } : {}),
    ...(endsAt ? { endsAt } : {}),
    ...(newest ? { newestUpdateAt: newest } : {}),
    updates: read.updates.length,
  });
  if (read.format === 'jsonld' && read.liveBlog) {
    const info = read.liveBlog;
    const blog = found(info.title ?? candidate.title, info.startedAt, info.endsAt);
    return verdictOf(blog, now);
  }
  if (read.format === 'rss' || read.format === 'atom' || read.format === 'jsonfeed') {
    const pages = new Set(read.updates.map((update) => pageOf(update.url ?? '')));
    if (read.updates.length > 0 && pages.size === 1) {
      return { verdict: 'live', blog: found(candidate.title) };
    }
    return { verdict: 'not-live-blog', detail: 'a feed of separate articles, not one live blog' };
  }
  return {
    verdict: 'not-live-blog',
    detail: 'an ordinary page: it declares no schema.org LiveBlogPosting',
  };
}

function verdictOf(
  blog: LiveBlogFound,
  now: Date,
): Pick<CandidateCheck, 'verdict' | 'detail' | 'blog'> {
  if (blog.endsAt && Date.parse(blog.endsAt) <= now.getTime()) {
    return { verdict: 'ended', detail: `its coverage ended ${blog.endsAt}`, blog };
  }
  return { verdict: 'live', blog };
}

function pageOf(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return url;
  }
}
