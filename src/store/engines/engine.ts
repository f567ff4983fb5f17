import type { KeyvStoreAdapter } from 'keyv';

/**
 * What one storage engine gives the store: the official keyv adapter for plain reads and
 * writes, and the atomic steps keyv has no word for, written natively against the same
 * table or keys. Keys arrive already prefixed; values arrive serialised the way keyv
 * serialises them (`{"value":…,"expires":…}`), so either path reads what the other wrote.
 */
export interface StorageEngine {
  readonly adapter: KeyvStoreAdapter;
  /** The serialised entry as stored (expired or not), or undefined. */
  readRaw(key: string): Promise<string | undefined>;
  /** Writes `raw` when no entry, or only an expired one, is stored. */
  insertIfAbsent(
    key: string,
    raw: string,
    ttlMs: number | undefined,
    nowMs: number,
  ): Promise<boolean>;
  /** Writes `raw` when the stored entry is exactly `expected`. */
  replaceIfEqual(
    key: string,
    expected: string,
    raw: string,
    ttlMs: number | undefined,
  ): Promise<boolean>;
  /** Writes `raw` (a lease whose value is `owner`) when free, expired, or held by `owner`. */
  claim(key: string, raw: string, owner: string, leaseMs: number, nowMs: number): Promise<boolean>;
  /** Deletes the entry when its value is still `owner`. */
  release(key: string, owner: string): Promise<void>;
  /** Deletes expired entries under `prefix`, returning how many: keyv alone only drops one when it is read. */
  sweepExpired(prefix: string, nowMs: number): Promise<number>;
  close(): Promise<void>;
}

/** `prefix` as a LIKE pattern (with `\` as the escape) matching every key under it. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
