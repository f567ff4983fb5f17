import type { z } from 'zod';
import type { Logger } from '../logger.ts';
import type { KeyValueStore } from './key-value.ts';

/**
 * Every stored value is wrapped as `{ v, data }`: `v` is the schema version, so a later
 * release can migrate old records when it reads them.
 */
export const RECORD_VERSION = 1;

/** What a bounded read-modify-write returns when every attempt lost a race. */
const CONTENDED = Symbol('contended');

interface Envelope {
  v: number;
  data: unknown;
}

/** Typed, validated access to the key-value store. */
export class Records {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly logger: Logger,
  ) {}

  /** A record that fails validation is logged and treated as absent, never fatal. */
  async read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    return this.validate(key, await this.kv.get(key), schema);
  }

  async readMany<T>(keys: string[], schema: z.ZodType<T>): Promise<(T | undefined)[]> {
    const raw = await this.kv.getMany(keys);
    return keys.map((key, index) => this.validate(key, raw[index], schema));
  }

  async write<T>(key: string, data: T, ttlMs?: number): Promise<void> {
    const envelope: Envelope = { v: RECORD_VERSION, data };
    await this.kv.set(key, envelope, ttlMs);
  }

  async remove(key: string): Promise<void> {
    await this.kv.delete(key);
  }

  /** Writes only when nothing live is stored under `key`; true when it wrote. */
  add<T>(key: string, data: T, ttlMs?: number): Promise<boolean> {
    const envelope: Envelope = { v: RECORD_VERSION, data };
    return this.kv.add(key, envelope, ttlMs);
  }

  /**
   * Read-modify-write that another process cannot undo: `change` gets the current record
   * (undefined when absent or unreadable) and returns the next, or undefined to write
   * nothing; a write that lost a race is redone on what won. Returns what was written.
   */
  async update<T>(
    key: string,
    schema: z.ZodType<T>,
    change: (current: T | undefined) => T | undefined,
    ttlMs?: number,
  ): Promise<T | undefined> {
    const outcome = await this.changeRecord(key, schema, change, ttlMs, Number.POSITIVE_INFINITY);
    return outcome === CONTENDED ? undefined : outcome.value;
  }

  /**
   * `update` for a record whose lost write only makes a display less complete: after
   * `attempts` lost races it gives up (logged) and returns false rather than hold up its
   * caller. Each loss means another writer landed, so `attempts` writers at once all land.
   */
  async updateWithin<T>(
    attempts: number,
    key: string,
    schema: z.ZodType<T>,
    change: (current: T | undefined) => T | undefined,
    ttlMs?: number,
  ): Promise<boolean> {
    const outcome = await this.changeRecord(key, schema, change, ttlMs, attempts);
    if (outcome !== CONTENDED) return true;
    this.logger.warn({ key, attempts }, 'gave up a write that kept losing to other writers');
    return false;
  }

  private async changeRecord<T>(
    key: string,
    schema: z.ZodType<T>,
    change: (current: T | undefined) => T | undefined,
    ttlMs: number | undefined,
    attempts: number,
  ): Promise<{ value: T | undefined } | typeof CONTENDED> {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const stored = await this.kv.getVersioned(key);
      const current = this.validate(key, stored?.value, schema);
      const next = change(current === undefined ? undefined : structuredClone(current));
      if (next === undefined) return { value: current };
      const envelope: Envelope = { v: RECORD_VERSION, data: next };
      if (await this.kv.compareAndSet(key, stored?.version, envelope, ttlMs)) {
        return { value: next };
      }
    }
    return CONTENDED;
  }

  private validate<T>(key: string, raw: unknown, schema: z.ZodType<T>): T | undefined {
    if (raw === undefined || raw === null) return undefined;
    const envelope = raw as Partial<Envelope>;
    if (typeof envelope !== 'object' || envelope.v !== RECORD_VERSION) {
      this.logger.warn(
        { key, version: envelope?.v },
        'skipping a stored record of unknown version',
      );
      return undefined;
    }
    const parsed = schema.safeParse(envelope.data);
    if (!parsed.success) {
      this.logger.warn(
        {
          key,
          problems: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`),
        },
        'skipping a stored record that fails validation',
      );
      return undefined;
    }
    return parsed.data;
  }
}
