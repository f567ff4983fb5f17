import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandContext } from '../src/app/context.ts';
import { describe } from '../src/discord/command-text.ts';
import {
  answerTopicAutocomplete,
  topicFromOption,
  topicShortName,
} from '../src/discord/member-topics.ts';
import {
  changeMemberRole,
  memberHasRole,
  roleProblemText,
  storedTopicRole,
} from '../src/discord/mention-roles.ts';
import { deferEphemeral, respond, speakerFor } from '../src/discord/replies.ts';

export const data = describe(new SlashCommandBuilder().setName('unsubscribe'), 'cmd.unsubscribe')
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    describe(option.setName('topic'), 'opt.topic.unsubscribe')
      .setRequired(true)
      .setAutocomplete(true),
  );

export async function execute(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: CommandContext,
): Promise<void> {
  const speaker = speakerFor(interaction);
  const topic = await topicFromOption(interaction, context, speaker);
  if (!topic) return;
  await deferEphemeral(interaction);
  const name = topicShortName(topic, speaker.locale);
  const userId = interaction.user.id;

  let removedDm = false;
  await context.settings.update(interaction.guildId, (settings) => {
    const list = settings.dmSubscribers[topic.id] ?? [];
    if (!list.includes(userId)) return;
    removedDm = true;
    const rest = list.filter((id) => id !== userId);
    if (rest.length > 0) settings.dmSubscribers[topic.id] = rest;
    else delete settings.dmSubscribers[topic.id];
  });

  const roleId = context.settings.get(interaction.guildId).roles[topic.id];
  let removedPing = false;
  if (memberHasRole(interaction.member, roleId)) {
    const role = await storedTopicRole(interaction.guild, roleId);
    if (role) {
      const problem = await changeMemberRole(interaction.member, role, 'remove');
      if (problem) {
        const prefix = removedDm ? `${speaker.say('unsubscribe.dm', { topic: name })}\n` : '';
        return respond(interaction, prefix + roleProblemText(problem, speaker, name));
      }
      removedPing = true;
    }
  }

  if (!removedDm && !removedPing) {
    return respond(interaction, speaker.say('unsubscribe.notSubscribed', { topic: name }));
  }
  const lines = [];
  if (removedPing) lines.push(speaker.say('unsubscribe.ping', { topic: name }));
  if (removedDm) lines.push(speaker.say('unsubscribe.dm', { topic: name }));
  await respond(interaction, lines.join('\n'));
}

export const autocomplete = (interaction: AutocompleteInteraction, context: CommandContext) =>
  answerTopicAutocomplete(interaction, context);
