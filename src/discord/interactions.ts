import { randomBytes } from 'node:crypto';
import type { Interaction, RepliableInteraction } from 'discord.js';
import type { CommandContext } from '../app/context.ts';
import { localeOf, t } from '../i18n/index.ts';
import type { SlashCommandModule } from './command-registry.ts';
import { parseFeedbackId } from './feedback/ids.ts';
import { onFeedbackControl } from './feedback/wrong-topic.ts';
import { respond } from './replies.ts';
import { noteServerLanguage } from './server-language.ts';

/**
 * Routes one interaction to its command. Never throws: an unexpected error is logged with a
 * short id and the member gets an apology carrying that id, so a report can be matched to
 * the log line.
 */
export async function handleInteraction(
  interaction: Interaction,
  commands: Map<string, SlashCommandModule>,
  context: CommandContext,
): Promise<void> {
  if (interaction.isAutocomplete()) {
    const command = commands.get(interaction.commandName);
    try {
      if (command?.autocomplete) await command.autocomplete(interaction, context);
      else await interaction.respond([]);
    } catch (error) {
      context.logger.warn(
        { err: error, command: interaction.commandName, guildId: interaction.guildId },
        'autocomplete failed',
      );
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
    return;
  }

  if (interaction.isButton() || interaction.isStringSelectMenu()) {
    const control = parseFeedbackId(interaction.customId);
    if (!control) return;
    try {
      await onFeedbackControl(interaction, context, control);
    } catch (error) {
      await apologise(interaction, interaction.customId, error, context);
    }
    return;
  }

  if (!interaction.isChatInputCommand()) return;
  const command = commands.get(interaction.commandName);
  try {
    if (!command) {
      await respond(interaction, t(localeOf(interaction.locale), 'error.unknownCommand'));
      return;
    }
    // Every command works on one server's settings: checked once here, not in each command.
    if (!interaction.inCachedGuild()) {
      await respond(interaction, t(localeOf(interaction.locale), 'error.guildOnly'));
      return;
    }
    await command.execute(interaction, context);
    // The command may have given this guild its first settings: they get its language too.
    await noteServerLanguage(context.settings, interaction.guild).catch((error: unknown) =>
      context.logger.warn(
        { err: error, guildId: interaction.guildId },
        "could not store the server's language with its settings",
      ),
    );
  } catch (error) {
    await apologise(interaction, interaction.commandName, error, context);
  }
}

async function apologise(
  interaction: RepliableInteraction,
  /** The command name, or the custom id of the control used. */
  command: string,
  error: unknown,
  context: CommandContext,
): Promise<void> {
  const errorId = randomBytes(4).toString('hex');
  context.logger.error(
    {
      err: error,
      errorId,
      command,
      guildId: interaction.guildId,
      userId: interaction.user.id,
    },
    'command failed',
  );
  try {
    await respond(interaction, t(localeOf(interaction.locale), 'error.unexpected', { errorId }));
  } catch (replyError) {
    // The interaction may have expired; the log line above is all that is left.
    context.logger.warn({ err: replyError, errorId }, 'could not tell the member about an error');
  }
}
