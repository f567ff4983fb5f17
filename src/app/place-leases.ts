import type { KeyValueStore } from '../store/key-value.ts';

/**
 * Who sends to a place (a channel or a member's DMs) right now. A process takes a place
 * before sending its queue, keeps it by taking it again before every send, and gives it
 * back when done; order within a place holds because one process at a time sends there.
 */
export interface PlaceLeases {
  /** False: another process holds it; leave the place alone for now. */
  take(place: string): Promise<boolean>;
  give(place: string): Promise<void>;
  /**
   * True when other processes send from the same outbox: what was read as pending may
   * have been sent since, so each delivery is read again once its place is held.
   */
  readonly shared: boolean;
}

/** One process: every place is always this process's. */
export const soleSender: PlaceLeases = {
  take: async () => true,
  give: async () => undefined,
  shared: false,
};

/**
 * A fleet: places are claimed in the shared store with a lease. A process killed -9 stops
 * renewing; when its lease runs out, another process takes the place over.
 */
export class StoreLeases implements PlaceLeases {
  readonly shared = true;

  constructor(
    private readonly store: KeyValueStore,
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  take(place: string): Promise<boolean> {
    return this.store.claim(`lease:place:${place}`, this.owner, this.leaseMs);
  }

  give(place: string): Promise<void> {
    return this.store.release(`lease:place:${place}`, this.owner);
  }
}
