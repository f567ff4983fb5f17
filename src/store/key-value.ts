/** A value read together with a token that changes whenever the value is written again. */
export interface Versioned {
  value: unknown;
  version: string;
}

/**
 * The one persistence port: a key-value store (keyv behind it). No scans on the hot path.
 * Besides plain reads and writes it offers the few atomic steps that let several processes
 * share one store: each is one native operation of the engine, never a read then a write.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  getMany(keys: string[]): Promise<unknown[]>;
  /** `ttlMs`: the store forgets the value after this long (bounded storage without scans). */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Writes only when no live value is stored under `key`; true when it wrote. */
  add(key: string, value: unknown, ttlMs?: number): Promise<boolean>;
  /** The live value and its version, for `compareAndSet`. */
  getVersioned(key: string): Promise<Versioned | undefined>;
  /**
   * Writes only when the stored value is still the one read as `version` (`undefined`: only
   * when nothing is stored); true when it wrote. Whoever loses reads again and retries.
   */
  compareAndSet(
    key: string,
    version: string | undefined,
    value: unknown,
    ttlMs?: number,
  ): Promise<boolean>;
  /**
   * Holds `key` for `owner` for `leaseMs`: granted when nobody holds it, the last holder's
   * lease ran out, or `owner` holds it already (which renews it). A process killed while
   * holding work loses it when the lease ends, and another takes it over.
   */
  claim(key: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Gives a claim back early, if `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
  close(): Promise<void>;
}
