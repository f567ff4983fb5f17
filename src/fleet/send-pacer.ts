import type { Redis } from 'ioredis';

/**
 * Discord allows a bot 50 requests a second in all. Requests are spaced evenly at a bit
 * under that: a second's quota sent as one burst lands partly in Discord's previous
 * window (its clock and ours never agree to the millisecond) and draws 429s, while even
 * spacing keeps any one-second window under the limit whichever way the clocks differ.
 */
export const REQUESTS_PER_SECOND = 47;
/** A send woken this much later than its slot takes a new one (see RedisPacer.wait). */
const LATE_MS = 60;

/** Hands out send times; `wait` resolves at this caller's turn. */
export interface SendPacer {
  wait(): Promise<void>;
}

const sleep = (ms: number) =>
  ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

/** One process: the next free slot, kept in memory. */
export class LocalPacer implements SendPacer {
  private next = 0;
  private readonly intervalMs: number;

  constructor(perSecond = REQUESTS_PER_SECOND) {
    this.intervalMs = 1000 / perSecond;
  }

  wait(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(now, this.next);
    this.next = slot + this.intervalMs;
    return sleep(slot - now);
  }
}

/**
 * The next free slot for every process of a fleet, kept in Redis and taken by one script,
 * so slots are handed out in turn by Redis's own clock: processes on machines whose clocks
 * differ still share one even pace. Slots are in microseconds.
 */
const TAKE_SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local next = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, next)
redis.call('SET', KEYS[1], tostring(slot + tonumber(ARGV[1])), 'PX', 60000)
return slot - now`;

export class RedisPacer implements SendPacer {
  private readonly intervalUs: number;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    perSecond = REQUESTS_PER_SECOND,
  ) {
    this.intervalUs = Math.round(1_000_000 / perSecond);
  }

  async wait(): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const waitMs = Number(await this.redis.eval(TAKE_SLOT, 1, this.key, this.intervalUs)) / 1000;
      const due = performance.now() + waitMs;
      await sleep(waitMs);
      // Woken well after its slot (a busy process): sent now, it would land together with
      // the requests of the slots after it. It takes a new slot instead, a few times at most.
      if (performance.now() - due < LATE_MS || attempt >= 3) return;
    }
  }
}
