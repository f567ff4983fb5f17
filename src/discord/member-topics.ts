import type { AutocompleteInteraction, ChatInputCommandInteraction, GuildMember } from 'discord.js';
import type { CommandContext } from '../app/context.ts';
import type { GuildSettings } from '../core/guild-settings.ts';
import type { TopicInfo } from '../core/topic.ts';
import { type Locale, localeOf } from '../i18n/index.ts';
import { memberHasRole } from './mention-roles.ts';
import { respond, type Speaker } from './replies.ts';
import { safeText } from './safe-text.ts';
import { findTopic, TopicInputSchema, topicChoices } from './topic-options.ts';

/** "🚨 **Air raid** `air-raid`": guild topic names come from admins, so they are escaped. */
export function topicLabel(topic: TopicInfo, locale: Locale): string {
  return `${topic.emoji} **${safeText(topic.name[locale])}** \`${topic.id}\``;
}

/** Short form for lists: "🚨 Air raid". */
export function topicShortName(topic: TopicInfo, locale: Locale): string {
  return `${topic.emoji} ${safeText(topic.name[locale])}`;
}

export function channelsCarrying(settings: GuildSettings, topicId: string): string[] {
  return settings.channels
    .filter((channel) => channel.topics === 'all' || channel.topics.includes(topicId))
    .map((channel) => channel.channelId);
}

export function channelMentions(channelIds: string[]): string {
  return channelIds.map((id) => `<#${id}>`).join(', ');
}

export interface Subscription {
  ping: boolean;
  dm: boolean;
}

export function subscriptionOf(
  settings: GuildSettings,
  member: GuildMember,
  topicId: string,
): Subscription {
  return {
    ping: memberHasRole(member, settings.roles[topicId]),
    dm: settings.dmSubscribers[topicId]?.includes(member.id) ?? false,
  };
}

export function topicIdList(topics: TopicInfo[]): string {
  return topics.map((topic) => `\`${topic.id}\``).join(', ');
}

/**
 * The topic named by the `topic` option, or undefined after telling the member which ids
 * exist. Accepts the id or a topic's name, since members may type instead of picking.
 */
export async function topicFromOption(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: CommandContext,
  speaker: Speaker,
): Promise<TopicInfo | undefined> {
  const raw = interaction.options.getString('topic', true);
  const parsed = TopicInputSchema.safeParse(raw);
  const topics = context.topics.list(interaction.guildId);
  const topic = parsed.success ? findTopic(topics, parsed.data) : undefined;
  if (!topic) {
    await respond(
      interaction,
      speaker.say('topic.unknown', {
        input: safeText(raw.slice(0, 100)),
        valid: topicIdList(topics),
      }),
    );
  }
  return topic;
}

/** Autocomplete for any `topic` option: the guild's topics matching what was typed. */
export async function answerTopicAutocomplete(
  interaction: AutocompleteInteraction,
  context: CommandContext,
): Promise<void> {
  const guildId = interaction.guildId;
  if (!guildId) return interaction.respond([]);
  const typed = String(interaction.options.getFocused());
  await interaction.respond(
    topicChoices(context.topics.list(guildId), typed, localeOf(interaction.locale)),
  );
}
