import type { CommandContext } from '../../app/context.ts';
import type { FeedbackReport } from '../../core/feedback.ts';
import { topicShortName } from '../member-topics.ts';
import { deferEphemeral, respondLines, type Speaker } from '../replies.ts';
import { clip, oneLine, safeText } from '../safe-text.ts';
import { discordTime, markdownLink } from '../time-and-links.ts';
import type { AdminHandler } from './handler.ts';

const SHOWN = 20;
const TITLE_MAX = 120;

/** `/alerts feedback`: this server's latest "Wrong topic?" reports (never another server's). */
export const showFeedback: AdminHandler = async (interaction, context, speaker) => {
  await deferEphemeral(interaction);
  const reports = await context.feedback.recent(interaction.guildId, SHOWN);
  const lines = reports.map((report) => reportLine(report, context, speaker));
  await respondLines(interaction, [
    speaker.say('feedback.header'),
    ...(lines.length > 0 ? lines : [speaker.say('feedback.none')]),
  ]);
};

function reportLine(report: FeedbackReport, context: CommandContext, speaker: Speaker): string {
  const topic = context.topics.get(report.guildId, report.topicId);
  const words = (report.matched[report.topicId] ?? [])
    .map((phrase) => `“${safeText(oneLine(phrase))}”`)
    .join(', ');
  const alertUrl = `https://discord.com/channels/${report.guildId}/${report.channelId}/${report.messageId}`;
  const title = report.update.title || report.update.body;
  return speaker.say('feedback.line', {
    when: discordTime(report.reportedAt) ?? report.reportedAt,
    // Shown, never pinged: replies carry no allowed mentions.
    member: `<@${report.memberId}>`,
    title: safeText(clip(oneLine(title), TITLE_MAX)),
    // Admins cannot open a member's DMs: a DM alert is named, not linked.
    link: report.viaDm
      ? speaker.say('feedback.viaDm')
      : (markdownLink(speaker.say('feedback.link'), alertUrl) ?? speaker.say('feedback.link')),
    topic: `${topic ? topicShortName(topic, speaker.locale) : ''} \`${report.topicId}\``.trim(),
    words: words || speaker.say('feedback.noWords'),
  });
}
