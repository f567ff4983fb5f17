import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';
import Keyv from 'keyv';
import type { StorageEngine } from './engines/engine.ts';
import type { KeyValueStore, Versioned } from './key-value.ts';
import { claimStoreFile } from './process-lock.ts';
import { KEY_PREFIX, storedKey } from './stored-key.ts';

/** A store as opened: the port, plus the sweep that frees what has expired. */
export interface OpenedStore extends KeyValueStore {
  /** Deletes expired entries (SQLite and PostgreSQL; Redis expires keys itself). */
  sweepExpired(): Promise<number>;
  /** The engine behind STORE_URL, for status and logs. */
  readonly engine: 'sqlite' | 'postgres' | 'redis';
}

export interface StoreOptions {
  /** Prefix of every key; tests give each run its own so they can share a server. */
  keyPrefix?: string;
  /** How often expired entries are swept; 0 turns the timer off. Default hourly. */
  sweepEveryMs?: number;
  /**
   * This process only reads (e.g. `feedback export`): it takes no claim on an SQLite file,
   * so it can run beside the bot (SQLite's write-ahead log lets readers in).
   */
  readOnly?: boolean;
}

/**
 * Opens the store that STORE_URL names. SQLite is embedded (its folder is created on first
 * run, and one process at a time may use it); PostgreSQL and Redis are shared by every
 * process of a fleet, through the official keyv adapters.
 */
export async function openStore(url: string, options: StoreOptions = {}): Promise<OpenedStore> {
  const scheme = url.slice(0, url.indexOf('://'));
  if (scheme === 'sqlite') return openSqlite(url.slice('sqlite://'.length), options);
  if (scheme === 'redis' || scheme === 'rediss') {
    const { redisEngine } = await import('./engines/redis.ts');
    return storeOver(await redisEngine(url), 'redis', options);
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    const { postgresEngine } = await import('./engines/postgres.ts');
    return storeOver(await postgresEngine(url), 'postgres', options);
  }
  throw new Error(
    `STORE_URL: unsupported store "${scheme}://" (use sqlite://, redis:// or postgresql://)`,
  );
}

async function openSqlite(path: string, options: StoreOptions): Promise<OpenedStore> {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const release = options.readOnly ? () => undefined : claimStoreFile(file);
  try {
    const { sqliteEngine } = await import('./engines/sqlite.ts');
    const store = storeOver(await sqliteEngine(file), 'sqlite', options);
    // Opening is lazy in the adapter; touch it now so a bad file fails at start-up.
    await store.get('__open__');
    return {
      ...store,
      async close() {
        await store.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

interface Entry {
  value: unknown;
  expires?: number;
}

function storeOver(
  engine: StorageEngine,
  kind: OpenedStore['engine'],
  options: StoreOptions,
): OpenedStore {
  const prefix = options.keyPrefix ?? KEY_PREFIX;
  const keyOf = (key: string) => storedKey(key, prefix);
  // Keys are prefixed here (not by keyv's namespace) so the atomic steps, written natively,
  // address exactly the rows keyv reads and writes.
  const keyv = new Keyv({ store: engine.adapter, useKeyPrefix: false, throwOnErrors: true });
  // keyv hands its default namespace to the adapter, and the Redis adapter would put it in
  // front of every key: the prefix above is the only one.
  engine.adapter.namespace = undefined;
  // keyv also reports failures as events, some of them only as events: keep the last one
  // and throw it from the call that met it, so a failing store never reads as "nothing".
  let failure: Error | undefined;
  keyv.on('error', (error: unknown) => {
    failure = error instanceof Error ? error : new Error(String(error));
  });
  const check = () => {
    if (failure) {
      const error = failure;
      failure = undefined;
      throw error;
    }
  };
  const serialise = (value: unknown, ttlMs: number | undefined, now: number) => {
    const entry: Entry = { value, ...(ttlMs ? { expires: now + ttlMs } : {}) };
    return defaultSerialize(entry) as string;
  };
  const live = (raw: string | undefined, now: number): Entry | undefined => {
    if (raw === undefined) return undefined;
    const entry = defaultDeserialize(raw) as Entry;
    if (typeof entry.expires === 'number' && entry.expires <= now) return undefined;
    return entry;
  };
  let sweepTimer: NodeJS.Timeout | undefined;
  const store: OpenedStore = {
    engine: kind,
    async get(key) {
      const value = await keyv.get(keyOf(key));
      check();
      return value;
    },
    async getMany(keys) {
      if (keys.length === 0) return [];
      const values = await keyv.get(keys.map(keyOf));
      check();
      return values;
    },
    async set(key, value, ttlMs) {
      await keyv.set(keyOf(key), value, ttlMs);
      check();
    },
    async delete(key) {
      await keyv.delete(keyOf(key));
      check();
    },
    add(key, value, ttlMs) {
      const now = Date.now();
      return engine.insertIfAbsent(keyOf(key), serialise(value, ttlMs, now), ttlMs, now);
    },
    async getVersioned(key): Promise<Versioned | undefined> {
      const raw = await engine.readRaw(keyOf(key));
      const entry = live(raw, Date.now());
      return entry && raw !== undefined ? { value: entry.value, version: raw } : undefined;
    },
    compareAndSet(key, version, value, ttlMs) {
      const now = Date.now();
      const raw = serialise(value, ttlMs, now);
      if (version === undefined) return engine.insertIfAbsent(keyOf(key), raw, ttlMs, now);
      return engine.replaceIfEqual(keyOf(key), version, raw, ttlMs);
    },
    claim(key, owner, leaseMs) {
      const now = Date.now();
      return engine.claim(keyOf(key), serialise(owner, leaseMs, now), owner, leaseMs, now);
    },
    release(key, owner) {
      return engine.release(keyOf(key), owner);
    },
    sweepExpired: () => engine.sweepExpired(prefix, Date.now()),
    async close() {
      clearInterval(sweepTimer);
      await engine.close();
    },
  };
  const every = options.sweepEveryMs ?? 3_600_000;
  if (every > 0 && kind !== 'redis') {
    sweepTimer = setInterval(() => {
      // A failed sweep is retried at the next tick; reads never depend on it.
      store.sweepExpired().catch(() => undefined);
    }, every);
    sweepTimer.unref();
  }
  return store;
}
