/**
 * Coverage sources at run time: what each one follows, found by checking the candidates
 * its page lists (a bounded number per poll, each through the guarded fetcher) and kept up
 * to date from what the followed blogs say when they are polled. Records are kept in
 * memory and written through, one write at a time per source, so blogs polled side by side
 * never overwrite each other's news.
 */
import {
  type BlogReading,
  type CoveragePlan,
  type FollowedBlog,
  newestOf,
  noteBlogReading,
  planCoverage,
} from '../../core/coverage.ts';
import type { Logger } from '../../logger.ts';
import {
  type CandidateCheck,
  type CandidateFetch,
  checkCandidate,
} from '../../sources/coverage/confirm.ts';
import { type CoveragePage, recogniseCoverage } from '../../sources/coverage/recognise.ts';
import type { Records } from '../../store/records.ts';
import { sourceId } from '../source-state.ts';
import { type CoverageRecord, CoverageRecordSchema, type Discovery } from './coverage-record.ts';

export interface CoverageOptions {
  quietMs: number;
  windowMs: number;
  /** Candidates fetched per coverage source and poll, at most. */
  maxChecksPerPoll: number;
  /** A candidate found not to be a live blog (or passed over) is checked again after this. */
  recheckMs: number;
  /** A candidate that failed or was too large is tried again after this. */
  retryMs: number;
}

/** What `/alerts source list` and `/alerts status` show of a coverage source. */
export interface CoverageView {
  site: string;
  section: string;
  /** Newest first. */
  following: Pick<FollowedBlog, 'url' | 'title' | 'startedAt' | 'foundAt'>[];
  lastSwitchAt?: string;
  /** No followed blog had news within the quiet time. */
  noLiveBlog: boolean;
  quietHours: number;
  lastDiscovery?: Discovery;
  /** Candidates not followed, with why (newest checks first, a few). */
  refused: Pick<CandidateCheck, 'url' | 'title' | 'verdict' | 'detail'>[];
}

export interface CoveragePollOutcome {
  plan: CoveragePlan;
  checks: CandidateCheck[];
}

export interface CoverageTrackerDeps {
  records: Records;
  fetchCandidate: CandidateFetch;
  logger: Logger;
  /** Tells the guilds following `source` that it has had no live blog for the quiet time. */
  notifyNoLiveBlog: (source: string, view: CoverageView) => Promise<void>;
}

const MAX_CHECKS_KEPT = 200;
const key = (source: string) => `coverage:${sourceId(source)}`;

