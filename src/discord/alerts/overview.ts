import type { CommandContext } from '../../app/context.ts';
import type { AlertChannel } from '../../core/guild-settings.ts';
import { topicShortName } from '../member-topics.ts';
import type { Speaker } from '../replies.ts';
import { clip, safeText } from '../safe-text.ts';
import { discordTime, formatDuration, plainLink } from '../time-and-links.ts';
import { coverageLines } from './coverage-lines.ts';

/** Each followed source with its health, operator-set ones marked. */
export function sourceLines(context: CommandContext, guildId: string, speaker: Speaker): string[] {
  const { say } = speaker;
  const sources = context.sources.followedBy(guildId);
  if (sources.length === 0) return [say('sources.none')];
  return sources.flatMap(({ source, global }) => {
    const health = context.sources.health(source);
    const details = [
      health.lastSuccessAt
        ? say('sources.lastSuccess', { when: discordTime(health.lastSuccessAt) ?? '?' })
        : say('sources.neverSucceeded'),
      say('sources.failures', { count: health.consecutiveFailures }),
      say('sources.known', { count: health.updatesKnown }),
    ];
    // A failing source is backed off; saying when it is tried again explains the quiet.
    if (health.consecutiveFailures > 0 && health.nextAttemptAt) {
      details.push(say('sources.nextAttempt', { when: discordTime(health.nextAttemptAt) ?? '?' }));
    }
    if (health.lastSuppressed) {
      details.push(
        say('sources.suppressed', {
          count: health.lastSuppressed.count,
          when: discordTime(health.lastSuppressed.at) ?? '?',
        }),
      );
    }
    const coverage = context.sources.coverageOf?.(source);
    const lines = [
      `• ${plainLink(source)}${global ? ` ${say('sources.operator')}` : ''}`,
      ...(coverage ? coverageLines(coverage, speaker) : []),
      `-# ${(coverage ? details.slice(0, 2) : details).join(' · ')}`,
    ];
    if (health.lastError && health.consecutiveFailures > 0) {
      lines.push(
        `-# ${say('sources.lastError', {
          error: safeText(clip(health.lastError, 200)),
          when: discordTime(health.lastErrorAt) ?? '?',
        })}`,
      );
    }
    return lines;
  });
}

/** What a channel carries, in the caller's language. */
export function carriedTopics(
  channel: AlertChannel,
  context: CommandContext,
  guildId: string,
  speaker: Speaker,
): string {
  if (channel.topics === 'all') return speaker.say('channels.allTopics');
  return channel.topics
    .map((id) => {
      const topic = context.topics.get(guildId, id);
      return topic ? topicShortName(topic, speaker.locale) : `\`${id}\``;
    })
    .join(', ');
}

/** Each alert channel with its topics, announcement flag and any pause with its reason. */
export function channelLines(context: CommandContext, guildId: string, speaker: Speaker): string[] {
  const { say } = speaker;
  const channels = context.settings.get(guildId).channels;
  if (channels.length === 0) return [say('channels.none')];
  return channels.flatMap((channel) => {
    const flags = [carriedTopics(channel, context, guildId, speaker)];
    if (channel.announcement) flags.push(say('channels.announcement'));
    const lines = [`• <#${channel.channelId}> — ${flags.join(' · ')}`];
    if (channel.paused) {
      lines.push(
        `-# ${say('channels.paused', {
          reason: safeText(clip(channel.paused.reason, 300)),
          when: discordTime(channel.paused.since) ?? '?',
        })}`,
      );
    }
    return lines;
  });
}

export function durationText(ms: number, speaker: Speaker): string {
  return formatDuration(ms, {
    s: speaker.say('unit.s'),
    min: speaker.say('unit.min'),
    h: speaker.say('unit.h'),
  });
}
