import type { Redis } from 'ioredis';

/**
 * Discord allows a bot 50 requests a second in all. Requests are spaced evenly at a bit
 * under that: a second's quota sent as one burst lands partly in Discord's previous
 * window (its clock and ours never agree to the millisecond) and draws 429s, while even
 * spacing keeps any one-second window under the limit whichever way the clocks differ.
 */
export const REQUESTS_PER_SECOND = 47;

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
 * The pace of every process of a fleet, kept in Redis as one "theoretical arrival time"
 * (the generic cell rate algorithm) and decided by one script on Redis's own clock, so
 * processes on machines whose clocks differ still share one pace. The decision is made
 * when the request is about to go, not reserved ahead: a process that wakes late (busy)
 * neither wastes a slot nor sends next to the requests of the slots after it. A burst of
 * at most BURST requests is let through early; any one second holds at most
 * perSecond + BURST. Returns 0 (send now) or the microseconds to wait before asking again.
 */
const TAKE_TURN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
if tat - now > tolerance then return tat - now - tolerance end
redis.call('SET', KEYS[1], tostring(tat + interval), 'PX', 60000)
return 0`;
const BURST = 1;

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
    for (;;) {
      const waitUs = Number(
        await this.redis.eval(TAKE_TURN, 1, this.key, this.intervalUs, this.intervalUs * BURST),
      );
      if (waitUs <= 0) return;
      // Spread the retries of many waiters over one interval, so they do not all ask at once.
      await sleep(waitUs / 1000 + Math.random() * (this.intervalUs / 1000));
    }
  }
}
