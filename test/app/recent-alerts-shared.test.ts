import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../src/app/outbox.ts';
import type { Delivery } from '../../src/core/delivery.ts';
import { silentLogger } from '../../src/logger.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { type OpenedStore, openStore } from '../../src/store/open-store.ts';
import { Records } from '../../src/store/records.ts';
import { channelDelivery } from '../support/channel-delivery.ts';
import { POSTGRES_URL, REDIS_URL, serverFor, uniquePrefix } from '../support/servers.ts';

/**
 * The guild's "recent alerts" list (shown by /alerts status) is one stored value that every
 * sending process appends to. Alerts marked sent at the same moment, by several processes
 * (connections) of a fleet, must all be listed: on each real engine.
 */
const GUILD = '100000000000000007';
const SHOWN = 20;

const stores = [
  {
    name: 'sqlite',
    available: true,
    // One process per SQLite file: its "processes" are concurrent writers on one connection.
    connections: 1,
    url: () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'lba-recent-')), 'store.sqlite')}`,
  },
  {
    name: 'postgres',
    available: await serverFor('PostgreSQL', POSTGRES_URL),
    connections: 3,
    url: () => POSTGRES_URL,
  },
  {
    name: 'redis',
    available: await serverFor('Redis', REDIS_URL),
    connections: 3,
    url: () => REDIS_URL,
  },
];

const sent = (channel: number): Delivery => ({
  ...channelDelivery(GUILD, 'recent-alerts-update', channel),
  state: 'sent',
  messageId: String(500000000000000000n + BigInt(channel)),
});

for (const engine of stores) {
  describe.skipIf(!engine.available)(`recent alerts on the ${engine.name} store`, () => {
    const open: OpenedStore[] = [];
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close().catch(() => undefined);
    });

    it('lists every alert marked sent at once by several processes', async () => {
      const url = engine.url();
      const keyPrefix = uniquePrefix(`recent-${engine.name}`);
      for (let i = 0; i < engine.connections; i += 1) {
        open.push(await openStore(url, { keyPrefix, sweepEveryMs: 0 }));
      }
      const outboxes = open.map((store) => new Outbox(new Records(store, silentLogger()), 60_000));
      const deliveries = Array.from({ length: 12 }, (_, i) => sent(i));

      await Promise.all(deliveries.map((d, i) => outboxes[i % outboxes.length]!.save(d)));

      for (const outbox of outboxes) {
        const listed = await outbox.recentForGuild(GUILD, SHOWN);
        expect(listed.map((d) => d.id).sort()).toEqual(deliveries.map((d) => d.id).sort());
      }
    });
  });
}

it('a list write that keeps losing gives up, and never holds up the alert marked sent', async () => {
  class AlwaysOvertaken extends MemoryStore {
    races = 0;
    override async compareAndSet(): Promise<boolean> {
      this.races += 1;
      return false;
    }
  }
  const store = new AlwaysOvertaken();
  const warnings: unknown[] = [];
  const logger = pino(
    { level: 'warn' },
    { write: (line: string) => warnings.push(JSON.parse(line)) },
  );
  const outbox = new Outbox(new Records(store, logger), 60_000);
  const delivery = sent(1);

  await outbox.save(delivery);

  expect(await outbox.get(delivery.id)).toMatchObject({ state: 'sent' });
  expect(store.races).toBeGreaterThan(1);
  expect(store.races).toBeLessThan(100);
  expect(warnings).toEqual([
    expect.objectContaining({ msg: 'gave up a write that kept losing to other writers' }),
  ]);
});
