import { SettingsRepository } from '../app/settings-repository.ts';
import type { GuildSettings } from '../core/guild-settings.ts';
import type { LocalGuildSpec } from '../local-discord/server.ts';
import { silentLogger } from '../logger.ts';
import { MemoryStore } from '../store/memory-store.ts';
import { openStore } from '../store/open-store.ts';
import { Records } from '../store/records.ts';
import { generateGuildTopics } from './guild-topics.ts';
import { channelIdFor, guildIdFor, roleIdFor, userIdFor } from './snowflakes.ts';

/** Many guilds configured the way admins and members leave them, for memory and start-up. */
export interface FleetSpec {
  guilds: number;
  channelsPerGuild: number;
  /** Member DM subscriptions in all, spread evenly over the guilds. */
  dmSubscriptions: number;
  /** Keyword topics in all, spread over the guilds. */
  keywordTopics: number;
  /** Live blogs the guilds follow (guild i follows sources[i % length]). */
  sources: string[];
}

const CHANNEL_TOPICS: GuildSettings['channels'][number]['topics'][] = [
  'all',
  ['air-raid'],
  ['aid', 'frontline'],
];
const DM_TOPICS = ['air-raid', 'aid', 'frontline', 'casualties', 'diplomacy'];

export function fleetGuildSettings(spec: FleetSpec): GuildSettings[] {
  const perGuildDms = Math.floor(spec.dmSubscriptions / spec.guilds);
  const topics = generateGuildTopics(spec.keywordTopics, spec.guilds);
  return Array.from({ length: spec.guilds }, (_, g) => {
    const channels = Array.from({ length: spec.channelsPerGuild }, (_, c) => ({
      channelId: channelIdFor(g * spec.channelsPerGuild + c),
      topics: CHANNEL_TOPICS[c % CHANNEL_TOPICS.length] ?? 'all',
      announcement: false,
    }));
    const dmSubscribers: Record<string, string[]> = {};
    for (let m = 0; m < perGuildDms; m += 1) {
      const topic = DM_TOPICS[m % DM_TOPICS.length] ?? 'air-raid';
      dmSubscribers[topic] = [...(dmSubscribers[topic] ?? []), userIdFor(g * perGuildDms + m)];
    }
    return {
      guildId: guildIdFor(g),
      channels,
      sources: spec.sources.length > 0 ? [spec.sources[g % spec.sources.length] ?? ''] : [],
      roles: { 'air-raid': roleIdFor(g * 2), aid: roleIdFor(g * 2 + 1) },
      customTopics: topics[g] ?? [],
      dmSubscribers,
      noticeChannelId: channels[0]?.channelId,
    };
  });
}

/** The same guilds as the local Discord should announce them (ids line up with the settings). */
export function fleetGuildSpecs(spec: FleetSpec, count = spec.guilds): LocalGuildSpec[] {
  return Array.from({ length: count }, (_, g) => ({
    id: guildIdFor(g),
    name: `Guild ${g}`,
    channels: Array.from({ length: spec.channelsPerGuild }, (_, c) => ({
      id: channelIdFor(g * spec.channelsPerGuild + c),
      name: `alerts-${c}`,
    })),
  }));
}

/**
 * Writes every guild's settings through SettingsRepository (so the records are exactly what
 * the bot writes), buffering the writes and storing each key once at the end: the
 * repository rewrites its whole guild index for every new guild, which for 10,000 guilds
 * would be 10,000 index writes.
 */
export async function prefillFleet(storeUrl: string, spec: FleetSpec): Promise<void> {
  const store = await openStore(storeUrl);
  try {
    // The bench store is new: nothing to read through to.
    const buffered = new MemoryStore();
    const settings = new SettingsRepository(new Records(buffered, silentLogger()));
    await settings.load();
    // One guild after another: concurrent first writes would all race to compare-and-set
    // the one guild index and the change journal, each loser rereading the whole index.
    for (const guild of fleetGuildSettings(spec)) {
      await settings.update(guild.guildId, (draft) => Object.assign(draft, guild));
    }
    for (const [key, value] of buffered.liveEntries()) await store.set(key, value);
  } finally {
    await store.close();
  }
}
