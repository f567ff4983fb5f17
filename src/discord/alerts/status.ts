import type { CommandContext } from '../../app/context.ts';
import type { Delivery } from '../../core/delivery.ts';
import { topicShortName } from '../member-topics.ts';
import { deferEphemeral, respondLines, type Speaker } from '../replies.ts';
import { clip, safeText } from '../safe-text.ts';
import { discordTime } from '../time-and-links.ts';
import type { AdminHandler } from './handler.ts';
import { channelLines, durationText, sourceLines } from './overview.ts';

const RECENT_DELIVERIES = 5;

/** `/alerts status`: sources and their health, channels and pauses, the last alerts sent. */
export const showStatus: AdminHandler = async (interaction, context, speaker) => {
  const { say } = speaker;
  const guildId = interaction.guildId;
  await deferEphemeral(interaction);
  const deliveries = await context.status.recentDeliveries(guildId, RECENT_DELIVERIES);
  await respondLines(interaction, [
    say('status.header'),
    '',
    say('sources.header'),
    ...sourceLines(context, guildId, speaker),
    '',
    say('channels.header'),
    ...channelLines(context, guildId, speaker),
    '',
    say('status.deliveries'),
    ...(deliveries.length > 0
      ? deliveries.map((delivery) => deliveryLine(delivery, context, guildId, speaker))
      : [say('status.noDeliveries')]),
  ]);
};

function deliveryLine(
  delivery: Delivery,
  context: CommandContext,
  guildId: string,
  speaker: Speaker,
): string {
  const { say } = speaker;
  const where =
    delivery.target.kind === 'channel' ? `<#${delivery.target.channelId}>` : say('status.dm');
  const topics = delivery.topicIds
    .map((id) => {
      const topic = context.topics.get(guildId, id);
      return topic ? topicShortName(topic, speaker.locale) : `\`${id}\``;
    })
    .join(', ');
  const parts = [
    discordTime(delivery.sentAt ?? delivery.createdAt) ?? '?',
    where,
    topics,
    say(`status.state.${delivery.state}`),
  ];
  const delay = delayOf(delivery);
  if (delay !== undefined) parts.push(say('status.delay', { delay: durationText(delay, speaker) }));
  if (delivery.lastError && delivery.state !== 'sent') {
    parts.push(safeText(clip(delivery.lastError, 150)));
  }
  return `• ${parts.join(' · ')}`;
}

/** From the moment the bot saw the update to the moment Discord accepted the alert. */
function delayOf(delivery: Delivery): number | undefined {
  if (!delivery.sentAt) return undefined;
  const sent = Date.parse(delivery.sentAt);
  const seen = Date.parse(delivery.seenAt);
  return Number.isNaN(sent) || Number.isNaN(seen) ? undefined : Math.max(0, sent - seen);
}
