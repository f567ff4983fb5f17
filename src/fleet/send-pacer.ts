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
 * resolves to that moment and the milliseconds until it; `go` is asked on waking,
 * immediately before the request leaves, and says 0 (send now) or how many milliseconds
 * until the next request may go. `go` is what holds the limit: it lets requests leave one
 * interval apart at the most (less a little tolerance for waking a few milliseconds early),
 * so a request whose process woke late takes the next free turn instead of leaving beside
 * another; the moments only spare `go` from being asked by every waiting request at once.
 *
 * A late turn moves every later turn back; `go` moves the moments not yet handed out back
 * by as much (`moment` tells it how late the asker is), or the moments would run further
 * ahead of the turns with every late wake, and the requests waiting on them would ask
 * again and again, all together, for turns still to come.
 */
export interface Pace {
  reserve(): Promise<Reservation> | Reservation;
  go(moment: number): Promise<number> | number;
}

export interface Reservation {
  /** Milliseconds until the moment. */
  waitMs: number;
  /** The moment on the pace's own clock, passed back to `go`. */
  moment: number;
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
  const { waitMs: untilMoment, moment } = await pace.reserve();
  await clock.sleep(untilMoment);
  for (let missed = 0; ; ) {
    const asked = clock.now();
    const waitMs = await pace.go(moment);
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

/**
 * How late a turn may be taken and still count as on time, as a share of one interval. A
 * turn is always taken a millisecond or two after it falls due (a timer fires late, Redis
 * answers); counted from then, every turn would slip by as much and the pace would run a
 * few per cent under its rate. Together with the early tolerance it stays under one
 * interval, so no second ever holds more than one turn beyond the rate.
 */
const LATE_SHARE = 0.25;

/** The most one late turn moves the moments: a process stalled longer is not waited for. */
const MAX_SHIFT_MS = 1_000;

/** One process's pace, kept in memory. */
export function localPace(perSecond: number, clock: PaceClock): Pace {
  const intervalMs = 1000 / perSecond;
  let nextMoment = 0;
  let nextGo = 0;
  return {
    reserve: () => {
      const now = clock.now();
      const moment = Math.max(now, nextMoment);
      nextMoment = moment + intervalMs;
      return { waitMs: moment - now, moment };
    },
    go: (moment) => {
      const now = clock.now();
      const early = nextGo - now;
      if (early > intervalMs * EARLY_SHARE) return early - intervalMs * EARLY_SHARE;
      const onTime = now - intervalMs * LATE_SHARE;
      if (nextGo < onTime) {
        const late = onTime - Math.max(nextGo, moment);
        if (nextGo > 0 && late > 0 && nextMoment > now) nextMoment += Math.min(late, MAX_SHIFT_MS);
        nextGo = onTime;
      }
      nextGo += intervalMs;
      return 0;
    },
  };
}

/** One process: the pace kept in memory. */
export class LocalPacer implements SendPacer {
  private readonly pace: Pace;

  constructor(
    perSecond = REQUESTS_PER_SECOND,
    private readonly clock: PaceClock = realClock,
  ) {
    this.pace = localPace(perSecond, clock);
  }

  wait(): Promise<void> {
    return waitForTurn(this.pace, this.clock);
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
return {moment - now, moment}`;
const TAKE_TURN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local early = tonumber(ARGV[2])
local turn = tonumber(redis.call('GET', KEYS[1]) or '0')
if turn - now > early then return turn - now - early end
local on_time = now - tonumber(ARGV[5])
if turn < on_time then
  local late = on_time - math.max(turn, tonumber(ARGV[3]))
  local next_moment = tonumber(redis.call('GET', KEYS[2]) or '0')
  if turn > 0 and late > 0 and next_moment > now then
    redis.call('SET', KEYS[2], tostring(next_moment + math.min(late, tonumber(ARGV[4]))), 'PX', 60000)
  end
  turn = on_time
end
redis.call('SET', KEYS[1], tostring(turn + interval), 'PX', 60000)
return 0`;

/** The fleet's pace, kept in Redis under `key`. */
export function redisPace(redis: Redis, key: string, perSecond: number): Pace {
  const intervalUs = Math.round(1_000_000 / perSecond);
  const early = Math.round(intervalUs * EARLY_SHARE);
  const lateness = Math.round(intervalUs * LATE_SHARE);
  return {
    reserve: async () => {
      const [untilUs, moment] = (await redis.eval(
        RESERVE_MOMENT,
        1,
        `${key}:moments`,
        intervalUs,
      )) as [number, number];
      return { waitMs: Number(untilUs) / 1000, moment: Number(moment) };
    },
    go: async (moment) => {
      const keys = [`${key}:turns`, `${key}:moments`];
      const args = [intervalUs, early, moment, MAX_SHIFT_MS * 1000, lateness];
      return Number(await redis.eval(TAKE_TURN, keys.length, ...keys, ...args)) / 1000;
    },
  };
}

export class RedisPacer implements SendPacer {
  private readonly pace: Pace;

  constructor(redis: Redis, key: string, perSecond = REQUESTS_PER_SECOND) {
    this.pace = redisPace(redis, key, perSecond);
  }

  wait(): Promise<void> {
    return waitForTurn(this.pace);
  }
}
