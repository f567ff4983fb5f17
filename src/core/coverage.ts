/**
 * Which live blogs a coverage source follows, decided from what discovery found and what
 * the blogs said of themselves. Pure: no I/O, the clock is passed in.
 *
 * It follows the newest live blog; a newer one is followed too as soon as it is found, and
 * an older one is let go once it has ended (coverageEndTime passed) or has been quiet for
 * the quiet time. A blog found after the coverage's first poll alerts its updates from the
 * coverage's previous poll or the alert window back, whichever reaches further, so the
 * switch from one day's blog to the next neither floods nor drops an update.
 */
import { z } from 'zod';

export const FollowedBlogSchema = z.object({
  url: z.string(),
  title: z.string(),
  startedAt: z.string().optional(),
  endsAt: z.string().optional(),
  foundAt: z.string(),
  /** Its first read alerts updates published from here on; absent: ordinary first sight. */
  alertSince: z.string().optional(),
  /** Its newest update's time, or when a new update was last seen. */
  lastActivityAt: z.string().optional(),
});
export type FollowedBlog = z.infer<typeof FollowedBlogSchema>;

export const RetiredBlogSchema = z.object({
  url: z.string(),
  title: z.string(),
  reason: z.enum(['ended', 'quiet']),
  at: z.string(),
});
export type RetiredBlog = z.infer<typeof RetiredBlogSchema>;

export const CoverageFollowSchema = z.object({
  firstPolledAt: z.string(),
  lastPolledAt: z.string(),
  /** Oldest first; the last is the one it follows now. */
  followed: z.array(FollowedBlogSchema),
  /** Most recent last, a bounded list: never followed again. */
  retired: z.array(RetiredBlogSchema),
  lastSwitchAt: z.string().optional(),
  /** The last news (or end) of any blog it followed: the start of a quiet spell. */
  lastLiveAt: z.string().optional(),
  /** When the guild was told it has no live blog (once per quiet spell). */
  noticedAt: z.string().optional(),
});
export type CoverageFollow = z.infer<typeof CoverageFollowSchema>;

/** A live blog confirmed by fetching it. */
export interface FoundBlog {
  url: string;
  title: string;
  startedAt?: string;
  endsAt?: string;
  newestUpdateAt?: string;
}

export interface CoverageOptions {
  /** A blog with no news for this long is quiet: an older one is let go. */
  quietMs: number;
  /** A newly found blog alerts at least this far back. */
  windowMs: number;
}

export interface CoveragePlan {
  next: CoverageFollow;
  started: FollowedBlog[];
  retired: RetiredBlog[];
  /** Live, but older than the blog followed: not followed. */
  passedOver: FoundBlog[];
  /** No live blog for longer than the quiet time, and the guild not yet told. */
  noticeDue: boolean;
}

const MAX_RETIRED = 50;

export function planCoverage(
  previous: CoverageFollow | undefined,
  found: readonly FoundBlog[],
  now: Date,
  options: CoverageOptions,
): CoveragePlan {
  const nowIso = now.toISOString();
  const followed = [...(previous?.followed ?? [])];
  const retiredBefore = previous?.retired ?? [];
  const known = new Set([...followed, ...retiredBefore].map((blog) => blog.url));
  const fresh = found
    .filter((blog) => !known.has(blog.url))
    .sort((a, b) => startOf(a, nowIso).localeCompare(startOf(b, nowIso)));
  const started: FollowedBlog[] = [];
  const passedOver: FoundBlog[] = [];
  const follow = (blog: FoundBlog, alertSince: string | undefined) => {
    const entry: FollowedBlog = {
      url: blog.url,
      title: blog.title,
      ...(blog.startedAt ? { startedAt: blog.startedAt } : {}),
      ...(blog.endsAt ? { endsAt: blog.endsAt } : {}),
      foundAt: nowIso,
      ...(alertSince ? { alertSince } : {}),
      ...(blog.newestUpdateAt ? { lastActivityAt: earlier(blog.newestUpdateAt, nowIso) } : {}),
    };
    followed.push(entry);
    started.push(entry);
  };

  if (!previous) {
    // First sight of the coverage: its newest blog is followed, its news so far is history.
    const newest = fresh.at(-1);
    if (newest) follow(newest, undefined);
    passedOver.push(...fresh.slice(0, -1));
  } else {
    const windowStart = new Date(now.getTime() - options.windowMs).toISOString();
    const alertSince = earlier(previous.lastPolledAt, windowStart);
    for (const blog of fresh) {
      const newest = newestStart(followed, nowIso);
      if (newest === undefined || startOf(blog, nowIso) > newest) follow(blog, alertSince);
      else passedOver.push(blog);
    }
  }

  const retired: RetiredBlog[] = [];
  const newestUrl = newestOf(followed, nowIso)?.url;
  let lastLiveAt = previous?.lastLiveAt;
  const kept = followed.filter((blog) => {
    if (blog.endsAt && blog.endsAt <= nowIso) {
      lastLiveAt = later(lastLiveAt, blog.endsAt);
      retired.push({ url: blog.url, title: blog.title, reason: 'ended', at: nowIso });
      return false;
    }
    const quietSince = activityOf(blog, nowIso);
    const quiet = Date.parse(quietSince) + options.quietMs < now.getTime();
    lastLiveAt = later(lastLiveAt, quietSince);
    if (quiet && blog.url !== newestUrl) {
      retired.push({ url: blog.url, title: blog.title, reason: 'quiet', at: nowIso });
      return false;
    }
    return true;
  });
  const liveNow = kept.some(
    (blog) => Date.parse(activityOf(blog, nowIso)) + options.quietMs >= now.getTime(),
  );
  const firstPolledAt = previous?.firstPolledAt ?? nowIso;
  const liveReference = lastLiveAt ?? firstPolledAt;
  const silentFor = now.getTime() - Date.parse(liveReference);
  const toldAlready = previous?.noticedAt !== undefined && previous.noticedAt >= liveReference;
  const noticeDue = !liveNow && silentFor > options.quietMs && !toldAlready;
  const noticedAt = noticeDue ? nowIso : toldAlready ? previous?.noticedAt : undefined;
  const lastSwitchAt = started.length > 0 ? nowIso : previous?.lastSwitchAt;
  return {
    next: {
      firstPolledAt,
      lastPolledAt: nowIso,
      followed: kept,
      retired: [...retiredBefore, ...retired].slice(-MAX_RETIRED),
      ...(lastSwitchAt ? { lastSwitchAt } : {}),
      ...(lastLiveAt ? { lastLiveAt } : {}),
      ...(noticedAt ? { noticedAt } : {}),
    },
    started,
    retired,
    passedOver,
    noticeDue,
  };
}

