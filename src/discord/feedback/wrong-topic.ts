import {
  type ButtonInteraction,
  ComponentType,
  MessageFlags,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { CommandContext } from '../../app/context.ts';
import type { AlertPlace, AlertRefusal, ReportedAlert } from '../../core/feedback.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { topicShortName } from '../member-topics.ts';
import { respond, type Speaker, speakerFor } from '../replies.ts';
import { clip, oneLine } from '../safe-text.ts';
import { type FeedbackControl, wrongTopicPickId } from './ids.ts';

type Button = ButtonInteraction;
type Pick = StringSelectMenuInteraction;

const SELECT_TEXT_MAX = 100;

/** The guild a report would be filed in, and where the member says they saw the alert. */
interface Seen {
  guildId: string;
  place: AlertPlace;
}
/** An alert the bot sent there for that guild: the member may report it. */
type Reportable = Seen & { alert: ReportedAlert };

function topicName(context: CommandContext, guildId: string, topicId: string, speaker: Speaker) {
  const topic = context.topics.get(guildId, topicId);
  return topic ? topicShortName(topic, speaker.locale) : `\`${topicId}\``;
}

/**
 * A channel control reports in the channel's guild. A DM control reports in the guild it
 * names, and only from the member's own DMs: the outbox then shows whether the bot sent this
 * member the alert by DM for that guild.
 */
function whereSeen(interaction: Button | Pick, control: FeedbackControl): Seen | MessageKey {
  if (control.dmGuildId === undefined) {
    if (!interaction.inCachedGuild()) return 'error.guildOnly';
    const place = { kind: 'channel', channelId: interaction.channelId } as const;
    return { guildId: interaction.guildId, place };
  }
  if (interaction.inGuild()) return 'feedback.unknownAlert';
  const place = { kind: 'dm', userId: interaction.user.id } as const;
  return { guildId: control.dmGuildId, place };
}

const REFUSALS: Record<AlertRefusal, MessageKey> = {
  unknown: 'feedback.unknownAlert',
  'other-guild': 'feedback.otherGuild',
};

/** The alert behind a control, where it may be reported; or why it may not be. */
async function alertBehind(
  interaction: Button | Pick,
  context: CommandContext,
  control: FeedbackControl,
): Promise<Reportable | MessageKey> {
  const seen = whereSeen(interaction, control);
  if (typeof seen === 'string') return seen;
  const alert = await context.feedback.alert(seen.guildId, seen.place, control.updateKey);
  if (typeof alert === 'string') return REFUSALS[alert];
  if (alert.topics.length === 0) return 'feedback.unknownAlert';
  return { ...seen, alert };
}

/**
 * "Wrong topic?" on an alert: an alert with one topic is reported at once; with several the
 * member picks which are wrong in a menu only they see, and the answer replaces the menu.
 * Every answer is ephemeral and pings no one.
 */
export async function onFeedbackControl(
  interaction: Button | Pick,
  context: CommandContext,
  control: FeedbackControl,
): Promise<void> {
  if (interaction.isStringSelectMenu() !== (control.kind === 'pick')) return;
  const speaker = speakerFor(interaction);
  const found = await alertBehind(interaction, context, control);
  if (interaction.isStringSelectMenu()) {
    const answer =
      typeof found === 'string'
        ? speaker.say(found)
        : await record(interaction, context, found, interaction.values, speaker);
    await interaction.update({ content: answer, components: [], allowedMentions: { parse: [] } });
  } else if (typeof found === 'string') {
    await respond(interaction, speaker.say(found));
  } else if (found.alert.topics.length === 1) {
    const topicIds = [found.alert.topics[0]!.id];
    await respond(interaction, await record(interaction, context, found, topicIds, speaker));
  } else {
    await offerMenu(interaction, context, found, control.updateKey, speaker);
  }
}

function offerMenu(
  interaction: Button,
  context: CommandContext,
  { guildId, place, alert }: Reportable,
  updateKey: string,
  speaker: Speaker,
) {
  return interaction.reply({
    content: speaker.say('feedback.pick'),
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            // A DM menu names its guild like the button that opened it.
            custom_id: wrongTopicPickId(updateKey, place.kind === 'dm' ? guildId : undefined),
            placeholder: speaker.say('feedback.pickPlaceholder'),
            min_values: 1,
            max_values: alert.topics.length,
            options: alert.topics.map((topic) => {
              const info = context.topics.get(guildId, topic.id);
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

async function record(
  interaction: Button | Pick,
  context: CommandContext,
  { guildId, place, alert }: Reportable,
  topicIds: string[],
  speaker: Speaker,
): Promise<string> {
  const known = new Set(alert.topics.map((t) => t.id));
  if (topicIds.length === 0 || topicIds.some((id) => !known.has(id))) {
    return speaker.say('feedback.notThisAlert');
  }
  const by = {
    guildId,
    channelId: interaction.channelId,
    // The menu lives on its own ephemeral message; the report is about the alert it came from.
    messageId: alert.messageId ?? interaction.message.id,
    memberId: interaction.user.id,
    ...(place.kind === 'dm' ? { viaDm: true } : {}),
  };
  const recorded: string[] = [];
  const already: string[] = [];
  for (const topicId of topicIds) {
    const outcome = await context.feedback.report(alert, by, topicId);
    if (outcome === 'rate-limited') return speaker.say('feedback.rateLimited');
    (outcome === 'recorded' ? recorded : already).push(topicId);
  }
  const names = (ids: string[]) =>
    ids.map((id) => topicName(context, guildId, id, speaker)).join(', ');
  if (recorded.length === 0) return speaker.say('feedback.already', { topics: names(already) });
  return speaker.say('feedback.thanks', { topics: names(recorded) });
}
