import { z } from 'zod';
import { type AlertLanguage, AlertLanguageSchema } from '../../core/guild-settings.ts';
import { localeOf } from '../../i18n/index.ts';
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
  await context.settings.update(guild.id, (settings) => {
    if (pick.data === 'server') delete settings.language;
    else settings.language = pick.data;
    settings.serverLanguage = localeOf(guild.preferredLocale);
  });
  const language = say(nameKey(guildAlertLanguage(context.settings, guild)));
  const key = pick.data === 'server' ? 'language.setServer' : 'language.setChosen';
  await respond(interaction, say(key, { language }));
};
