/** The one persistence port: a key-value store (keyv behind it). No scans on the hot path. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  getMany(keys: string[]): Promise<unknown[]>;
  /** `ttlMs`: the store forgets the value after this long (bounded storage without scans). */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}
