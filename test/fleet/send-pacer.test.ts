import { Redis } from 'ioredis';
import { afterAll, describe, expect, test } from 'vitest';
import {
  LATE_MS,
  localPace,
  MAX_MISSED,
  type Pace,
  type PaceClock,
  RedisPacer,
  redisPace,
  waitForTurn,
} from '../../src/fleet/send-pacer.ts';
import { REDIS_URL, serverFor, uniquePrefix } from '../support/servers.ts';

/** A clock that moves only when slept on, or when a scripted answer says it took time. */
function fakeClock(): PaceClock & { time: number } {
  const clock = {
    time: 0,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.time += Math.max(ms, 0);
    },
  };
  return clock;
}

/** A pace whose answers to `go` are given in turn: a wait in ms or 0 (go), and how long hearing it took. */
function scriptedPace(clock: { time: number }, answers: { wait: number; takesMs?: number }[]) {
  const asked = { reserve: 0, go: 0 };
  return {
    asked,
    pace: {
      reserve: () => {
        asked.reserve += 1;
        return { waitMs: 20, moment: 20 };
      },
      go: () => {
        const answer = answers[Math.min(asked.go, answers.length - 1)]!;
        asked.go += 1;
        clock.time += answer.takesMs ?? 0;
        return answer.wait;
      },
    },
  };
}

describe('waiting for a turn to send', () => {
  test('a request woken at its moment goes when told to', async () => {
    const clock = fakeClock();
    const { pace, asked } = scriptedPace(clock, [{ wait: 0 }]);
    await waitForTurn(pace, clock);
    expect(asked).toEqual({ reserve: 1, go: 1 });
    expect(clock.time).toBe(20);
  });

  test('a request woken late waits for the next free turn instead of leaving beside another', async () => {
    const clock = fakeClock();
    const { pace, asked } = scriptedPace(clock, [{ wait: 15 }, { wait: 0 }]);
    await waitForTurn(pace, clock);
    // It keeps its place: no new moment is reserved, the turn is asked for again.
    expect(asked).toEqual({ reserve: 1, go: 2 });
    expect(clock.time).toBe(35);
  });

  test('a "go" heard too late is not used: the turn is asked for again', async () => {
    const clock = fakeClock();
    const { pace, asked } = scriptedPace(clock, [{ wait: 0, takesMs: LATE_MS + 1 }, { wait: 0 }]);
    await waitForTurn(pace, clock);
    expect(asked.go).toBe(2);
  });

  test('on a machine too busy ever to hear in time, a request still goes after MAX_MISSED tries', async () => {
    const clock = fakeClock();
    const { pace, asked } = scriptedPace(clock, [{ wait: 0, takesMs: 10 * LATE_MS }]);
    await waitForTurn(pace, clock);
    expect(asked.go).toBe(MAX_MISSED + 1);
  });
});

/**
 * Forty requests reserve their moments; the first goes on time, the second's process then
 * stalls for `stallMs` before it asks. Returns how far the moment the next request would be
 * handed moved, in the pace's own units.
 */
async function momentShiftAfterAStall(
  pace: Pace,
  stall: () => Promise<void>,
): Promise<{ shift: number; interval: number }> {
  const reservations = [];
  for (let i = 0; i < 40; i += 1) reservations.push(await pace.reserve());
  const [first, second, last] = [reservations[0]!, reservations[1]!, reservations.at(-1)!];
  expect(await pace.go(first.moment)).toBe(0);
  await stall();
  expect(await pace.go(second.moment)).toBe(0);
  const interval = second.moment - first.moment;
  const next = await pace.reserve();
  return { shift: next.moment - (last.moment + interval), interval };
}

describe('a late turn moves the moments still to come', () => {
  test('in one process', async () => {
    const clock = fakeClock();
    const { shift, interval } = await momentShiftAfterAStall(localPace(50, clock), async () => {
      clock.time += 100;
    });
    // The second request was due one interval after the first and asked 100 ms after it; a
    // quarter of an interval late still counts as on time.
    expect(shift).toBeCloseTo(100 - 1.25 * interval, 6);
  });

  test('a request asking at its moment moves nothing', async () => {
    const clock = fakeClock();
    const { shift } = await momentShiftAfterAStall(localPace(50, clock), async () => {
      clock.time += 20;
    });
    expect(shift).toBe(0);
  });
});

const redisUp = await serverFor('Redis', REDIS_URL);

describe.skipIf(!redisUp)('the pace shared through Redis', () => {
  const redis = redisUp ? new Redis(REDIS_URL) : undefined;
  const key = `${uniquePrefix('pace')}send-pace`;
  afterAll(async () => {
    await redis?.del(`${key}:moments`, `${key}:turns`);
    redis?.disconnect();
  });

  test("a late turn moves the moments still to come, on the fleet's pace too", async () => {
    const stalledKey = `${key}-stalled`;
    const { shift, interval } = await momentShiftAfterAStall(
      redisPace(redis!, stalledKey, 50),
      () => new Promise((resolve) => setTimeout(resolve, 100)),
    );
    await redis!.del(`${stalledKey}:moments`, `${stalledKey}:turns`);
    // Microseconds: at least the stall less the interval it was due after and the quarter
    // interval that still counts as on time (a busy machine
    // only makes the stall longer); never more than the most one late turn may move them.
    expect(shift).toBeGreaterThanOrEqual(100_000 - 1.25 * interval - 1_000);
    expect(shift).toBeLessThanOrEqual(1_000_000);
  });

  test('turns are handed out one interval apart however many processes ask at once', async () => {
    const perSecond = 50;
    const pacers = [0, 1, 2].map(() => new RedisPacer(redis!, key, perSecond));
    const [seconds, micros] = await redis!.time();
    const startUs = Number(seconds) * 1_000_000 + Number(micros);
    // Three processes, ten requests each, all asking at once.
    await Promise.all(pacers.flatMap((pacer) => Array.from({ length: 10 }, () => pacer.wait())));
    // The next free turn lies 30 intervals past the first, which was no earlier than the
    // start less the quarter interval a turn may be taken late and still count as on time.
    const intervalUs = 1_000_000 / perSecond;
    expect(Number(await redis!.get(`${key}:turns`)) - startUs).toBeGreaterThanOrEqual(
      29.75 * intervalUs,
    );
    expect(Number(await redis!.get(`${key}:moments`)) - startUs).toBeGreaterThanOrEqual(
      30 * intervalUs,
    );
  });
});
