import type { KeyValueStore, Versioned } from './key-value.ts';

interface Entry {
  value: unknown;
  expiresAt?: number;
  version: number;
}

/** The port held in memory (one process): benchmarks buffer writes in it, tests use it as a fake. */
export class MemoryStore implements KeyValueStore {
  private readonly entries = new Map<string, Entry>();
  private nextVersion = 1;

  async get(key: string): Promise<unknown> {
    return this.live(key)?.value;
  }

  async getMany(keys: string[]): Promise<unknown[]> {
    return keys.map((key) => this.live(key)?.value);
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    this.write(key, value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async add(key: string, value: unknown, ttlMs?: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.write(key, value, ttlMs);
    return true;
  }

  async getVersioned(key: string): Promise<Versioned | undefined> {
    const entry = this.live(key);
    return entry
      ? { value: structuredClone(entry.value), version: String(entry.version) }
      : undefined;
  }

  async compareAndSet(
    key: string,
    version: string | undefined,
    value: unknown,
    ttlMs?: number,
  ): Promise<boolean> {
    const current = this.live(key);
    if (version === undefined ? current !== undefined : String(current?.version) !== version) {
      return false;
    }
    this.write(key, value, ttlMs);
    return true;
  }

  async claim(key: string, owner: string, leaseMs: number): Promise<boolean> {
    const current = this.live(key);
    if (current && current.value !== owner) return false;
    this.write(key, owner, leaseMs);
    return true;
  }

  async release(key: string, owner: string): Promise<void> {
    if (this.live(key)?.value === owner) this.entries.delete(key);
  }

  async close(): Promise<void> {}

  /** Every live entry, for copying into a real store. */
  *liveEntries(): Iterable<[string, unknown]> {
    for (const key of this.entries.keys()) {
      const entry = this.live(key);
      if (entry) yield [key, entry.value];
    }
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private write(key: string, value: unknown, ttlMs: number | undefined): void {
    this.entries.set(key, {
      value: structuredClone(value),
      version: this.nextVersion++,
      ...(ttlMs ? { expiresAt: Date.now() + ttlMs } : {}),
    });
  }
}
