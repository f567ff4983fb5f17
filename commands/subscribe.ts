import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  DiscordAPIError,
  InteractionContextType,
  SlashCommandBuilder,
} from 'discord.js';
import { z } from 'zod';
import type { CommandContext } from '../src/app/context.ts';
import type { TopicInfo } from '../src/core/topic.ts';
import { describe, localizedChoice } from '../src/discord/command-text.ts';
import {
  answerTopicAutocomplete,
  channelMentions,
  channelsCarrying,
  topicFromOption,
  topicShortName,
} from '../src/discord/member-topics.ts';
import {
  changeMemberRole,
  ensureTopicRole,
  memberHasRole,
  roleProblemText,
} from '../src/discord/mention-roles.ts';
import { deferEphemeral, respond, type Speaker, speakerFor } from '../src/discord/replies.ts';
import { safeText } from '../src/discord/safe-text.ts';

/** Discord's answers when a member does not accept DMs from the bot. */
const CLOSED_DM_CODES = new Set([50007, 50278]);

const DeliverySchema = z.enum(['ping', 'dm']).default('ping');

export const data = describe(new SlashCommandBuilder().setName('subscribe'), 'cmd.subscribe')
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    describe(option.setName('topic'), 'opt.topic.subscribe')
      .setRequired(true)
      .setAutocomplete(true),
  )
  .addStringOption((option) =>
    describe(option.setName('delivery'), 'opt.delivery').addChoices(
      localizedChoice('choice.delivery.ping', 'ping'),
      localizedChoice('choice.delivery.dm', 'dm'),
    ),
  );

type GuildInteraction = ChatInputCommandInteraction<'cached'>;

export async function execute(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: CommandContext,
): Promise<void> {
  const speaker = speakerFor(interaction);
  const delivery = DeliverySchema.safeParse(interaction.options.getString('delivery') ?? undefined);
  if (!delivery.success) return respond(interaction, speaker.say('subscribe.badDelivery'));
  const topic = await topicFromOption(interaction, context, speaker);
  if (!topic) return;

  await deferEphemeral(interaction);
  if (delivery.data === 'dm') return subscribeByDm(interaction, context, speaker, topic);
  return subscribeByPing(interaction, context, speaker, topic);
}

export const autocomplete = (interaction: AutocompleteInteraction, context: CommandContext) =>
  answerTopicAutocomplete(interaction, context);

async function subscribeByPing(
  interaction: GuildInteraction,
  context: CommandContext,
  speaker: Speaker,
  topic: TopicInfo,
): Promise<void> {
  const name = topicShortName(topic, speaker.locale);
  const outcome = await ensureTopicRole(interaction.guild, topic, context);
  if ('problem' in outcome) {
    return respond(interaction, roleProblemText(outcome.problem, speaker, name));
  }
  const role = outcome.role;
  if (memberHasRole(interaction.member, role.id)) {
    return respond(interaction, speaker.say('subscribe.already.ping', { topic: name }));
  }
  const problem = await changeMemberRole(interaction.member, role, 'add');
  if (problem) return respond(interaction, roleProblemText(problem, speaker, name));

  const lines = [speaker.say('subscribe.ping.done', { topic: name, role: `<@&${role.id}>` })];
  lines.push(whereItIsPosted(interaction, context, speaker, topic));
  await respond(interaction, lines.join('\n'));
}

async function subscribeByDm(
  interaction: GuildInteraction,
  context: CommandContext,
  speaker: Speaker,
  topic: TopicInfo,
): Promise<void> {
  const name = topicShortName(topic, speaker.locale);
  const userId = interaction.user.id;
  let added = false;
  await context.settings.update(interaction.guildId, (settings) => {
    const list = settings.dmSubscribers[topic.id] ?? [];
    if (list.includes(userId)) return;
    settings.dmSubscribers[topic.id] = [...list, userId];
    added = true;
  });
  if (!added) return respond(interaction, speaker.say('subscribe.already.dm', { topic: name }));

  try {
    await interaction.user.send({
      content: speaker.say('subscribe.dm.confirmation', {
        topic: name,
        guild: safeText(interaction.guild.name),
      }),
      allowedMentions: { parse: [] },
    });
  } catch (error) {
    // An alert nobody can receive would only pile up failures: take the subscription back.
    await context.settings.update(interaction.guildId, (settings) => {
      const rest = (settings.dmSubscribers[topic.id] ?? []).filter((id) => id !== userId);
      if (rest.length > 0) settings.dmSubscribers[topic.id] = rest;
      else delete settings.dmSubscribers[topic.id];
    });
    if (error instanceof DiscordAPIError && CLOSED_DM_CODES.has(Number(error.code))) {
      return respond(interaction, speaker.say('subscribe.dm.closed', { topic: name }));
    }
    throw error;
  }
  await respond(interaction, speaker.say('subscribe.dm.done', { topic: name }));
}

function whereItIsPosted(
  interaction: GuildInteraction,
  context: CommandContext,
  speaker: Speaker,
  topic: TopicInfo,
): string {
  const channels = channelsCarrying(context.settings.get(interaction.guildId), topic.id);
  return channels.length > 0
    ? speaker.say('subscribe.ping.channels', { channels: channelMentions(channels) })
    : speaker.say('subscribe.ping.noChannels');
}
