import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Delivery, DeliverySchema } from '../core/delivery.ts';
import type { Records } from '../store/records.ts';

/** Batches that may still hold pending deliveries. */
const BATCH_INDEX = 'outbox:batches';
/** The single list of pending ids kept by earlier releases; read once, then retired. */
const LEGACY_INDEX = 'outbox:pending';
const deliveryKey = (id: string) => `delivery:${id}`;
const batchKey = (id: string) => `outbox:batch:${id}`;
const guildRecentKey = (guildId: string) => `outbox:recent:${guildId}`;
const RECENT_PER_GUILD = 20;
/** Each lost race is another writer landing: this many processes sending at once all land. */
const RECENT_WRITE_ATTEMPTS = 16;
const Ids = z.array(z.string());

function batchIdOf(ids: string[]): string {
  return createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * Deliveries are written down (pending) before anything is sent, and marked when Discord
 * accepts them. What a restart, or another process of a fleet, resumes from is the batch
 * index: each enqueue writes its ids once, as one batch, and adds the batch to the index
 * with compare-and-set, so processes sharing the store never overwrite each other's work.
 * Marking a delivery sent writes only its own record; a batch leaves the index (at the next
 * enqueue) once none of its deliveries is pending. The index changes once per alert, not
 * per message.
 */
export class Outbox {
  /** Indexed batches this process has seen finished (a finished batch stays finished). */
  private readonly finished = new Set<string>();

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
   * already written and still pending but in no indexed batch is indexed again: a crash
   * between the record writes and the index write must not leave an alert nobody sends.
   * Returns the deliveries that joined the queue.
   */
  async enqueue(deliveries: Delivery[]): Promise<Delivery[]> {
    if (deliveries.length === 0) return [];
    const present = await this.getMany(deliveries.map((d) => d.id));
    const fresh: Delivery[] = [];
    for (const [index, delivery] of deliveries.entries()) {
      if (present[index]) continue;
      if (await this.records.add(deliveryKey(delivery.id), delivery, this.keepMs)) {
        fresh.push(delivery);
      }
    }
    const indexed = await this.indexedIds();
    const orphans = present.filter(
      (d): d is Delivery => d?.state === 'pending' && !indexed.has(d.id),
    );
    const queued = [...fresh, ...orphans];
    if (queued.length === 0) return [];
    const ids = queued.map((d) => d.id);
    const batch = batchIdOf(ids);
    await this.records.add(batchKey(batch), ids, this.keepMs);
    // Batches found finished are dropped in the same write, so the index changes exactly
    // once per enqueue, and a drain never writes.
    await this.records.update(BATCH_INDEX, Ids, (current = []) => [
      ...current.filter((b) => b !== batch && !this.finished.has(b)),
      batch,
    ]);
    return queued;
  }

  async pending(): Promise<Delivery[]> {
    await this.adoptLegacyIndex();
    const index = (await this.records.read(BATCH_INDEX, Ids)) ?? [];
    for (const known of this.finished) if (!index.includes(known)) this.finished.delete(known);
    const batches = index.filter((b) => !this.finished.has(b));
    if (batches.length === 0) return [];
    const members = await this.records.readMany(batches.map(batchKey), Ids);
    const ids = [...new Set(members.flatMap((m) => m ?? []))];
    const found = await this.getMany(ids);
    const pending = new Map<string, Delivery>();
    for (const delivery of found) {
      if (delivery?.state === 'pending') pending.set(delivery.id, delivery);
    }
    // A batch none of whose deliveries is pending (all sent, failed or paused, or expired)
    // never becomes pending again: it is not read again, and leaves the index at the next enqueue.
    batches.forEach((batch, i) => {
      if (!(members[i] ?? []).some((id) => pending.has(id))) this.finished.add(batch);
    });
    return [...pending.values()];
  }

  /** Saves a delivery's new state. */
  async save(delivery: Delivery): Promise<void> {
    await this.records.write(deliveryKey(delivery.id), delivery, this.keepMs);
    if (delivery.state === 'sent' && delivery.action === 'post') {
      // Compare-and-set, so two processes sending to one guild at once both land in the list;
      // bounded, since the alert is sent already and only /alerts status would miss it.
      await this.records.updateWithin(
        RECENT_WRITE_ATTEMPTS,
        guildRecentKey(delivery.guildId),
        Ids,
        (recent = []) =>
          [delivery.id, ...recent.filter((id) => id !== delivery.id)].slice(0, RECENT_PER_GUILD),
      );
    }
  }

  async recentForGuild(guildId: string, limit: number): Promise<Delivery[]> {
    const ids = (await this.records.read(guildRecentKey(guildId), Ids)) ?? [];
    const found = await this.getMany(ids.slice(0, limit));
    return found.filter((d): d is Delivery => d !== undefined);
  }

  private async indexedIds(): Promise<Set<string>> {
    await this.adoptLegacyIndex();
    const batches = (await this.records.read(BATCH_INDEX, Ids)) ?? [];
    const members = await this.records.readMany(batches.map(batchKey), Ids);
    return new Set(members.flatMap((m) => m ?? []));
  }

  private legacyChecked = false;

  /** A store from an earlier release: its pending list becomes one batch. */
  private async adoptLegacyIndex(): Promise<void> {
    if (this.legacyChecked) return;
    const legacy = await this.records.read(LEGACY_INDEX, Ids);
    if (legacy && legacy.length > 0) {
      const batch = batchIdOf(legacy);
      await this.records.add(batchKey(batch), legacy, this.keepMs);
      await this.records.update(BATCH_INDEX, Ids, (current = []) =>
        current.includes(batch) ? undefined : [...current, batch],
      );
    }
    if (legacy) await this.records.remove(LEGACY_INDEX);
    this.legacyChecked = true;
  }
}
