import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandContext } from '../src/app/context.ts';
import { describe } from '../src/discord/command-text.ts';
import {
  channelMentions,
  channelsCarrying,
  subscriptionOf,
  topicLabel,
} from '../src/discord/member-topics.ts';
import { respondLines, speakerFor } from '../src/discord/replies.ts';
import { safeText } from '../src/discord/safe-text.ts';

export const data = describe(new SlashCommandBuilder().setName('topics'), 'cmd.topics').setContexts(
  InteractionContextType.Guild,
);

export async function execute(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: CommandContext,
): Promise<void> {
  const speaker = speakerFor(interaction);
  const { locale, say } = speaker;
  const settings = context.settings.get(interaction.guildId);

  const lines = [say('topics.header')];
  for (const topic of context.topics.list(interaction.guildId)) {
    const channels = channelsCarrying(settings, topic.id);
    const subscription = subscriptionOf(settings, interaction.member, topic.id);
    const yours = [
      subscription.ping ? say('topics.you.ping') : '',
      subscription.dm ? say('topics.you.dm') : '',
    ].filter(Boolean);
    lines.push(
      '',
      `${topicLabel(topic, locale)} — ${safeText(topic.description[locale])}`,
      `-# ${channels.length > 0 ? say('topics.channels', { channels: channelMentions(channels) }) : say('topics.noChannels')} · ${yours.length > 0 ? yours.join(' + ') : say('topics.you.none')}`,
    );
  }
  lines.push('', say('topics.footer'));
  await respondLines(interaction, lines);
}
