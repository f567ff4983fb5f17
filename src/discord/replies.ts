import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { type Locale, localeOf, type MessageKey, t } from '../i18n/index.ts';

const MAX_CONTENT = 2000;

/** What a command says to the member who ran it, in their own language. */
export interface Speaker {
  locale: Locale;
  say(key: MessageKey, vars?: Record<string, string | number>): string;
}

export function speakerFor(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction | MessageComponentInteraction,
): Speaker {
  const locale = localeOf(interaction.locale);
  return { locale, say: (key, vars) => t(locale, key, vars) };
}

/** Acknowledges now and answers later, for work that may pass Discord's 3-second limit. */
export async function deferEphemeral(interaction: RepliableInteraction): Promise<void> {
  if (!interaction.deferred && !interaction.replied) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  }
}

/**
 * Answers only the caller, whatever state the interaction is in, and never pings anyone:
 * the text may quote topic names, URLs or errors that came from outside.
 */
export async function respond(interaction: RepliableInteraction, content: string): Promise<void> {
  const body = { content: content.slice(0, MAX_CONTENT), allowedMentions: { parse: [] } };
  if (interaction.deferred) {
    await interaction.editReply(body);
  } else if (interaction.replied) {
    await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  }
}

/** Like `respond`, splitting a long list over several ephemeral messages at line breaks. */
export async function respondLines(
  interaction: RepliableInteraction,
  lines: string[],
): Promise<void> {
  const [first, ...rest] = chunkLines(lines, MAX_CONTENT);
  await respond(interaction, first ?? '');
  for (const chunk of rest) {
    await interaction.followUp({
      content: chunk,
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  }
}

export function chunkLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
    const next = current ? `${current}\n${line}` : line;
    if (next.length > max) {
      chunks.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}
