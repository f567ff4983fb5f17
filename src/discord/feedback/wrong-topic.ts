import {
  type ButtonInteraction,
  ComponentType,
  MessageFlags,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { CommandContext } from '../../app/context.ts';
import type { ReportedAlert } from '../../core/feedback.ts';
import { topicShortName } from '../member-topics.ts';
import { respond, type Speaker, speakerFor } from '../replies.ts';
import { clip, oneLine } from '../safe-text.ts';
import { wrongTopicPickId } from './ids.ts';

type Button = ButtonInteraction<'cached'>;
type Pick = StringSelectMenuInteraction<'cached'>;

const SELECT_TEXT_MAX = 100;

function topicName(context: CommandContext, guildId: string, topicId: string, speaker: Speaker) {
  const topic = context.topics.get(guildId, topicId);
  return topic ? topicShortName(topic, speaker.locale) : `\`${topicId}\``;
}

/** The member's language, and the alert as the bot recorded it in this channel. */
async function alertBehind(interaction: Button | Pick, context: CommandContext, updateKey: string) {
  const speaker = speakerFor(interaction);
  const alert = await context.feedback.alert(interaction.guildId, interaction.channelId, updateKey);
  return { speaker, alert };
}

/**
 * "Wrong topic?" on an alert: an alert with one topic is reported at once; with several the
 * member picks which are wrong in a menu only they see. Every answer is ephemeral and pings
 * no one.
 */
export async function onWrongTopicButton(
  interaction: Button,
  context: CommandContext,
  updateKey: string,
): Promise<void> {
  const { speaker, alert } = await alertBehind(interaction, context, updateKey);
  if (!alert || alert.topics.length === 0) {
    return respond(interaction, speaker.say('feedback.unknownAlert'));
  }
  if (alert.topics.length === 1) {
    const answer = await record(interaction, context, alert, [alert.topics[0]!.id], speaker);
    return respond(interaction, answer);
  }
  await interaction.reply({
    content: speaker.say('feedback.pick'),
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: wrongTopicPickId(updateKey),
            placeholder: speaker.say('feedback.pickPlaceholder'),
            min_values: 1,
            max_values: alert.topics.length,
            options: alert.topics.map((topic) => {
              const info = context.topics.get(interaction.guildId, topic.id);
              const words = topic.phrases.map((p) => `“${oneLine(p)}”`).join(', ');
              return {
                label: clip(
                  info ? `${info.emoji} ${info.name[speaker.locale]}` : topic.id,
                  SELECT_TEXT_MAX,
                ),
                value: topic.id,
                ...(words ? { description: clip(words, SELECT_TEXT_MAX) } : {}),
              };
            }),
          },
        ],
      },
    ],
  });
}

/** The member's choice in the menu: recorded, and the menu replaced by the answer. */
export async function onWrongTopicPick(
  interaction: Pick,
  context: CommandContext,
  updateKey: string,
): Promise<void> {
  const { speaker, alert } = await alertBehind(interaction, context, updateKey);
  const answer = !alert
    ? speaker.say('feedback.unknownAlert')
    : await record(interaction, context, alert, interaction.values, speaker);
  await interaction.update({ content: answer, components: [], allowedMentions: { parse: [] } });
}

async function record(
  interaction: Button | Pick,
  context: CommandContext,
  alert: ReportedAlert,
  topicIds: string[],
  speaker: Speaker,
): Promise<string> {
  const known = new Set(alert.topics.map((t) => t.id));
  if (topicIds.length === 0 || topicIds.some((id) => !known.has(id))) {
    return speaker.say('feedback.notThisAlert');
  }
  const by = {
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    // The menu lives on its own ephemeral message; the report is about the alert it came from.
    messageId: alert.messageId ?? interaction.message.id,
    memberId: interaction.user.id,
  };
  const recorded: string[] = [];
  const already: string[] = [];
  for (const topicId of topicIds) {
    const outcome = await context.feedback.report(alert, by, topicId);
    if (outcome === 'rate-limited') return speaker.say('feedback.rateLimited');
    (outcome === 'recorded' ? recorded : already).push(topicId);
  }
  const names = (ids: string[]) =>
    ids.map((id) => topicName(context, interaction.guildId, id, speaker)).join(', ');
  if (recorded.length === 0) return speaker.say('feedback.already', { topics: names(already) });
  return speaker.say('feedback.thanks', { topics: names(recorded) });
}
