import { createHash } from 'node:crypto';
import type { BlogReading } from '../core/coverage.ts';
import { updateKey } from '../core/delivery.ts';
import { type Detection, detectChanges, fingerprint } from '../core/detect.ts';
import type { Update } from '../core/update.ts';
import type { Logger } from '../logger.ts';
import type { FetchResult } from '../sources/fetch.ts';
import type { ReadResult } from '../sources/read.ts';
import type { SourceHealth } from './context.ts';
import type { CoverageTracker } from './coverage/coverage-tracker.ts';
import type { Outbox } from './outbox.ts';
import { planDeliveries } from './plan-deliveries.ts';
import type { SourceRegistry } from './source-registry.ts';
import { type SourceState, type SourceStateRepository, sourceId } from './source-state.ts';
import type { Topics } from './topic-directory.ts';
import type { StoredUpdate, UpdateArchive } from './update-archive.ts';

/** What one read of a blog says of it, for the coverage source that follows it. */
function blogReading(read: ReadResult, detection: Detection): BlogReading {
  const newest = read.updates
    .filter((update) => !update.pinned && update.published)
    .map((update) => update.published!)
    .sort()
    .at(-1);
  const info = read.liveBlog;
  return {
    ...(info?.title ? { title: info.title } : {}),
    ...(info?.startedAt ? { startedAt: info.startedAt } : {}),
    ...(info?.endsAt ? { endsAt: info.endsAt } : {}),
    ...(newest ? { newestUpdateAt: newest } : {}),
    newUpdates: detection.events.filter((event) => event.kind === 'new').length,
  };
}

