import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../src/app/outbox.ts';
import { StoreLeases } from '../../src/app/place-leases.ts';
import { SettingsRepository } from '../../src/app/settings-repository.ts';
import { silentLogger } from '../../src/logger.ts';
import { type OpenedStore, openStore } from '../../src/store/open-store.ts';
import { Records } from '../../src/store/records.ts';
import { channelDelivery } from '../support/channel-delivery.ts';
import { POSTGRES_URL, serverFor, uniquePrefix } from '../support/servers.ts';

/**
 * Two processes of a fleet, as two connections to one real PostgreSQL store: what one
 * writes, the other must neither overwrite nor miss.
 */
const available = await serverFor('PostgreSQL', POSTGRES_URL);
const GUILD = '100000000000000001';

const delivery = (update: string, channel: number) => channelDelivery(GUILD, update, channel);

describe.skipIf(!available)('processes sharing one store', () => {
  const open: OpenedStore[] = [];
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });
  async function twoProcesses(): Promise<[Records, Records, OpenedStore, OpenedStore]> {
    const keyPrefix = uniquePrefix('shared');
    const a = await openStore(POSTGRES_URL, { keyPrefix, sweepEveryMs: 0 });
    const b = await openStore(POSTGRES_URL, { keyPrefix, sweepEveryMs: 0 });
    open.push(a, b);
    return [new Records(a, silentLogger()), new Records(b, silentLogger()), a, b];
  }

  it('keeps every alert two outboxes queue at once, and sends each from either', async () => {
    const [a, b] = await twoProcesses();
    const first = new Outbox(a, 60_000);
    const second = new Outbox(b, 60_000);
    const fromA = Array.from({ length: 20 }, (_, i) => delivery('update-a', i));
    const fromB = Array.from({ length: 20 }, (_, i) => delivery('update-b', i));
    await Promise.all([
      ...fromA.map((d) => first.enqueue([d])),
      ...fromB.map((d) => second.enqueue([d])),
    ]);
    const ids = (list: { id: string }[]) => list.map((d) => d.id).sort();
    expect(ids(await first.pending())).toEqual(ids([...fromA, ...fromB]));
    expect(ids(await second.pending())).toEqual(ids([...fromA, ...fromB]));
    // Queued again by the other process (a poll redone): nothing doubles.
    expect(await second.enqueue(fromA)).toEqual([]);
    for (const d of fromA) await second.save({ ...d, state: 'sent', messageId: '1' });
    expect(ids(await first.pending())).toEqual(ids(fromB));
  });

  it('takes in an outbox written by an earlier release', async () => {
    const [a] = await twoProcesses();
    const legacy = [delivery('old', 1), delivery('old', 2)];
    for (const d of legacy) await a.write(`delivery:${d.id}`, d);
    await a.write(
      'outbox:pending',
      legacy.map((d) => d.id),
    );
    const pending = await new Outbox(a, 60_000).pending();
    expect(pending.map((d) => d.id).sort()).toEqual(legacy.map((d) => d.id).sort());
    expect(await a.read('outbox:pending', (await import('zod')).z.unknown())).toBeUndefined();
  });

  it('lands settings changed by two processes at once, and each sees the other’s', async () => {
    const [a, b] = await twoProcesses();
    const first = new SettingsRepository(a);
    const second = new SettingsRepository(b);
    await first.load();
    await second.load();
    const channel = (i: number) => ({
      channelId: String(300000000000000000n + BigInt(i)),
      topics: ['air-raid'],
    });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? first : second).update(GUILD, (s) => {
          s.channels.push(channel(i) as (typeof s.channels)[number]);
        }),
      ),
    );
    await first.refresh();
    await second.refresh();
    for (const repo of [first, second]) {
      expect(
        repo
          .get(GUILD)
          .channels.map((c) => c.channelId)
          .sort(),
      ).toEqual(Array.from({ length: 10 }, (_, i) => channel(i).channelId).sort());
    }
    const third = new SettingsRepository(a);
    await third.load();
    expect(third.get(GUILD).channels).toHaveLength(10);
  });

  it('lets one process at a time send to a place, and another take over when it stops', async () => {
    const [, , a, b] = await twoProcesses();
    const first = new StoreLeases(a, 'process-a', 200);
    const second = new StoreLeases(b, 'process-b', 60_000);
    expect(await first.take('channel:1')).toBe(true);
    expect(await second.take('channel:1')).toBe(false);
    expect(await second.take('channel:2')).toBe(true);
    // process-a is killed: it never gives the place back, and its lease runs out.
    for (let i = 0; i < 200 && !(await second.take('channel:1')); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await second.take('channel:1')).toBe(true);
    expect(await first.take('channel:1')).toBe(false);
  });
});
