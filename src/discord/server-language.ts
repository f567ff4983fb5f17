import { type Client, Events, type Guild } from 'discord.js';
import type { SettingsService } from '../app/context.ts';
import { type AlertLanguage, alertLanguage } from '../core/guild-settings.ts';
import { localeOf } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';

type SeenGuild = Pick<Guild, 'id' | 'preferredLocale'>;

/** The language this guild's alerts are written in, as every process of a fleet reads it. */
export function guildAlertLanguage(settings: SettingsService, guild: SeenGuild): AlertLanguage {
  return alertLanguage(settings.peek(guild.id), localeOf(guild.preferredLocale));
}

/**
 * Stores the server's preferred locale with its settings when it differs from what is
 * stored, so a process that does not hold the guild's gateway shard (and so has no cached
 * guild) writes its alerts in the same language. Guilds without settings are left alone:
 * they get no alerts, and a write for each of thousands of idle guilds at every start would
 * be wasted; the command that first gives a guild settings notes its language (interactions.ts).
 */
export async function noteServerLanguage(
  settings: SettingsService,
  guild: SeenGuild,
): Promise<void> {
  const language = localeOf(guild.preferredLocale);
  const stored = settings.peek(guild.id);
  // Nothing stored reads as English everywhere, so an English server needs no write at all:
  // a bot in thousands of them writes nothing at start-up.
  if (!stored || (stored.serverLanguage ?? 'en') === language) return;
  await settings.update(guild.id, (draft) => {
    draft.serverLanguage = language;
  });
}

/**
 * Notes the language of every guild this process's shards announce: at start-up and after an
 * outage (guild available), on joining one (guild create), and when an admin changes the
 * server's language in Discord (guild update).
 */
export function watchServerLanguages(
  client: Client,
  settings: SettingsService,
  logger: Logger,
): void {
  const note = (guild: Guild) => {
    noteServerLanguage(settings, guild).catch((error: unknown) =>
      logger.warn(
        { err: error, guildId: guild.id },
        "could not store the server's language with its settings",
      ),
    );
  };
  client.on(Events.GuildAvailable, note);
  client.on(Events.GuildCreate, note);
  client.on(Events.GuildUpdate, (_before, after) => note(after));
}
