import { describe, expect, it } from 'vitest';
import { noteBlogReading, planCoverage } from '../../src/core/coverage.ts';
import { detectChanges } from '../../src/core/detect.ts';
import type { Update } from '../../src/core/update.ts';

const H = 3_600_000;
const options = { quietMs: 6 * H, windowMs: H };
const at = (hours: number) => new Date(Date.UTC(2024, 10, 18, 0) + hours * H);
const iso = (hours: number) => at(hours).toISOString();
const blog = (day: number, startedHours: number, extra: object = {}) => ({
  url: `https://n.example/live/day-${day}`,
  title: `Day ${day}`,
  startedAt: iso(startedHours),
  ...extra,
});

describe('planCoverage', () => {
  it('first sight follows only the newest live blog, as history (no alert window)', () => {
    const plan = planCoverage(undefined, [blog(1, -20), blog(0, -44)], at(0), options);
    expect(plan.next.followed.map((b) => b.title)).toEqual(['Day 1']);
    expect(plan.started[0]?.alertSince).toBeUndefined();
    expect(plan.passedOver.map((b) => b.title)).toEqual(['Day 0']);
  });

  it('a newer blog is followed too, alerting from the last poll or the window back, whichever is earlier', () => {
    const first = planCoverage(undefined, [blog(1, -20)], at(0), options).next;
    const soon = planCoverage(first, [blog(2, 0.5)], at(0.75), options);
    expect(soon.next.followed.map((b) => b.title)).toEqual(['Day 1', 'Day 2']);
    expect(soon.started[0]?.alertSince).toBe(iso(-0.25));
    const late = planCoverage(first, [blog(2, 0.5)], at(3), options);
    expect(late.started[0]?.alertSince).toBe(iso(0));
    expect(late.next.lastSwitchAt).toBe(iso(3));
  });

  it('an older live blog found later is passed over', () => {
    const first = planCoverage(undefined, [blog(2, -2)], at(0), options).next;
    const plan = planCoverage(first, [blog(1, -20)], at(1), options);
    expect(plan.started).toEqual([]);
    expect(plan.passedOver.map((b) => b.title)).toEqual(['Day 1']);
  });

  it('lets an older blog go when it ends or goes quiet, never the newest for quiet', () => {
    let state = planCoverage(undefined, [blog(1, -20)], at(0), options).next;
    state = planCoverage(state, [blog(2, 1)], at(1), options).next;
    // Day 1 had its last news at hour 0 (found then); at hour 7 it is quiet.
    const quiet = planCoverage(state, [], at(7), options);
    expect(quiet.retired).toMatchObject([{ title: 'Day 1', reason: 'quiet' }]);
    expect(quiet.next.followed.map((b) => b.title)).toEqual(['Day 2']);
    // Day 2, the newest, stays however quiet it is, until it ends.
    const later = planCoverage(quiet.next, [], at(30), options);
    expect(later.next.followed.map((b) => b.title)).toEqual(['Day 2']);
    const ended = noteBlogReading(
      later.next,
      blog(2, 1).url,
      { endsAt: iso(31), newUpdates: 0 },
      at(32),
    );
    expect(ended.retired).toMatchObject({ title: 'Day 2', reason: 'ended' });
    expect(ended.next.followed).toEqual([]);
  });

  it('says once per quiet spell that no live blog has had news for the quiet time', () => {
    let state = planCoverage(undefined, [blog(1, -1)], at(0), options).next;
    state = noteBlogReading(
      state,
      blog(1, -1).url,
      { newestUpdateAt: iso(1), newUpdates: 1 },
      at(1),
    ).next;
    const before = planCoverage(state, [], at(6.5), options);
    expect(before.noticeDue).toBe(false);
    const due = planCoverage(before.next, [], at(7.5), options);
    expect(due.noticeDue).toBe(true);
    const again = planCoverage(due.next, [], at(9), options);
    expect(again.noticeDue).toBe(false);
    // News again, then quiet again: a new spell, a new notice.
    const news = noteBlogReading(
      again.next,
      blog(1, -1).url,
      { newestUpdateAt: iso(10), newUpdates: 1 },
      at(10),
    );
    expect(planCoverage(news.next, [], at(12), options).noticeDue).toBe(false);
    expect(planCoverage(news.next, [], at(16.5), options).noticeDue).toBe(true);
  });

  it('a coverage that never had a blog is told after the quiet time from its first poll', () => {
    const first = planCoverage(undefined, [], at(0), options);
    expect(first.noticeDue).toBe(false);
    expect(planCoverage(first.next, [], at(6.5), options).noticeDue).toBe(true);
  });
});

describe('detectChanges with firstSightSince', () => {
  const update = (id: string, published?: string): Update => ({
    source: 's',
    id,
    title: id,
    body: id,
    pinned: false,
    ...(published ? { published } : {}),
  });

  it('alerts on first sight only what was published since, never undated history', () => {
    const detection = detectChanges(
      undefined,
      [update('new', iso(2)), update('edge', iso(1)), update('old', iso(0)), update('undated')],
      { now: at(3), backfill: 0, maxNewPerPoll: 10, retentionMs: 48 * H, firstSightSince: iso(1) },
    );
    expect(detection.events.map((e) => e.update.id)).toEqual(['edge', 'new']);
    expect(Object.keys(detection.next.items).sort()).toEqual(['edge', 'new', 'old', 'undated']);
  });

  it('is ignored once the blog has been seen', () => {
    const first = detectChanges(undefined, [update('a', iso(0))], {
      now: at(1),
      backfill: 0,
      maxNewPerPoll: 10,
      retentionMs: 48 * H,
    });
    const next = detectChanges(first.next, [update('a', iso(0)), update('b', iso(-5))], {
      now: at(2),
      backfill: 0,
      maxNewPerPoll: 10,
      retentionMs: 48 * H,
      firstSightSince: iso(1),
    });
    expect(next.events.map((e) => e.update.id)).toEqual(['b']);
  });
});
