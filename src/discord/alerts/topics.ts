import { z } from 'zod';
import type { CustomTopic } from '../../core/guild-settings.ts';
import type { Locale } from '../../i18n/index.ts';
import { GuildTopicError, MAX_GUILD_TOPICS, parseGuildTopic } from '../../topics/guild-topic.ts';
import { type CorpusBreadth, isTooBroad, tooShortKeywords } from '../../topics/keyword-guard.ts';
import { deferEphemeral, respond } from '../replies.ts';
import { safeText } from '../safe-text.ts';
import type { AdminHandler } from './handler.ts';

const NameInputSchema = z.string().trim().min(1).max(100);

function quoted(phrases: string[]): string {
  return phrases.map((phrase) => `“${safeText(phrase)}”`).join(', ');
}

/** "41 of 100 (41%)", naming the keywords that matched most. */
function breadthVars(breadth: CorpusBreadth, locale: Locale) {
  const percent = Math.round((100 * breadth.matched) / breadth.total);
  const keywords = breadth.byKeyword
    .slice(0, 5)
    .map(({ keyword, updates }) => `${quoted([keyword])} (${updates})`)
    .join(', ');
  return {
    matched: breadth.matched,
    total: breadth.total,
    percent: percent.toLocaleString(locale === 'uk' ? 'uk-UA' : 'en-GB'),
    keywords,
  };
}

export const addGuildTopic: AdminHandler = async (interaction, context, speaker) => {
  const { say } = speaker;
  const guildId = interaction.guildId;
  if (context.settings.get(guildId).customTopics.length >= MAX_GUILD_TOPICS) {
    return respond(interaction, say('guildTopics.tooMany', { max: MAX_GUILD_TOPICS }));
  }
  let topic: CustomTopic;
  try {
    topic = parseGuildTopic({
      name: interaction.options.getString('name', true),
      keywords: interaction.options.getString('keywords', true),
      exclude: interaction.options.getString('exclude') ?? undefined,
    });
  } catch (error) {
    if (!(error instanceof GuildTopicError)) throw error;
    return respond(interaction, say('guildTopics.invalid', { reason: error.message }));
  }
  const builtin = context.topics.list(guildId).find((t) => t.builtin && t.id === topic.slug);
  if (builtin) {
    return respond(interaction, say('guildTopics.clashesBuiltin', { slug: topic.slug }));
  }
  const short = tooShortKeywords(topic)[0];
  if (short) {
    const vars = { keyword: quoted([short.keyword]), reads: safeText(short.reads) };
    return respond(interaction, say('guildTopics.keywordTooShort', vars));
  }
  await deferEphemeral(interaction); // measuring against the corpus may take a moment
  const breadth = await context.topicBreadth.measure(topic);
  if (breadth && isTooBroad(breadth)) {
    return respond(interaction, say('guildTopics.tooBroad', breadthVars(breadth, speaker.locale)));
  }

  let outcome = 'added' as 'added' | 'exists' | 'full';
  await context.settings.update(guildId, (settings) => {
    if (settings.customTopics.some((t) => t.slug === topic.slug)) outcome = 'exists';
    else if (settings.customTopics.length >= MAX_GUILD_TOPICS) outcome = 'full';
    else settings.customTopics.push(topic);
  });
  if (outcome === 'exists') {
    return respond(interaction, say('guildTopics.exists', { slug: topic.slug }));
  }
  if (outcome === 'full') {
    return respond(interaction, say('guildTopics.tooMany', { max: MAX_GUILD_TOPICS }));
  }
  const lines = [
    say('guildTopics.added', { name: safeText(topic.name), slug: topic.slug }),
    say('guildTopics.keywords', { keywords: quoted(topic.include) }),
  ];
  if (topic.exclude.length > 0) {
    lines.push(say('guildTopics.excluded', { keywords: quoted(topic.exclude) }));
  }
  lines.push(say('guildTopics.next', { slug: topic.slug }));
  await respond(interaction, lines.join('\n'));
};

export const removeGuildTopic: AdminHandler = async (interaction, context, speaker) => {
  const { say } = speaker;
  const guildId = interaction.guildId;
  const input = NameInputSchema.safeParse(interaction.options.getString('name', true));
  const wanted = input.success ? input.data.toLowerCase() : '';
  const own = context.settings.get(guildId).customTopics;
  const topic =
    own.find((t) => t.slug === wanted) ?? own.find((t) => t.name.toLowerCase() === wanted);
  if (!topic) {
    const list = own.map((t) => `\`${t.slug}\``).join(', ') || say('guildTopics.none');
    return respond(interaction, say('guildTopics.notFound', { list }));
  }

  const droppedChannels: string[] = [];
  let roleId: string | undefined;
  await context.settings.update(guildId, (settings) => {
    settings.customTopics = settings.customTopics.filter((t) => t.slug !== topic.slug);
    settings.channels = settings.channels.filter((channel) => {
      if (channel.topics === 'all' || !channel.topics.includes(topic.slug)) return true;
      channel.topics = channel.topics.filter((id) => id !== topic.slug);
      if (channel.topics.length > 0) return true;
      droppedChannels.push(channel.channelId);
      return false;
    });
    roleId = settings.roles[topic.slug];
    delete settings.roles[topic.slug];
    delete settings.dmSubscribers[topic.slug];
  });

  const lines = [say('guildTopics.removed', { name: safeText(topic.name), slug: topic.slug })];
  if (droppedChannels.length > 0) {
    const channels = droppedChannels.map((id) => `<#${id}>`).join(', ');
    lines.push(say('guildTopics.channelsDropped', { channels }));
  }
  if (roleId) lines.push(say('guildTopics.roleKept', { role: `<@&${roleId}>` }));
  await respond(interaction, lines.join('\n'));
};
