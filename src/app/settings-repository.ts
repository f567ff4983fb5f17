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

/**
 * Guild settings, all held in memory (routing reads them on every alert) and written
 * through to the store. Changes to one guild are applied one after another.
 */
export class SettingsRepository implements SettingsService {
  private readonly cache = new Map<string, GuildSettings>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private indexWrite: Promise<void> = Promise.resolve();
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly records: Records) {}

  async load(): Promise<void> {
    const ids = (await this.records.read(GUILD_INDEX, z.array(z.string()))) ?? [];
    const batch = 500;
    for (let start = 0; start < ids.length; start += batch) {
      const slice = ids.slice(start, start + batch);
      const settings = await this.records.readMany(slice.map(guildKey), GuildSettingsSchema);
      for (const value of settings) if (value) this.cache.set(value.guildId, value);
    }
  }

  get(guildId: string): GuildSettings {
    return structuredClone(this.cache.get(guildId) ?? emptyGuildSettings(guildId));
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
    const draft = this.get(guildId);
    change(draft);
    const settings = GuildSettingsSchema.parse({ ...draft, guildId });
    const isNew = !this.cache.has(guildId);
    await this.records.write(guildKey(guildId), settings);
    this.cache.set(guildId, settings);
    if (isNew) await this.writeIndex();
    for (const listener of this.listeners) listener();
    return structuredClone(settings);
  }

  private writeIndex(): Promise<void> {
    this.indexWrite = this.indexWrite.then(() =>
      this.records.write(GUILD_INDEX, [...this.cache.keys()]),
    );
    return this.indexWrite;
  }
}
