import type { KeyValueStore, Versioned } from '../../src/store/key-value.ts';

/**
 * A store that "loses power" just before its k-th write: that write and every later call
 * never complete, as if the process had died there. What was written before stays in the
 * real store underneath, for the next process to find.
 */
export class CrashingStore implements KeyValueStore {
  /** Writes (set, delete and the atomic steps) let through since `arm`. */
  writes = 0;
  private crashAt = Number.POSITIVE_INFINITY;
  private dead = false;
  private readonly died: Promise<void>;
  private announceDeath: () => void = () => undefined;

  constructor(readonly inner: KeyValueStore) {
    this.died = new Promise((resolve) => {
      this.announceDeath = resolve;
    });
  }

  /** Counts writes from now; the `crashAt`-th one (1-based) never happens. */
  arm(crashAt: number): void {
    this.writes = 0;
    this.crashAt = crashAt;
  }

  /** Resolves when the crash point is reached. */
  crashed(): Promise<void> {
    return this.died;
  }

  get isDead(): boolean {
    return this.dead;
  }

  get(key: string): Promise<unknown> {
    return this.dead ? hang() : this.inner.get(key);
  }

  getMany(keys: string[]): Promise<unknown[]> {
    return this.dead ? hang() : this.inner.getMany(keys);
  }

  set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    return this.write() ? this.inner.set(key, value, ttlMs) : hang();
  }

  delete(key: string): Promise<void> {
    return this.write() ? this.inner.delete(key) : hang();
  }

  getVersioned(key: string): Promise<Versioned | undefined> {
    return this.dead ? hang() : this.inner.getVersioned(key);
  }

  add(key: string, value: unknown, ttlMs?: number): Promise<boolean> {
    return this.write() ? this.inner.add(key, value, ttlMs) : hang();
  }

  compareAndSet(
    key: string,
    version: string | undefined,
    value: unknown,
    ttlMs?: number,
  ): Promise<boolean> {
    return this.write() ? this.inner.compareAndSet(key, version, value, ttlMs) : hang();
  }

  claim(key: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.write() ? this.inner.claim(key, owner, leaseMs) : hang();
  }

  release(key: string, owner: string): Promise<void> {
    return this.write() ? this.inner.release(key, owner) : hang();
  }

  /** A dead store is never closed by its process; the test closes `inner` itself. */
  close(): Promise<void> {
    return this.dead ? Promise.resolve() : this.inner.close();
  }

  private write(): boolean {
    if (this.dead) return false;
    if (this.writes + 1 >= this.crashAt) {
      this.dead = true;
      this.announceDeath();
      return false;
    }
    this.writes += 1;
    return true;
  }
}

function hang<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}
