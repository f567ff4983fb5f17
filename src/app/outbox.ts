import { z } from 'zod';
import { type Delivery, DeliverySchema } from '../core/delivery.ts';
import type { Records } from '../store/records.ts';

const PENDING_INDEX = 'outbox:pending';
const deliveryKey = (id: string) => `delivery:${id}`;
const guildRecentKey = (guildId: string) => `outbox:recent:${guildId}`;
const RECENT_PER_GUILD = 20;

/**
 * Deliveries are written down (pending) before anything is sent, and marked when Discord
 * accepts them. The pending index is what a restart resumes from.
 */
export class Outbox {
  private pendingIds: Set<string> | undefined;
  private indexLock: Promise<void> = Promise.resolve();

  /** `keepMs`: how long a delivery record is kept (the store expires it; no scans). */
  constructor(
    private readonly records: Records,
    private readonly keepMs: number,
  ) {}

  get(id: string): Promise<Delivery | undefined> {
    return this.records.read(deliveryKey(id), DeliverySchema);
  }

  getMany(ids: string[]): Promise<(Delivery | undefined)[]> {
    return this.records.readMany(ids.map(deliveryKey), DeliverySchema);
  }

  /**
   * Writes new deliveries (an id already written is left as it is) and indexes them. One
   * already written and still pending but missing from the index is indexed again: a crash
   * between the record writes and the index write must not leave an alert nobody sends.
   * Returns the deliveries that joined the queue.
   */
  async enqueue(deliveries: Delivery[]): Promise<Delivery[]> {
    if (deliveries.length === 0) return [];
    const present = await this.getMany(deliveries.map((d) => d.id));
    const fresh = deliveries.filter((_, index) => !present[index]);
    for (const delivery of fresh)
      await this.records.write(deliveryKey(delivery.id), delivery, this.keepMs);
    const indexed = await this.index();
    const orphans = present.filter(
      (d): d is Delivery => d?.state === 'pending' && !indexed.has(d.id),
    );
    const queued = [...fresh, ...orphans];
    if (queued.length === 0) return [];
    await this.changeIndex((ids) => {
      for (const delivery of queued) ids.add(delivery.id);
    });
    return queued;
  }

  async pending(): Promise<Delivery[]> {
    const ids = [...(await this.index())];
    const found = await this.records.readMany(ids.map(deliveryKey), DeliverySchema);
    // A record that left `pending` while its id stayed indexed (a crash inside `save`), or
    // that expired: forget the id, or it is read on every drain for ever.
    const stale = ids.filter((_, index) => found[index]?.state !== 'pending');
    if (stale.length > 0) {
      await this.changeIndex((current) => {
        for (const id of stale) current.delete(id);
      });
    }
    return found.filter((d): d is Delivery => d?.state === 'pending');
  }

  /** Saves a delivery's new state; leaving `pending` takes it out of the index. */
  async save(delivery: Delivery): Promise<void> {
    await this.records.write(deliveryKey(delivery.id), delivery, this.keepMs);
    if (delivery.state === 'pending') return;
    await this.changeIndex((ids) => {
      ids.delete(delivery.id);
    });
    if (delivery.state === 'sent' && delivery.action === 'post') {
      const key = guildRecentKey(delivery.guildId);
      const recent = (await this.records.read(key, z.array(z.string()))) ?? [];
      await this.records.write(
        key,
        [delivery.id, ...recent.filter((id) => id !== delivery.id)].slice(0, RECENT_PER_GUILD),
      );
    }
  }

  async recentForGuild(guildId: string, limit: number): Promise<Delivery[]> {
    const ids = (await this.records.read(guildRecentKey(guildId), z.array(z.string()))) ?? [];
    const found = await this.records.readMany(ids.slice(0, limit).map(deliveryKey), DeliverySchema);
    return found.filter((d): d is Delivery => d !== undefined);
  }

  private async index(): Promise<Set<string>> {
    if (!this.pendingIds) {
      this.pendingIds = new Set(
        (await this.records.read(PENDING_INDEX, z.array(z.string()))) ?? [],
      );
    }
    return this.pendingIds;
  }

  private changeIndex(change: (ids: Set<string>) => void): Promise<void> {
    const run = this.indexLock.then(async () => {
      const ids = await this.index();
      change(ids);
      await this.records.write(PENDING_INDEX, [...ids]);
    });
    this.indexLock = run.catch(() => undefined);
    return run;
  }
}
