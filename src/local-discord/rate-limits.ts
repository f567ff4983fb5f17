/** Discord's published limits for a bot: 50 requests/s overall, 5 messages per 5 s per channel. */
export const GLOBAL_LIMIT = { limit: 50, windowMs: 1000 };
export const MESSAGE_LIMIT = { limit: 5, windowMs: 5000 };

export type RateDecision =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; retryAfter: number; global: boolean; headers: Record<string, string> };

interface Window {
  startedAt: number;
  count: number;
}

const seconds = (ms: number) => (Math.max(ms, 1) / 1000).toFixed(3);

/** Fixed windows counted from the first request, like Discord's buckets. */
export class RateLimiter {
  private globalWindow: Window = { startedAt: 0, count: 0 };
  private readonly buckets = new Map<string, Window>();

  /** `bucket` names a per-resource limit (e.g. one channel's message bucket), if the route has one. */
  check(
    now: number,
    countsGlobally: boolean,
    bucket?: { key: string; hash: string },
  ): RateDecision {
    if (countsGlobally) {
      const global = this.take(this.globalWindow, now, GLOBAL_LIMIT);
      if (!global.ok) {
        const headers = { 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' };
        return { ok: false, retryAfter: global.retryAfterMs / 1000, global: true, headers };
      }
    }
    if (!bucket) return { ok: true, headers: {} };
    let window = this.buckets.get(bucket.key);
    if (!window) {
      window = { startedAt: now, count: 0 };
      this.buckets.set(bucket.key, window);
    }
    const taken = this.take(window, now, MESSAGE_LIMIT);
    const resetAfterMs = window.startedAt + MESSAGE_LIMIT.windowMs - now;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(MESSAGE_LIMIT.limit),
      'X-RateLimit-Remaining': String(MESSAGE_LIMIT.limit - window.count),
      'X-RateLimit-Reset': seconds(window.startedAt + MESSAGE_LIMIT.windowMs),
      'X-RateLimit-Reset-After': seconds(resetAfterMs),
      'X-RateLimit-Bucket': bucket.hash,
    };
    if (taken.ok) return { ok: true, headers };
    headers['X-RateLimit-Scope'] = 'user';
    return { ok: false, retryAfter: taken.retryAfterMs / 1000, global: false, headers };
  }

  private take(window: Window, now: number, rule: { limit: number; windowMs: number }) {
    if (now - window.startedAt >= rule.windowMs) {
      window.startedAt = now;
      window.count = 0;
    }
    if (window.count >= rule.limit) {
      return { ok: false as const, retryAfterMs: window.startedAt + rule.windowMs - now };
    }
    window.count += 1;
    return { ok: true as const };
  }
}