/** What one read of a followed blog said of it. */
export interface BlogReading {
  title?: string;
  startedAt?: string;
  endsAt?: string;
  newestUpdateAt?: string;
  /** New updates this read found. */
  newUpdates: number;
}

/**
 * Records a read of a followed blog. A blog whose coverage has ended is let go at once, so
 * it is not fetched again.
 */
export function noteBlogReading(
  state: CoverageFollow,
  url: string,
  reading: BlogReading,
  now: Date,
): { next: CoverageFollow; retired?: RetiredBlog } {
  const nowIso = now.toISOString();
  const index = state.followed.findIndex((blog) => blog.url === url);
  const blog = state.followed[index];
  if (!blog) return { next: state };
  const newest = reading.newestUpdateAt ? earlier(reading.newestUpdateAt, nowIso) : undefined;
  const activity = later(
    later(blog.lastActivityAt, newest),
    reading.newUpdates > 0 ? nowIso : undefined,
  );
  const updated: FollowedBlog = {
    ...blog,
    ...(reading.title ? { title: reading.title } : {}),
    ...(reading.startedAt ? { startedAt: reading.startedAt } : {}),
    ...(reading.endsAt ? { endsAt: reading.endsAt } : {}),
    ...(activity ? { lastActivityAt: activity } : {}),
  };
  const followed = [...state.followed];
  if (updated.endsAt && updated.endsAt <= nowIso) {
    followed.splice(index, 1);
    const retired: RetiredBlog = { url, title: updated.title, reason: 'ended', at: nowIso };
    return {
      next: {
        ...state,
        followed,
        retired: [...state.retired, retired].slice(-MAX_RETIRED),
        lastLiveAt: later(state.lastLiveAt, updated.endsAt) ?? updated.endsAt,
      },
      retired,
    };
  }
  followed[index] = updated;
  return { next: { ...state, followed } };
}

/** The blog it follows now: the one that started last. */
export function newestOf(blogs: readonly FollowedBlog[], nowIso: string): FollowedBlog | undefined {
  return [...blogs].sort((a, b) => startOf(a, nowIso).localeCompare(startOf(b, nowIso))).at(-1);
}

function newestStart(blogs: readonly FollowedBlog[], nowIso: string): string | undefined {
  const newest = newestOf(blogs, nowIso);
  return newest ? startOf(newest, nowIso) : undefined;
}

function startOf(blog: { startedAt?: string; foundAt?: string }, nowIso: string): string {
  return blog.startedAt ?? blog.foundAt ?? nowIso;
}

function activityOf(blog: FollowedBlog, nowIso: string): string {
  return earlier(
    later(later(blog.lastActivityAt, blog.startedAt), blog.foundAt) ?? blog.foundAt,
    nowIso,
  );
}

function earlier(a: string, b: string): string {
  return a <= b ? a : b;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}