function contentHash(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

export type FetchSource = (
  source: string,
  validators: { etag?: string; lastModified?: string },
) => Promise<FetchResult>;
export type ReadSource = (body: Uint8Array, source: string, contentType?: string) => ReadResult;

export interface PollerOptions {
  backfill: number;
  maxNewPerPoll: number;
  retentionMs: number;
  concurrency: number;
  /** First retry delay after a failure; doubles per failure up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export interface PollerDeps {
  registry: SourceRegistry;
  states: SourceStateRepository;
  archive: UpdateArchive;
  outbox: Outbox;
  topics: Topics;
  fetchSource: FetchSource;
  readSource: ReadSource;
  /** Told after deliveries were written, so they go out at once. */
  onDeliveriesQueued: () => void;
  /** Coverage sources (section pages and feeds that link live blogs); absent: none. */
  coverage?: CoverageTracker;
  logger: Logger;
  now?: () => Date;
}

export interface SourcePollResult {
  source: string;
  outcome: 'unchanged' | 'read' | 'coverage' | 'failed' | 'waiting';
  newUpdates: number;
  edited: number;
  deliveries: number;
  error?: string;
  /** For a coverage source: how many live blogs it follows now. */
  following?: number;
}

/**
 * One poll: every source that is due is fetched (a bounded number at a time), read,
 * compared with what was stored, matched, routed, and its deliveries written down.
 * A poll never overlaps the previous one; one source failing never stops the others.
 */
export class Poller {
  private running: Promise<SourcePollResult[]> | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly deps: PollerDeps,
    private readonly options: PollerOptions,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  pollAll(): Promise<SourcePollResult[]> {
    if (this.running) return this.running;
    this.running = this.runAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves when the poll under way, if any, has finished. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async runAll(): Promise<SourcePollResult[]> {
    const sources = this.deps.registry.all();
    await this.deps.states.loadHealth(sources);
    const { coverage } = this.deps;
    await coverage?.load(sources);
    const results = await this.pollEach(sources.map((url) => ({ url })));
    if (coverage) {
      // Then the blogs the coverage sources follow now, including any found just now.
      const configured = new Set(sources);
      const blogs = coverage.blogsToPoll(sources).filter((blog) => !configured.has(blog.url));
      await this.deps.states.loadHealth(blogs.map((blog) => blog.url));
      results.push(...(await this.pollEach(blogs)));
    }
    return results;
  }

  private async pollEach(
    sources: { url: string; firstSightSince?: string }[],
  ): Promise<SourcePollResult[]> {
    const results: SourcePollResult[] = [];
    let next = 0;
    const worker = async () => {
      while (next < sources.length) {
        const { url, firstSightSince } = sources[next++]!;
        results.push(await this.pollSource(url, firstSightSince ? { firstSightSince } : {}));
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(this.options.concurrency, sources.length) }, worker),
    );
    return results;
  }

  /**
   * `firstSightSince`: the source is a blog a coverage source found; its first read alerts
   * the updates published from then on.
   */
  async pollSource(
    source: string,
    options: { firstSightSince?: string } = {},
  ): Promise<SourcePollResult> {
    const health = this.deps.states.health(source);
    const started = this.now();
    if (health.nextAttemptAt && Date.parse(health.nextAttemptAt) > started.getTime()) {
      return { source, outcome: 'waiting', newUpdates: 0, edited: 0, deliveries: 0 };
    }
    try {
      const state = await this.deps.states.getState(source);
      const fetched = await this.deps.fetchSource(source, {
        ...(state?.etag ? { etag: state.etag } : {}),
        ...(state?.lastModified ? { lastModified: state.lastModified } : {}),
      });
      // A 304, or the very bytes read last time (servers without validators): nothing to read.
      const bodyHash = fetched.status === 'ok' ? contentHash(fetched.body) : undefined;
      const coverage = this.deps.coverage;
      if (fetched.status === 'not-modified' || (state?.bodyHash && state.bodyHash === bodyHash)) {
        if (coverage?.isCoverage(source)) await coverage.poll(source, undefined, started);
        await this.recordSuccess(health, state, undefined);
        return { source, outcome: 'unchanged', newUpdates: 0, edited: 0, deliveries: 0 };
      }
      // Coverage is told from the content, once: a source already read as a blog stays one.
      const readAsBlog = Object.keys(state?.seen.items ?? {}).length > 0;
      const followedByCoverage = (coverage?.coveragesOf(source).length ?? 0) > 0;
      if (
        coverage &&
        (coverage.isCoverage(source) ||
          (!readAsBlog && !followedByCoverage && !options.firstSightSince))
      ) {
        const page = coverage.recognise(source, fetched.body, fetched.contentType);
        if (page) {
          const polled = await coverage.poll(source, page, started);
          // The listing's validators are written after what it led to, so a crash re-reads it.
          await this.deps.states.saveState({
            source,
            seen: state?.seen ?? { firstPolledAt: started.toISOString(), items: {}, forgotten: [] },
            ...(bodyHash ? { bodyHash } : {}),
            ...(fetched.etag ? { etag: fetched.etag } : {}),
            ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
          });
          await this.recordSuccess(health, state, undefined);
          return {
            source,
            outcome: 'coverage',
            newUpdates: 0,
            edited: 0,
            deliveries: 0,
            following: polled?.plan.next.followed.length ?? 0,
          };
        }
      }
      const read = this.deps.readSource(fetched.body, source, fetched.contentType);
      for (const warning of read.warnings) this.deps.logger.warn({ source }, warning);
      const detection = detectChanges(state?.seen, read.updates, {
        now: started,
        backfill: this.options.backfill,
        maxNewPerPoll: this.options.maxNewPerPoll,
        retentionMs: this.options.retentionMs,
        ...(options.firstSightSince ? { firstSightSince: options.firstSightSince } : {}),
      });
      const deliveries = await this.store(source, detection, read.updates);
      // Before the seen-state: a blog that has ended is let go even if the process dies now.
      if (followedByCoverage)
        await coverage?.noteBlogRead(source, blogReading(read, detection), started);
      await this.deps.states.saveState({
        source,
        seen: detection.next,
        ...(bodyHash ? { bodyHash } : {}),
        ...(fetched.etag ? { etag: fetched.etag } : {}),
        ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
      });
      await this.recordSuccess(health, state, detection);
      if (detection.firstSight) {
        this.deps.logger.info(
          {
            source,
            updates: read.updates.length,
            backfill: this.options.backfill,
            ...(options.firstSightSince ? { alertSince: options.firstSightSince } : {}),
          },
          options.firstSightSince
            ? 'first sight of a live blog found by coverage: updates published since alertSince alert, older ones are history'
            : 'first sight of this live blog: its updates are stored as history and alert only the newest BACKFILL_ON_FIRST_SIGHT',
        );
      }
      return {
        source,
        outcome: 'read',
        newUpdates: detection.events.filter((e) => e.kind === 'new').length,
        edited: detection.events.filter((e) => e.kind === 'edited').length,
        deliveries,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.recordFailure(health, message);
      this.deps.logger.warn({ source, error: message }, 'could not poll this live blog');
      return { source, outcome: 'failed', newUpdates: 0, edited: 0, deliveries: 0, error: message };
    }
  }

  /**
   * Order matters for crash safety: update copies, then deliveries, then the seen-state.
   * A crash before the seen-state is written only makes the next poll redo the same,
   * idempotent steps (delivery ids are deterministic), so nothing is lost or doubled.
   */
  private async store(source: string, detection: Detection, updates: Update[]): Promise<number> {
    const { archive, outbox, topics, registry } = this.deps;
    const nowIso = this.now().toISOString();
    const before = new Map<string, StoredUpdate | undefined>();
    for (const update of detection.changed) {
      const key = updateKey(source, update.id);
      const previous = await archive.get(key);
      // This very version stored already: a poll that crashed before writing the seen-state
      // is being redone, and "before" is what that poll found before it.
      const redone = previous !== undefined && fingerprint(previous.update) === fingerprint(update);
      const replacedMatches = redone ? previous.replacedMatches : previous?.matches;
      before.set(
        update.id,
        previous && replacedMatches ? { ...previous, matches: replacedMatches } : undefined,
      );
      await archive.save(key, {
        update,
        matches: topics.match(update),
        seenAt: previous?.seenAt ?? nowIso,
        ...(replacedMatches ? { replacedMatches } : {}),
      });
    }
    const followers = registry.followers(source);
    let queued = 0;
    for (const event of detection.events) {
      const key = updateKey(source, event.update.id);
      const stored = await archive.get(key);
      if (!stored) continue;
      const planned = await planDeliveries(
        { event, key, stored, before: before.get(event.update.id), followers, now: nowIso },
        outbox,
      );
      queued += (await outbox.enqueue(planned)).length;
    }
    if (queued > 0) this.deps.onDeliveriesQueued();
    const id = sourceId(source);
    await archive.setRecent(
      id,
      updates.filter((u) => !u.pinned).map((u) => updateKey(source, u.id)),
    );
    for (const prunedId of detection.pruned) await archive.remove(updateKey(source, prunedId));
    return queued;
  }

  private async recordSuccess(
    health: SourceHealth,
    state: SourceState | undefined,
    detection: Detection | undefined,
  ): Promise<void> {
    const now = this.now();
    const suppressed = detection?.suppressed.length ?? 0;
    if (suppressed > 0) {
      this.deps.logger.warn(
        { source: health.source, suppressed },
        'too many new updates at once: alerted the newest and stored the rest without alerting',
      );
    }
    await this.deps.states.setHealth(
      {
        ...health,
        lastSuccessAt: now.toISOString(),
        consecutiveFailures: 0,
        nextAttemptAt: undefined,
        updatesKnown: Object.keys((detection?.next ?? state?.seen)?.items ?? {}).length,
        ...(suppressed > 0 ? { lastSuppressed: { count: suppressed, at: now.toISOString() } } : {}),
      },
      now.getTime(),
    );
  }

  private async recordFailure(health: SourceHealth, message: string): Promise<void> {
    const now = this.now();
    const failures = health.consecutiveFailures + 1;
    const delay = Math.min(
      this.options.baseBackoffMs * 2 ** (failures - 1),
      this.options.maxBackoffMs,
    );
    await this.deps.states.setHealth(
      {
        ...health,
        lastErrorAt: now.toISOString(),
        lastError: message,
        consecutiveFailures: failures,
        nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
      },
      now.getTime(),
    );
  }
}
