import { z } from 'zod';

const snowflake = z.string().regex(/^\d{15,21}$/);

/** Why delivery to a channel stopped, shown in `/alerts status` until an admin fixes it. */
export const PauseSchema = z.object({
  reason: z.string(),
  code: z.number().optional(),
  since: z.string(),
});
export type Pause = z.infer<typeof PauseSchema>;

export const AlertChannelSchema = z.object({
  channelId: snowflake,
  /** Topic ids this channel carries, or every topic. */
  topics: z.union([z.literal('all'), z.array(z.string()).min(1)]),
  /** Announcement channels also publish (crosspost) each alert to following servers. */
  announcement: z.boolean().default(false),
  paused: PauseSchema.optional(),
});
export type AlertChannel = z.infer<typeof AlertChannelSchema>;

export const CustomTopicSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
  name: z.string().min(1).max(50),
  include: z.array(z.string()).min(1),
  exclude: z.array(z.string()).default([]),
});
export type CustomTopic = z.infer<typeof CustomTopicSchema>;

/** The languages alerts are written in (src/i18n has one dictionary for each). */
export const AlertLanguageSchema = z.enum(['en', 'uk']);
export type AlertLanguage = z.infer<typeof AlertLanguageSchema>;

/** Everything an admin configured for one guild. */
export const GuildSettingsSchema = z.object({
  guildId: snowflake,
  channels: z.array(AlertChannelSchema).default([]),
  /** Live blogs this guild follows on top of the operator's SOURCES. */
  sources: z.array(z.string()).default([]),
  /** Mention role per topic id. */
  roles: z.record(z.string(), snowflake).default({}),
  customTopics: z.array(CustomTopicSchema).default([]),
  /** Members who asked for alerts by direct message, per topic id. */
  dmSubscribers: z.record(z.string(), z.array(snowflake)).default({}),
  /** Where the admin last configured alerts: the bot tells the guild there when delivery pauses. */
  noticeChannelId: snowflake.optional(),
  /**
   * The language an admin chose for this guild's alerts; unset: the server's own. One this
   * release does not know (written by a newer one) reads as unset rather than costing the
   * guild its whole record.
   */
  language: AlertLanguageSchema.optional().catch(undefined),
  /**
   * The server's preferred locale, noted by the process holding its gateway shard, so that a
   * process without that shard (which has no cached guild) writes the alerts the same way.
   */
  serverLanguage: AlertLanguageSchema.optional().catch(undefined),
});
export type GuildSettings = z.infer<typeof GuildSettingsSchema>;

export function emptyGuildSettings(guildId: string): GuildSettings {
  return {
    guildId,
    channels: [],
    sources: [],
    roles: {},
    customTopics: [],
    dmSubscribers: {},
  };
}

/**
 * The language of a guild's alerts, the same on every process of a fleet: the admin's choice,
 * else the server's preferred locale as stored, else as this process's gateway cache has it
 * (a guild whose record predates the stored locale), else English.
 */
export function alertLanguage(
  settings: Pick<GuildSettings, 'language' | 'serverLanguage'> | undefined,
  cached: AlertLanguage | undefined,
): AlertLanguage {
  return settings?.language ?? settings?.serverLanguage ?? cached ?? 'en';
}

/** The id a guild's own topic has in the shared matcher, so guilds never see each other's. */
export function customTopicKey(guildId: string, slug: string): string {
  return `${guildId}/${slug}`;
}
