/** Small timing and statistics helpers shared by every figure. */

/** Milliseconds since an arbitrary origin, sub-millisecond precise. */
export function nowMs(): number {
  return performance.now();
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Runs `fn` `runs` times and returns each run's duration in ms. */
export function timeRuns(runs: number, fn: () => void): number[] {
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = nowMs();
    fn();
    durations.push(nowMs() - started);
  }
  return durations;
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = nowMs();
  const value = await fn();
  return { ms: nowMs() - started, value };
}

/** Calls `fn` in a loop for at least `minMs`; returns how many calls per second. */
export function callsPerSecond(
  minMs: number,
  fn: () => void,
): { perSecond: number; calls: number } {
  let calls = 0;
  const started = nowMs();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 100; i += 1) fn();
    calls += 100;
    elapsed = nowMs() - started;
  }
  return { perSecond: (calls / elapsed) * 1000, calls };
}

/** Collects garbage when the process was started with --expose-gc, so runs start even. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatMb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(0)} MB`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
