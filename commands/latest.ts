import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  SlashCommandBuilder,
} from 'discord.js';
import { z } from 'zod';
import type { CommandContext, LatestItem } from '../src/app/context.ts';
import { sourceName } from '../src/core/alert.ts';
import { describe } from '../src/discord/command-text.ts';
import {
  answerTopicAutocomplete,
  topicFromOption,
  topicShortName,
} from '../src/discord/member-topics.ts';
import { deferEphemeral, respondLines, type Speaker, speakerFor } from '../src/discord/replies.ts';
import { oneLine, safeClip, safeText } from '../src/discord/safe-text.ts';
import { discordTime, markdownLink } from '../src/discord/time-and-links.ts';

const DEFAULT_COUNT = 5;
const CountSchema = z.number().int().min(1).max(10).default(DEFAULT_COUNT);

export const data = describe(new SlashCommandBuilder().setName('latest'), 'cmd.latest')
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    describe(option.setName('topic'), 'opt.topic.latest').setAutocomplete(true),
  )
  .addIntegerOption((option) =>
    describe(option.setName('count'), 'opt.count').setMinValue(1).setMaxValue(10),
  );

export async function execute(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: CommandContext,
): Promise<void> {
  const speaker = speakerFor(interaction);
  const count = CountSchema.safeParse(interaction.options.getInteger('count') ?? undefined);
  if (!count.success) return respondLines(interaction, [speaker.say('latest.badCount')]);
  const topic =
    interaction.options.getString('topic') === null
      ? undefined
      : await topicFromOption(interaction, context, speaker);
  if (interaction.replied) return;

  await deferEphemeral(interaction);
  const items = await context.latest.list(interaction.guildId, {
    topicId: topic?.id,
    count: count.data,
  });
  if (items.length === 0) {
    const key = topic ? 'latest.noneForTopic' : 'latest.none';
    const name = topic ? topicShortName(topic, speaker.locale) : '';
    return respondLines(interaction, [speaker.say(key, { topic: name })]);
  }
  const header = topic
    ? speaker.say('latest.headerTopic', { topic: topicShortName(topic, speaker.locale) })
    : speaker.say('latest.header');
  await respondLines(interaction, [
    header,
    ...items.flatMap((item, index) =>
      itemLines(item, index, interaction.guildId, context, speaker),
    ),
  ]);
}

export const autocomplete = (interaction: AutocompleteInteraction, context: CommandContext) =>
  answerTopicAutocomplete(interaction, context);

function itemLines(
  item: LatestItem,
  index: number,
  guildId: string,
  context: CommandContext,
  speaker: Speaker,
): string[] {
  const { update } = item;
  const text = oneLine(update.title) || oneLine(update.body) || speaker.say('alert.untitled');
  const headline = safeClip(text, 150);
  const linked = update.url ? markdownLink(headline, update.url) : undefined;
  const when = discordTime(update.published);
  const topics = item.matches
    .map((match) => context.topics.get(guildId, match.topicId))
    .filter((topic) => topic !== undefined)
    .map((topic) => topicShortName(topic, speaker.locale));
  const details = [
    when ?? speaker.say('latest.noTime'),
    safeText(sourceName(update.source)),
    topics.length > 0 ? topics.join(', ') : speaker.say('latest.noTopics'),
  ];
  return [`${index + 1}. **${linked ?? headline}**`, `-# ${details.join(' · ')}`];
}
