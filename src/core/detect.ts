import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ChangeEvent, Update } from './update.ts';

/**
 * What the bot remembers of a source between polls: a fingerprint per update id, and the
 * ids it has forgotten (pruned), so that a pruned update can never come back as new.
 */
export const SeenStateSchema = z.object({
  firstPolledAt: z.string(),
  items: z.record(
    z.string(),
    z.object({ hash: z.string(), lastSeenAt: z.string(), pinned: z.boolean().optional() }),
  ),
  forgotten: z.array(z.string()).default([]),
});
export type SeenState = z.infer<typeof SeenStateSchema>;

export interface DetectOptions {
  now: Date;
  /** On first sight, how many of the newest updates still alert (the rest are history). */
  backfill: number;
  /** The most alerts one poll of one source may raise; a feed whose ids all change is no flood. */
  maxNewPerPoll: number;
  /** Updates not seen for this long are forgotten (their ids kept as tombstones). */
  retentionMs: number;
  /** How many forgotten ids to remember per source. */
  maxForgotten?: number;
  /**
   * On first sight, alert the updates published at or after this time (ISO 8601) instead of
   * the newest `backfill`: a blog newly found by a coverage source is news from then on.
   */
  firstSightSince?: string;
}

export interface Detection {
  firstSight: boolean;
  /** Alert-worthy changes, oldest first so alerts go out in publication order. */
  events: ChangeEvent[];
  /** Every update whose stored copy must be written (new, edited, pinned rewrites). */
  changed: Update[];
  /** New updates held back by `maxNewPerPoll` (stored as seen, never alerted). */
  suppressed: Update[];
  /** Ids pruned by this poll: their stored copies can be deleted. */
  pruned: string[];
  next: SeenState;
}

/** Compares one poll's updates with what was seen before. Pure: no I/O, no clock. */
export function detectChanges(
  previous: SeenState | undefined,
  updates: Update[],
  options: DetectOptions,
): Detection {
  const nowIso = options.now.toISOString();
  const firstSight = previous === undefined;
  const items = { ...(previous?.items ?? {}) };
  const forgotten = new Set(previous?.forgotten ?? []);
  const fresh: Update[] = [];
  const edits: ChangeEvent[] = [];
  const changed: Update[] = [];

  for (const update of updates) {
    const hash = fingerprint(update);
    const known = items[update.id];
    items[update.id] = { hash, lastSeenAt: nowIso, ...(update.pinned ? { pinned: true } : {}) };
    if (!known) {
      changed.push(update);
      if (!update.pinned && !forgotten.has(shortId(update.id))) fresh.push(update);
    } else if (known.hash !== hash) {
      changed.push(update);
      if (!update.pinned) edits.push({ kind: 'edited', update });
    }
  }

  const since = firstSight ? options.firstSightSince : undefined;
  const allowed =
    firstSight && since === undefined
      ? Math.min(options.backfill, options.maxNewPerPoll)
      : options.maxNewPerPoll;
  // Updates without a time are history on first sight: nothing says they are new.
  const candidates =
    since === undefined ? fresh : fresh.filter((u) => (u.published ?? '') >= since);
  const newestFirst = [...candidates].sort(byPublishedDescending);
  const alerting = newestFirst.slice(0, allowed);
  const suppressed = firstSight && since === undefined ? [] : newestFirst.slice(allowed);
  const events: ChangeEvent[] = [
    ...alerting.reverse().map((update): ChangeEvent => ({ kind: 'new', update })),
    ...edits,
  ];

  const pruned = prune(items, forgotten, options);
  const maxForgotten = options.maxForgotten ?? 5_000;
  return {
    firstSight,
    events,
    changed,
    suppressed,
    pruned,
    next: {
      firstPolledAt: previous?.firstPolledAt ?? nowIso,
      items,
      forgotten: [...forgotten].slice(-maxForgotten),
    },
  };
}

function prune(
  items: SeenState['items'],
  forgotten: Set<string>,
  options: DetectOptions,
): string[] {
  const cutoff = options.now.getTime() - options.retentionMs;
  const pruned: string[] = [];
  for (const [id, item] of Object.entries(items)) {
    if (Date.parse(item.lastSeenAt) < cutoff) {
      delete items[id];
      forgotten.add(shortId(id));
      pruned.push(id);
    }
  }
  return pruned;
}

/** Text identity of an update: a moved `dateModified` with the same words is no edit. */
export function fingerprint(update: Pick<Update, 'title' | 'body'>): string {
  const text = `${update.title}\n${update.body}`.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

function shortId(id: string): string {
  return createHash('sha256').update(id).digest('base64url').slice(0, 12);
}

function byPublishedDescending(a: Update, b: Update): number {
  return (b.published ?? '').localeCompare(a.published ?? '');
}
