import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpenedStore, openStore } from '../../src/store/open-store.ts';
import { POSTGRES_URL, REDIS_URL, serverFor, uniquePrefix } from '../support/servers.ts';
import { startTcpRelay } from '../support/tcp-relay.ts';

/**
 * One contract, three engines: what the bot (and a fleet of bots) relies on from its store,
 * run against a real SQLite file, the real PostgreSQL and the real Redis.
 */
interface Engine {
  name: 'sqlite' | 'postgres' | 'redis';
  available: boolean;
  /** A URL to a fresh store (for SQLite a new file). */
  url(): string;
  /** Rows (or keys) stored under the prefix, counted by the engine itself. */
  countStored(url: string, prefix: string): Promise<number>;
}

const engines: Engine[] = [
  {
    name: 'sqlite',
    available: true,
    url: () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'lba-contract-')), 'store.sqlite')}`,
    countStored: (url, prefix) =>
      new Promise((resolve, reject) => {
        const db = new sqlite3.Database(url.slice('sqlite://'.length));
        db.all(
          'SELECT count(*) AS n FROM keyv WHERE substr(key, 1, ?) = ?',
          [prefix.length, prefix],
          (error, rows: { n: number }[]) => {
            db.close();
            if (error) reject(error);
            else resolve(rows[0]?.n ?? 0);
          },
        );
      }),
  },
  {
    name: 'postgres',
    available: await serverFor('PostgreSQL', POSTGRES_URL),
    url: () => POSTGRES_URL,
    async countStored(url, prefix) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const result = await client.query(
          'SELECT count(*)::int AS n FROM keyv WHERE left(key, $1) = $2',
          [prefix.length, prefix],
        );
        return result.rows[0].n as number;
      } finally {
        await client.end();
      }
    },
  },
  {
    name: 'redis',
    available: await serverFor('Redis', REDIS_URL),
    url: () => REDIS_URL,
    async countStored(url, prefix) {
      const { createClient } = await import('@redis/client');
      const client = createClient({ url });
      await client.connect();
      try {
        return (await client.keys(`${prefix}*`)).length;
      } finally {
        client.destroy();
      }
    },
  },
];

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const engine of engines) {
  describe.skipIf(!engine.available)(`the ${engine.name} store`, () => {
    const open: OpenedStore[] = [];
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close().catch(() => undefined);
    });
    async function fresh(
      url = engine.url(),
    ): Promise<{ store: OpenedStore; prefix: string; url: string }> {
      const prefix = uniquePrefix(engine.name);
      const store = await openStore(url, { keyPrefix: prefix, sweepEveryMs: 0 });
      open.push(store);
      return { store, prefix, url };
    }

    it('round-trips values, many at once, and forgets deleted ones', async () => {
      const { store } = await fresh();
      await store.set('a', { text: 'hello', list: [1, 2], nested: { ok: true } });
      await store.set('b', ':starts with a colon');
      expect(await store.get('a')).toEqual({ text: 'hello', list: [1, 2], nested: { ok: true } });
      expect(await store.getMany(['b', 'missing', 'a'])).toEqual([
        ':starts with a colon',
        undefined,
        { text: 'hello', list: [1, 2], nested: { ok: true } },
      ]);
      await store.delete('a');
      expect(await store.get('a')).toBeUndefined();
    });

    it('stores keys far longer than a column allows, each apart from the others', async () => {
      const { store } = await fresh();
      const base = `update:https://news.example.com/${'very-long-path/'.repeat(60)}`;
      await store.set(`${base}one`, 1);
      await store.set(`${base}two`, 2);
      expect(await store.getMany([`${base}one`, `${base}two`])).toEqual([1, 2]);
      expect(await store.add(`${base}one`, 3)).toBe(false);
    });

    it('forgets a value when its time to live ends', async () => {
      const { store } = await fresh();
      await store.set('short', 'soon gone', 150);
      await store.set('long', 'kept', 60_000);
      expect(await store.get('short')).toBe('soon gone');
      await waitFor(async () => (await store.get('short')) === undefined, 'the value to expire');
      expect(await store.get('long')).toBe('kept');
    });

    it('frees the space of expired values, counted in the engine itself', async () => {
      const { store, prefix, url } = await fresh();
      for (let i = 0; i < 20; i += 1) await store.set(`gone:${i}`, { i }, 100);
      for (let i = 0; i < 5; i += 1) await store.set(`kept:${i}`, { i });
      await store.claim('lease', 'owner-a', 100);
      // Read without keyv's delete-on-read, which would tidy the very rows counted here.
      await waitFor(
        async () => !(await store.getVersioned('gone:19')) && !(await store.getVersioned('lease')),
        'the values and the lease to expire',
      );
      if (engine.name !== 'redis') {
        // Expired, but never read again: keyv alone would keep these rows for ever.
        expect(await engine.countStored(url, prefix)).toBe(26);
      }
      expect(await store.sweepExpired()).toBe(engine.name === 'redis' ? 0 : 21);
      // Redis drops expired keys itself; the others only through the sweep.
      await waitFor(async () => (await engine.countStored(url, prefix)) === 5, 'only live rows');
      expect(await store.getMany(['kept:0', 'kept:4'])).toEqual([{ i: 0 }, { i: 4 }]);
    });

    it('adds a value only where none is: one of many racing writers wins', async () => {
      const { store } = await fresh();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => store.add('once', { writer: i })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await store.get('once')).toEqual({ writer: winner });
      await store.set('expiring', 'old', 100);
      await waitFor(async () => (await store.get('expiring')) === undefined, 'expiry');
      expect(await store.add('expiring', 'new')).toBe(true);
      expect(await store.get('expiring')).toBe('new');
    });

    it('compare-and-set loses no update among racing writers', async () => {
      const { store } = await fresh();
      const increment = async () => {
        for (;;) {
          const current = await store.getVersioned('counter');
          const next = ((current?.value as number | undefined) ?? 0) + 1;
          if (await store.compareAndSet('counter', current?.version, next)) return;
        }
      };
      await Promise.all(Array.from({ length: 30 }, increment));
      expect(await store.get('counter')).toBe(30);
      const read = await store.getVersioned('counter');
      await store.set('counter', 99);
      expect(await store.compareAndSet('counter', read?.version, 31)).toBe(false);
      expect(await store.get('counter')).toBe(99);
    });

    it('leases a claim to one owner, renews it, and hands it on when released or run out', async () => {
      const { store } = await fresh();
      const claims = await Promise.all(
        ['a', 'b', 'c', 'd'].map((owner) => store.claim('work', owner, 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const holder = ['a', 'b', 'c', 'd'][claims.indexOf(true)]!;
      const other = holder === 'a' ? 'b' : 'a';
      expect(await store.claim('work', holder, 60_000)).toBe(true);
      expect(await store.claim('work', other, 60_000)).toBe(false);
      await store.release('work', other);
      expect(await store.claim('work', other, 60_000)).toBe(false);
      await store.release('work', holder);
      expect(await store.claim('work', other, 150)).toBe(true);
      // The holder is killed and never renews: once the lease runs out another takes over.
      expect(await store.claim('work', holder, 60_000)).toBe(false);
      await waitFor(() => store.claim('work', holder, 60_000), 'the lease to run out');
    });

    it('sees what another connection wrote (the fleet shares one store)', async () => {
      const { store, prefix, url } = await fresh();
      if (engine.name === 'sqlite') return; // one process per file, by design
      const second = await openStore(url, { keyPrefix: prefix, sweepEveryMs: 0 });
      open.push(second);
      await store.set('shared', 'from the first');
      expect(await second.get('shared')).toBe('from the first');
      expect(await second.add('shared', 'from the second')).toBe(false);
    });

    it.skipIf(engine.name === 'sqlite')(
      'fails loudly when the server goes away, never reading as "nothing stored"',
      async () => {
        const server = new URL(engine.url());
        const relay = await startTcpRelay(Number(server.port));
        try {
          server.port = String(relay.port);
          const { store } = await fresh(server.toString());
          await store.set('seen', { fingerprint: 'abc' });
          expect(await store.get('seen')).toEqual({ fingerprint: 'abc' });
          relay.cut();
          await expect(store.get('seen')).rejects.toThrow();
          await expect(store.getMany(['seen'])).rejects.toThrow();
          await expect(store.set('seen', 1)).rejects.toThrow();
          await expect(store.add('other', 1)).rejects.toThrow();
          await expect(store.claim('lease', 'me', 1_000)).rejects.toThrow();
        } finally {
          await relay.close();
        }
      },
    );
  });
}
