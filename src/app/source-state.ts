import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SeenStateSchema } from '../core/detect.ts';
import type { Records } from '../store/records.ts';
import type { SourceHealth } from './context.ts';

export const SourceStateSchema = z.object({
  source: z.string(),
  seen: SeenStateSchema,
  /** Hash of the body last read, so identical bytes are not read again. */
  bodyHash: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
});
export type SourceState = z.infer<typeof SourceStateSchema>;

const SourceHealthSchema = z.object({
  source: z.string(),
  lastSuccessAt: z.string().optional(),
  lastErrorAt: z.string().optional(),
  lastError: z.string().optional(),
  consecutiveFailures: z.number().int().default(0),
  nextAttemptAt: z.string().optional(),
  lastSuppressed: z.object({ count: z.number(), at: z.string() }).optional(),
  updatesKnown: z.number().int().default(0),
});

/** A short, stable storage id for a source URL or path. */
export function sourceId(source: string): string {
  return createHash('sha256').update(source).digest('base64url').slice(0, 16);
}

const stateKey = (source: string) => `source-state:${sourceId(source)}`;
const healthKey = (source: string) => `source-health:${sourceId(source)}`;
const HEALTH_WRITE_INTERVAL_MS = 5 * 60_000;

/**
 * Per-source memory between polls (what was seen, validators for conditional GET) and
 * health. Health lives in memory and is written when it changes in kind, or every few
 * minutes, so 500 unchanged sources do not cost 500 writes a poll.
 */
export class SourceStateRepository {
  private readonly healthCache = new Map<string, SourceHealth>();
  private readonly healthWrittenAt = new Map<string, number>();

  constructor(private readonly records: Records) {}

  getState(source: string): Promise<SourceState | undefined> {
    return this.records.read(stateKey(source), SourceStateSchema);
  }

  saveState(state: SourceState): Promise<void> {
    return this.records.write(stateKey(state.source), state);
  }

  async loadHealth(sources: string[]): Promise<void> {
    const missing = sources.filter((s) => !this.healthCache.has(s));
    const stored = await this.records.readMany(missing.map(healthKey), SourceHealthSchema);
    missing.forEach((source, index) => {
      this.healthCache.set(
        source,
        stored[index] ?? { source, consecutiveFailures: 0, updatesKnown: 0 },
      );
    });
  }

  health(source: string): SourceHealth {
    return this.healthCache.get(source) ?? { source, consecutiveFailures: 0, updatesKnown: 0 };
  }

  async setHealth(next: SourceHealth, now: number): Promise<void> {
    const previous = this.healthCache.get(next.source);
    this.healthCache.set(next.source, next);
    const changedInKind =
      !previous ||
      previous.consecutiveFailures !== next.consecutiveFailures ||
      previous.lastError !== next.lastError ||
      previous.lastSuppressed?.at !== next.lastSuppressed?.at ||
      previous.updatesKnown !== next.updatesKnown;
    const stale = now - (this.healthWrittenAt.get(next.source) ?? 0) > HEALTH_WRITE_INTERVAL_MS;
    if (changedInKind || stale) {
      this.healthWrittenAt.set(next.source, now);
      await this.records.write(healthKey(next.source), next);
    }
  }
}
