import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { KeyValueStore } from './key-value.ts';
import { claimStoreFile } from './process-lock.ts';

const NAMESPACE = 'liveblog-alerts';

/**
 * Opens the store that STORE_URL names. SQLite is embedded (its folder is created on first
 * run); Redis and PostgreSQL use the official keyv adapters, installed only by those who use them.
 */
export async function openStore(url: string): Promise<KeyValueStore> {
  const scheme = url.slice(0, url.indexOf('://'));
  if (scheme === 'sqlite') return openSqlite(url.slice('sqlite://'.length));
  if (scheme === 'redis' || scheme === 'rediss') {
    return wrapKeyv(
      new Keyv({ store: await loadAdapter('@keyv/redis', url), namespace: NAMESPACE }),
    );
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    return wrapKeyv(
      new Keyv({ store: await loadAdapter('@keyv/postgres', url), namespace: NAMESPACE }),
    );
  }
  throw new Error(
    `STORE_URL: unsupported store "${scheme}://" (use sqlite://, redis:// or postgresql://)`,
  );
}

async function openSqlite(path: string): Promise<KeyValueStore> {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const release = claimStoreFile(file);
  try {
    const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 });
    // Only this process uses the file (the claim above), so write-ahead logging is safe, and
    // with synchronous=NORMAL a commit no longer waits for fsync: each write is ~10× cheaper,
    // which the outbox needs to keep up with Discord's 50 requests/s. A power loss may undo
    // the last commits (never corrupt the file); redone work reuses the same delivery ids
    // and nonces, so it does not double alerts.
    await adapter.query('PRAGMA journal_mode = WAL');
    await adapter.query('PRAGMA synchronous = NORMAL');
    const keyv = new Keyv({ store: adapter, namespace: NAMESPACE });
    const store = wrapKeyv(keyv);
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

async function loadAdapter(name: string, url: string): Promise<never> {
  try {
    const module = (await import(name)) as { default: new (url: string) => never };
    return new module.default(url);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(
        `STORE_URL: this store needs the package ${name}; run \`npm install ${name}\``,
      );
    }
    throw error;
  }
}

function wrapKeyv(keyv: Keyv): KeyValueStore {
  let failure: Error | undefined;
  keyv.on('error', (error: Error) => {
    failure = error;
  });
  const check = () => {
    if (failure) {
      const error = failure;
      failure = undefined;
      throw error;
    }
  };
  return {
    async get(key) {
      const value = await keyv.get(key);
      check();
      return value;
    },
    async getMany(keys) {
      if (keys.length === 0) return [];
      const values = await keyv.get(keys);
      check();
      return values;
    },
    async set(key, value, ttlMs) {
      await keyv.set(key, value, ttlMs);
      check();
    },
    async delete(key) {
      await keyv.delete(key);
      check();
    },
    async close() {
      await keyv.disconnect();
    },
  };
}
