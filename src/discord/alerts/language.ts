import { z } from 'zod';
import { type AlertLanguage, AlertLanguageSchema } from '../../core/guild-settings.ts';
import { localeOf } from '../../i18n/index.ts';
import { renameTopicRoles } from '../mention-roles.ts';
import { respond } from '../replies.ts';
import { guildAlertLanguage } from '../server-language.ts';
import type { AdminHandler } from './handler.ts';

/** What an admin may pick: a language, or the server's own (what every server starts with). */
const PickSchema = z.union([z.literal('server'), AlertLanguageSchema]);

const nameKey = (language: AlertLanguage) => `language.name.${language}` as const;

/**
 * `/alerts language`: the language every alert of this server is written in. Without a
 * choice it says which one is used and why; with one it stores it for the whole fleet.
 */
export const chooseLanguage: AdminHandler = async (interaction, context, speaker) => {
  const { say } = speaker;
  const guild = interaction.guild;
  const option = interaction.options.getString('language');
  if (option === null) {
    const chosen = context.settings.peek(guild.id)?.language !== undefined;
    const language = say(nameKey(guildAlertLanguage(context.settings, guild)));
    return respond(interaction, say(chosen ? 'language.chosen' : 'language.server', { language }));
  }
  const pick = PickSchema.safeParse(option);
  if (!pick.success) return respond(interaction, say('language.bad'));
  const before = guildAlertLanguage(context.settings, guild);
  await context.settings.update(guild.id, (settings) => {
    if (pick.data === 'server') delete settings.language;
    else settings.language = pick.data;
    settings.serverLanguage = localeOf(guild.preferredLocale);
  });
  const after = guildAlertLanguage(context.settings, guild);
  const roles =
    before === after
      ? { renamed: 0, failed: 0 }
      : await renameTopicRoles(guild, context, before, after);
  const key = pick.data === 'server' ? 'language.setServer' : 'language.setChosen';
  const lines = [say(key, { language: say(nameKey(after)) })];
  if (roles.renamed > 0) lines.push(say('language.rolesRenamed', { count: roles.renamed }));
  if (roles.failed > 0) lines.push(say('language.rolesNotRenamed', { count: roles.failed }));
  await respond(interaction, lines.join('\n'));
};