export class CoverageTracker {
  /** `null`: looked up, not a coverage source. */
  private readonly cache = new Map<string, CoverageRecord | null>();
  private readonly writes = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: CoverageTrackerDeps,
    readonly options: CoverageOptions,
  ) {}

  async load(sources: readonly string[]): Promise<void> {
    const missing = sources.filter((source) => !this.cache.has(source));
    if (missing.length === 0) return;
    const stored = await this.deps.records.readMany(missing.map(key), CoverageRecordSchema);
    missing.forEach((source, index) => {
      if (!this.cache.has(source)) this.cache.set(source, stored[index] ?? null);
    });
  }

  isCoverage(source: string): boolean {
    return Boolean(this.cache.get(source));
  }

  recognise(source: string, body: Uint8Array, contentType?: string): CoveragePage | undefined {
    return recogniseCoverage(body, {
      source,
      ...(contentType ? { contentType } : {}),
      known: this.isCoverage(source),
    });
  }

  /**
   * One poll of a coverage source: `page` is what its document lists now, undefined when
   * the document is unchanged (then only the clock can change what it follows).
   */
  async poll(
    source: string,
    page: CoveragePage | undefined,
    now: Date,
  ): Promise<CoveragePollOutcome | undefined> {
    const record = this.cache.get(source) ?? undefined;
    if (!record && !page) return undefined;
    // Unchanged: the candidates it listed last time are still due their re-checks and retries.
    const listing = page ?? listingOf(record!);
    const { checks, discovery } = await this.checkCandidates(listing, record, now);
    const found = checks.flatMap((check) =>
      check.verdict === 'live' && check.blog ? [check.blog] : [],
    );
    const plan = planCoverage(record?.follow, found, now, this.options);
    const next: CoverageRecord = {
      source,
      site: page?.site ?? record?.site ?? source,
      section: page?.section ?? record?.section ?? '',
      format: page?.format ?? record?.format ?? 'html',
      follow: plan.next,
      checks: mergeChecks(record?.checks ?? [], checks),
      listed: listing.candidates,
      lastDiscovery: discovery,
    };
    await this.save(next);
    for (const blog of plan.started) {
      this.deps.logger.info(
        { source, blog: blog.url, title: blog.title, alertSince: blog.alertSince ?? null },
        record
          ? 'coverage found a newer live blog: following it too'
          : 'coverage: following its live blog',
      );
    }
    for (const blog of plan.retired) {
      this.deps.logger.info(
        { source, blog: blog.url, reason: blog.reason },
        'coverage: let go of a live blog',
      );
    }
    if (plan.noticeDue) {
      await this.deps
        .notifyNoLiveBlog(source, this.view(source)!)
        .catch((error: unknown) =>
          this.deps.logger.warn(
            { source, error: String(error) },
            'could not tell the guilds that coverage found no live blog',
          ),
        );
    }
    return { plan, checks };
  }

  /** The blogs the given coverage sources follow, each once, with how its first read alerts. */
  blogsToPoll(sources: readonly string[]): { url: string; firstSightSince?: string }[] {
    const blogs = new Map<string, { url: string; firstSightSince?: string; silent: boolean }>();
    for (const source of sources) {
      for (const blog of this.cache.get(source)?.follow.followed ?? []) {
        const known = blogs.get(blog.url);
        // A coverage source that saw the blog on its own first sight keeps its news history.
        const silent = (known?.silent ?? false) || blog.alertSince === undefined;
        const since = [known?.firstSightSince, blog.alertSince]
          .filter((s): s is string => Boolean(s))
          .sort()[0];
        blogs.set(blog.url, {
          url: blog.url,
          silent,
          ...(since ? { firstSightSince: since } : {}),
        });
      }
    }
    return [...blogs.values()].map(({ url, firstSightSince, silent }) =>
      silent || !firstSightSince ? { url } : { url, firstSightSince },
    );
  }

  /** Coverage sources (of those loaded) that follow this blog now. */
  coveragesOf(blog: string): string[] {
    const out: string[] = [];
    for (const [source, record] of this.cache) {
      if (record?.follow.followed.some((followed) => followed.url === blog)) out.push(source);
    }
    return out;
  }

  /** After a followed blog was read: its title, times and news, and whether it has ended. */
  async noteBlogRead(blog: string, reading: BlogReading, now: Date): Promise<void> {
    for (const source of this.coveragesOf(blog)) {
      const record = this.cache.get(source);
      if (!record) continue;
      const { next, retired } = noteBlogReading(record.follow, blog, reading, now);
      if (next === record.follow) continue;
      await this.save({ ...record, follow: next });
      if (retired) {
        this.deps.logger.info(
          { source, blog, reason: retired.reason },
          'coverage: let go of a live blog',
        );
      }
    }
  }

  view(source: string): CoverageView | undefined {
    const record = this.cache.get(source);
    if (!record) return undefined;
    const nowIso = new Date().toISOString();
    const newest = newestOf(record.follow.followed, nowIso);
    const following = [...record.follow.followed]
      .sort((a, b) =>
        a === newest
          ? -1
          : b === newest
            ? 1
            : (b.startedAt ?? b.foundAt).localeCompare(a.startedAt ?? a.foundAt),
      )
      .map(({ url, title, startedAt, foundAt }) => ({
        url,
        title,
        foundAt,
        ...(startedAt ? { startedAt } : {}),
      }));
    const liveAt = record.follow.followed
      .map((blog) => Date.parse(blog.lastActivityAt ?? blog.startedAt ?? blog.foundAt))
      .filter((time) => Number.isFinite(time));
    const noLiveBlog = !liveAt.some((time) => time + this.options.quietMs >= Date.now());
    const refused = record.checks
      .filter((check) => check.verdict !== 'live')
      .slice(-3)
      .reverse()
      .map(({ url, title, verdict, detail }) => ({
        url,
        title,
        verdict,
        ...(detail ? { detail } : {}),
      }));
    return {
      site: record.site,
      section: record.section,
      following,
      ...(record.follow.lastSwitchAt ? { lastSwitchAt: record.follow.lastSwitchAt } : {}),
      noLiveBlog,
      quietHours: Math.round(this.options.quietMs / 3_600_000),
      ...(record.lastDiscovery ? { lastDiscovery: record.lastDiscovery } : {}),
      refused,
    };
  }

  private async checkCandidates(
    page: CoveragePage,
    record: CoverageRecord | undefined,
    now: Date,
  ): Promise<{ checks: CandidateCheck[]; discovery: Discovery }> {
    const settled = new Set([
      ...(record?.follow.followed ?? []).map((blog) => blog.url),
      ...(record?.follow.retired ?? []).map((blog) => blog.url),
    ]);
    const previous = new Map((record?.checks ?? []).map((check) => [check.url, check]));
    const due = page.candidates.filter(
      (candidate) => !settled.has(candidate.url) && this.isDue(previous.get(candidate.url), now),
    );
    const checks: CandidateCheck[] = [];
    for (const candidate of due.slice(0, this.options.maxChecksPerPoll)) {
      checks.push(
        await checkCandidate(candidate, this.deps.fetchCandidate, now, previous.get(candidate.url)),
      );
    }
    for (const check of checks) {
      if (check.verdict !== 'live') {
        this.deps.logger.info(
          { source: page.url, candidate: check.url, verdict: check.verdict, detail: check.detail },
          'coverage: a candidate is not followed',
        );
      }
    }
    return {
      checks,
      discovery: {
        at: now.toISOString(),
        links: page.links,
        candidates: page.candidates.length,
        checked: checks.length,
        deferred: Math.max(0, due.length - checks.length),
        cut: page.cut,
      },
    };
  }

  private isDue(check: CandidateCheck | undefined, now: Date): boolean {
    if (!check) return true;
    if (check.verdict === 'ended') return false;
    const wait =
      check.verdict === 'failed' || check.verdict === 'too-large'
        ? this.options.retryMs
        : this.options.recheckMs;
    return Date.parse(check.checkedAt) + wait <= now.getTime();
  }

  private save(record: CoverageRecord): Promise<void> {
    this.cache.set(record.source, record);
    const previous = this.writes.get(record.source) ?? Promise.resolve();
    // The write takes whatever is newest when its turn comes, so the last write wins with the last state.
    const write = previous
      .catch(() => undefined)
      .then(() => this.deps.records.write(key(record.source), this.cache.get(record.source)));
    this.writes.set(record.source, write);
    return write;
  }
}

function listingOf(record: CoverageRecord): CoveragePage {
  return {
    url: record.source,
    format: record.format,
    site: record.site,
    section: record.section,
    links: record.lastDiscovery?.links ?? 0,
    cut: record.lastDiscovery?.cut ?? false,
    candidates: record.listed,
  };
}

function mergeChecks(previous: CandidateCheck[], fresh: CandidateCheck[]): CandidateCheck[] {
  const urls = new Set(fresh.map((check) => check.url));
  return [...previous.filter((check) => !urls.has(check.url)), ...fresh].slice(-MAX_CHECKS_KEPT);
}
