import { z } from 'zod';
import { UpdateSchema } from '../core/update.ts';
import type { Records } from '../store/records.ts';

const MatchesSchema = z.array(z.object({ topicId: z.string(), phrases: z.array(z.string()) }));

export const StoredUpdateSchema = z.object({
  update: UpdateSchema,
  /** Built-in topic ids, and guild topics as `guildId/slug`. */
  matches: MatchesSchema,
  /**
   * After an edit: what the version it replaced matched. A poll redone after a crash finds
   * the new version stored already and still needs these to route the edit.
   */
  replacedMatches: MatchesSchema.optional(),
  /** When the bot first saw it: the start of the see-to-post delay. */
  seenAt: z.string(),
});
export type StoredUpdate = z.infer<typeof StoredUpdateSchema>;

const RECENT_PER_SOURCE = 50;
const updateRecordKey = (key: string) => `update:${key}`;
const recentKey = (sourceId: string) => `recent:${sourceId}`;

/** Stored copies of updates (for edits, `/latest` and rendering) and each source's newest. */
export class UpdateArchive {
  constructor(private readonly records: Records) {}

  get(key: string): Promise<StoredUpdate | undefined> {
    return this.records.read(updateRecordKey(key), StoredUpdateSchema);
  }

  getMany(keys: string[]): Promise<(StoredUpdate | undefined)[]> {
    return this.records.readMany(keys.map(updateRecordKey), StoredUpdateSchema);
  }

  save(key: string, stored: StoredUpdate): Promise<void> {
    return this.records.write(updateRecordKey(key), stored);
  }

  remove(key: string): Promise<void> {
    return this.records.remove(updateRecordKey(key));
  }

  async recent(sourceId: string): Promise<string[]> {
    return (await this.records.read(recentKey(sourceId), z.array(z.string()))) ?? [];
  }

  /** `keys` newest first; the list keeps the newest RECENT_PER_SOURCE. */
  async setRecent(sourceId: string, keys: string[]): Promise<void> {
    const current = await this.recent(sourceId);
    const next = keys.slice(0, RECENT_PER_SOURCE);
    if (next.length === current.length && next.every((k, i) => k === current[i])) return;
    await this.records.write(recentKey(sourceId), next);
  }
}
