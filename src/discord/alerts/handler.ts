import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../../app/context.ts';
import type { Speaker } from '../replies.ts';

/**
 * One `/alerts` subcommand. It runs only after the Manage Server check, and reads and writes
 * the settings of `interaction.guildId` alone.
 */
export type AdminHandler = (
  interaction: ChatInputCommandInteraction<'cached'>,
  context: CommandContext,
  speaker: Speaker,
) => Promise<void>;
