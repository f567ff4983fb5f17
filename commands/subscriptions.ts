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

export const data = describe(
  new SlashCommandBuilder().setName('subscriptions'),
  'cmd.subscriptions',
).setContexts(InteractionContextType.Guild);

export async function execute(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: CommandContext,
): Promise<void> {
  const speaker = speakerFor(interaction);
  const { locale, say } = speaker;
  const settings = context.settings.get(interaction.guildId);

  const lines: string[] = [];
  for (const topic of context.topics.list(interaction.guildId)) {
    const subscription = subscriptionOf(settings, interaction.member, topic.id);
    if (!subscription.ping && !subscription.dm) continue;
    const ways: string[] = [];
    if (subscription.ping) {
      const channels = channelsCarrying(settings, topic.id);
      ways.push(
        channels.length > 0
          ? say('subscriptions.ping', { channels: channelMentions(channels) })
          : say('subscriptions.pingNoChannel'),
      );
    }
    if (subscription.dm) ways.push(say('subscriptions.dm'));
    lines.push(`${topicLabel(topic, locale)} — ${ways.join(' + ')}`);
  }
  if (lines.length === 0) return respondLines(interaction, [say('subscriptions.none')]);
  await respondLines(interaction, [say('subscriptions.header'), ...lines]);
}
