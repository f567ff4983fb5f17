import { describe, expect, it } from 'vitest';
import { detectChanges, type SeenState } from '../../src/core/detect.ts';
import type { Update } from '../../src/core/update.ts';

const HOUR = 3_600_000;
const options = { backfill: 0, maxNewPerPoll: 10, retentionMs: 14 * 24 * HOUR };

function update(
  id: string,
  minute: number,
  body = `body of ${id}`,
  extra: Partial<Update> = {},
): Update {
  return {
    source: 'https://news.example/live',
    id,
    title: `title ${id}`,
    body,
    published: new Date(Date.UTC(2024, 10, 18, 9, minute)).toISOString(),
    pinned: false,
    ...extra,
  };
}

function poll(previous: SeenState | undefined, updates: Update[], at: number, overrides = {}) {
  return detectChanges(previous, updates, { ...options, now: new Date(at), ...overrides });
}

describe('new-item detection', () => {
  it('stores a blog seen for the first time without alerting (backfill 0)', () => {
    const first = poll(undefined, [update('b', 2), update('a', 1)], 0);
    expect(first.firstSight).toBe(true);
    expect(first.events).toEqual([]);
    expect(first.changed.map((u) => u.id)).toEqual(['b', 'a']);
  });

  it('alerts only the newest N on first sight when a backfill is configured', () => {
    const first = poll(undefined, [update('a', 1), update('c', 3), update('b', 2)], 0, {
      backfill: 2,
    });
    expect(first.events.map((e) => [e.kind, e.update.id])).toEqual([
      ['new', 'b'],
      ['new', 'c'],
    ]);
  });

  it('reports each new update once, oldest first, and nothing for unchanged ones', () => {
    const t0 = poll(undefined, [update('a', 1)], 0);
    const t1 = poll(t0.next, [update('c', 3), update('b', 2), update('a', 1)], HOUR);
    expect(t1.events.map((e) => [e.kind, e.update.id])).toEqual([
      ['new', 'b'],
      ['new', 'c'],
    ]);
    const t2 = poll(t1.next, [update('c', 3), update('b', 2), update('a', 1)], 2 * HOUR);
    expect(t2.events).toEqual([]);
    expect(t2.changed).toEqual([]);
  });

  it('reports a changed text under a known id as an edit, not as new', () => {
    const t0 = poll(undefined, [update('a', 1, 'first version')], 0);
    const t1 = poll(t0.next, [update('a', 1, 'corrected version')], HOUR);
    expect(t1.events.map((e) => [e.kind, e.update.id])).toEqual([['edited', 'a']]);
  });

  it('never alerts a pinned summary, however often it is rewritten', () => {
    const pinned = (text: string) => update('key-points', 0, text, { pinned: true });
    const t0 = poll(undefined, [pinned('one')], 0);
    const t1 = poll(t0.next, [pinned('one two'), update('x', 5)], HOUR);
    const t2 = poll(t1.next, [pinned('one two three'), update('x', 5)], 2 * HOUR);
    expect(t1.events.map((e) => e.update.id)).toEqual(['x']);
    expect(t2.events).toEqual([]);
    expect(t2.changed.map((u) => u.id)).toEqual(['key-points']);
  });

  it('caps alerts per poll when every id changes at once, and says what it held back', () => {
    const t0 = poll(undefined, [update('a', 1)], 0);
    const flood = Array.from({ length: 40 }, (_, i) => update(`new-${i}`, 10 + i));
    const t1 = poll(t0.next, flood, HOUR, { maxNewPerPoll: 5 });
    expect(t1.events).toHaveLength(5);
    expect(t1.events.map((e) => e.update.id)).toEqual([
      'new-35',
      'new-36',
      'new-37',
      'new-38',
      'new-39',
    ]);
    expect(t1.suppressed).toHaveLength(35);
    const t2 = poll(t1.next, flood, 2 * HOUR, { maxNewPerPoll: 5 });
    expect(t2.events).toEqual([]);
  });

  it('forgets old updates without letting them come back as new', () => {
    const day = 24 * HOUR;
    const t0 = poll(undefined, [update('old', 1)], 0);
    const t1 = poll(t0.next, [update('fresh', 2)], 20 * day);
    expect(t1.pruned).toEqual(['old']);
    expect(Object.keys(t1.next.items)).toEqual(['fresh']);
    const t2 = poll(t1.next, [update('old', 1), update('fresh', 2)], 21 * day);
    expect(t2.events).toEqual([]);
  });

  it('does not lose an update whose clock is far in the past or future', () => {
    const t0 = poll(undefined, [update('a', 1)], 0);
    const odd = [
      update('past', 0, 'x', { published: '1970-01-01T00:00:00.000Z' }),
      update('future', 0, 'y', { published: '2099-01-01T00:00:00.000Z' }),
    ];
    const t1 = poll(t0.next, [...odd, update('a', 1)], HOUR);
    expect(t1.events.map((e) => e.update.id).sort()).toEqual(['future', 'past']);
  });
});
