import type { Redis } from 'ioredis';

/**
 * Discord allows a bot 50 requests a second in all, counted in one-second windows on its
 * own clock. Requests go at evenly spaced moments a bit under that: a second's quota sent
 * as one burst lands partly in Discord's previous window (its clock and ours never agree
 * to the millisecond) and draws 429s, while even spacing keeps any one-second window
 * under the limit whichever way the clocks differ, with room for requests that arrive a
 * little early or late.
 */
export const REQUESTS_PER_SECOND = 47;

/**
 * How long a process may take to hear that it may send. If the answer took longer (this
 * process busy while it sat unread), another process may have been told "go" since, and
 * the two requests would leave together: this one asks again instead. 30 ms is under two
 * intervals: a request let through that late lands beside at most one other.
 */
export const LATE_MS = 30;

/**
 * How often one request asks again after a slow answer before it goes however slow: on a
 * machine too busy ever to answer in time, asking on would send nothing at all.
 */
export const MAX_MISSED = 3;

/** Hands out send times; `wait` resolves when this caller may send, immediately before it does. */
export interface SendPacer {
  wait(): Promise<void>;
}

/**
 * One pace, kept in two parts: `reserve` hands each request a moment, one interval after
 * the last one handed out (so waiting requests wake spread out, never all at once), and
 * resolves to the milliseconds until it; `go` is asked on waking, immediately before the
 * request leaves, and says 0 (send now) or how many milliseconds until the next request
 * may go. `go` is what holds the limit: it lets requests leave one interval apart at the
 * most (less a little tolerance for waking a few milliseconds early), so a request whose
 * process woke late takes the next free turn instead of leaving beside another; the
 * moments only spare `go` from being asked by every waiting request at once.
 */
export interface Pace {
  reserve(): Promise<number> | number;
  go(): Promise<number> | number;
}

/** The clock the waiting is measured on; tests pass one that runs late on purpose. */
export interface PaceClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PaceClock = {
  now: () => performance.now(),
  sleep: (ms) =>
    ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve(),
};

/** Sleeps until the moment reserved, then until `go` says go, answered in time. */
export async function waitForTurn(pace: Pace, clock: PaceClock = realClock): Promise<void> {
  await clock.sleep(await pace.reserve());
  for (let missed = 0; ; ) {
    const asked = clock.now();
    const waitMs = await pace.go();
    if (waitMs > 0) {
      await clock.sleep(waitMs);
      continue;
    }
    if (clock.now() - asked <= LATE_MS || missed >= MAX_MISSED) return;
    missed += 1;
  }
}

/** Tolerance of `go` for a request that wakes a little before its turn, as a share of one interval. */
const EARLY_SHARE = 0.5;

/** One process: the pace kept in memory. */
export class LocalPacer implements SendPacer {
  private nextMoment = 0;
  private nextGo = 0;
  private readonly intervalMs: number;

  constructor(perSecond = REQUESTS_PER_SECOND) {
    this.intervalMs = 1000 / perSecond;
  }

  wait(): Promise<void> {
    return waitForTurn({
      reserve: () => {
        const now = performance.now();
        const moment = Math.max(now, this.nextMoment);
        this.nextMoment = moment + this.intervalMs;
        return moment - now;
      },
      go: () => {
        const now = performance.now();
        const early = this.nextGo - now;
        if (early > this.intervalMs * EARLY_SHARE) return early - this.intervalMs * EARLY_SHARE;
        this.nextGo = Math.max(this.nextGo, now) + this.intervalMs;
        return 0;
      },
    });
  }
}

/**
 * The pace of every process of a fleet, kept in Redis and decided by scripts on Redis's
 * own clock, so processes on machines whose clocks differ still share one pace. Both
 * return microseconds: until the moment reserved, and until the next request may go (0:
 * go now, and the turn is taken).
 */
const RESERVE_MOMENT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local moment = tonumber(redis.call('GET', KEYS[1]) or '0')
if moment < now then moment = now end
redis.call('SET', KEYS[1], tostring(moment + interval), 'PX', 60000)
return moment - now`;
const TAKE_TURN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local early = tonumber(ARGV[2])
local turn = tonumber(redis.call('GET', KEYS[1]) or '0')
if turn - now > early then return turn - now - early end
if turn < now then turn = now end
redis.call('SET', KEYS[1], tostring(turn + interval), 'PX', 60000)
return 0`;

export class RedisPacer implements SendPacer {
  private readonly intervalUs: number;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    perSecond = REQUESTS_PER_SECOND,
  ) {
    this.intervalUs = Math.round(1_000_000 / perSecond);
  }

  wait(): Promise<void> {
    const { redis, key, intervalUs } = this;
    const early = Math.round(intervalUs * EARLY_SHARE);
    return waitForTurn({
      reserve: async () =>
        Number(await redis.eval(RESERVE_MOMENT, 1, `${key}:moments`, intervalUs)) / 1000,
      go: async () =>
        Number(await redis.eval(TAKE_TURN, 1, `${key}:turns`, intervalUs, early)) / 1000,
    });
  }
}
