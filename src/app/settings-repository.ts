import { z } from 'zod';
import {
  emptyGuildSettings,
  type GuildSettings,
  GuildSettingsSchema,
} from '../core/guild-settings.ts';
import type { Records } from '../store/records.ts';
import type { SettingsService } from './context.ts';

const GUILD_INDEX = 'guilds';
const guildKey = (guildId: string) => `guild:${guildId}`;
/** Which guilds changed lately, in order: how other processes of a fleet learn of a change. */
const CHANGE_JOURNAL = 'guilds:changes';
const JOURNAL_LENGTH = 256;
const JournalSchema = z.object({
  seq: z.number().int(),
  recent: z.array(z.object({ seq: z.number().int(), guildId: z.string() })),
});

/**
 * Guild settings, all held in memory (routing reads them on every alert) and written
 * through to the store. Changes to one guild are applied one after another, each as a
 * compare-and-set on the stored record, so two processes changing one guild both land.
 * Every change is noted in a short journal; `refresh` reads it and reloads just the
 * guilds another process changed.
 */
export class SettingsRepository implements SettingsService {
  private readonly cache = new Map<string, GuildSettings>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners: (() => void)[] = [];
  /** The journal position this cache reflects. */
  private seenSeq = 0;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly records: Records) {}

  async load(): Promise<void> {
    this.seenSeq = (await this.records.read(CHANGE_JOURNAL, JournalSchema))?.seq ?? 0;
    const ids = (await this.records.read(GUILD_INDEX, z.array(z.string()))) ?? [];
    await this.reload(ids);
  }

  /** Takes in what other processes changed since the last look (one read when nothing did). */
  refresh(): Promise<void> {
    this.refreshing ??= this.readJournal().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  get(guildId: string): GuildSettings {
    return structuredClone(this.cache.get(guildId) ?? emptyGuildSettings(guildId));
  }

  /** The stored settings themselves, not a copy (read them, never change them); undefined when the guild has none. */
  peek(guildId: string): Readonly<GuildSettings> | undefined {
    return this.cache.get(guildId);
  }

  all(): Iterable<GuildSettings> {
    return this.cache.values();
  }

  /** Called after any change, so derived indexes (who follows what) can be rebuilt. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  update(guildId: string, change: (settings: GuildSettings) => void): Promise<GuildSettings> {
    const previous = this.queues.get(guildId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.apply(guildId, change));
    this.queues.set(guildId, next);
    return next;
  }

  private async apply(guildId: string, change: (settings: GuildSettings) => void) {
    const isNew = !this.cache.has(guildId);
    const settings = (await this.records.update(
      guildKey(guildId),
      GuildSettingsSchema,
      (stored) => {
        const draft = stored ?? this.get(guildId);
        change(draft);
        return GuildSettingsSchema.parse({ ...draft, guildId });
      },
    )) as GuildSettings;
    this.cache.set(guildId, settings);
    if (isNew) {
      await this.records.update(GUILD_INDEX, z.array(z.string()), (ids = []) =>
        ids.includes(guildId) ? undefined : [...ids, guildId],
      );
    }
    await this.records.update(CHANGE_JOURNAL, JournalSchema, (journal) => {
      const seq = (journal?.seq ?? 0) + 1;
      return { seq, recent: [...(journal?.recent ?? []), { seq, guildId }].slice(-JOURNAL_LENGTH) };
    });
    this.notify();
    return structuredClone(settings);
  }

  private async readJournal(): Promise<void> {
    const journal = await this.records.read(CHANGE_JOURNAL, JournalSchema);
    if (!journal || journal.seq === this.seenSeq) return;
    const oldest = journal.recent[0]?.seq ?? journal.seq;
    const missedSome = this.seenSeq < oldest - 1 || journal.seq < this.seenSeq;
    const changed = missedSome
      ? ((await this.records.read(GUILD_INDEX, z.array(z.string()))) ?? [])
      : [...new Set(journal.recent.filter((e) => e.seq > this.seenSeq).map((e) => e.guildId))];
    this.seenSeq = journal.seq;
    await this.reload(changed);
    this.notify();
  }

  private async reload(ids: string[]): Promise<void> {
    const batch = 500;
    for (let start = 0; start < ids.length; start += batch) {
      const slice = ids.slice(start, start + batch);
      const settings = await this.records.readMany(slice.map(guildKey), GuildSettingsSchema);
      for (const value of settings) if (value) this.cache.set(value.guildId, value);
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
