import type { GuildSettings } from './guild-settings.ts';
import type { TopicMatch } from './topic.ts';

export type DeliveryTarget =
  | { kind: 'channel'; channelId: string; announcement: boolean }
  | { kind: 'dm'; userId: string };

/** One place an update must be posted to, with the guild-local topics that put it there. */
export interface Placement {
  guildId: string;
  target: DeliveryTarget;
  topicIds: string[];
  /** Roles to mention: exactly the matched topics' roles (channels only). */
  roleIds: string[];
}

/**
 * Where one update goes in one guild: one placement per alert channel that carries any
 * matched topic (however many match), and one per member who asked for a DM.
 * Paused channels get nothing new until an admin fixes them.
 */
export function routeInGuild(guild: GuildSettings, matches: TopicMatch[]): Placement[] {
  if (matches.length === 0) return [];
  const matched = matches.map((m) => m.topicId);
  const placements: Placement[] = [];

  for (const channel of guild.channels) {
    if (channel.paused) continue;
    const carried = channel.topics;
    const topicIds = carried === 'all' ? matched : matched.filter((id) => carried.includes(id));
    if (topicIds.length === 0) continue;
    placements.push({
      guildId: guild.guildId,
      target: { kind: 'channel', channelId: channel.channelId, announcement: channel.announcement },
      topicIds,
      roleIds: unique(topicIds.map((id) => guild.roles[id]).filter((r): r is string => !!r)),
    });
  }

  const topicsByUser = new Map<string, string[]>();
  for (const topicId of matched) {
    for (const userId of guild.dmSubscribers[topicId] ?? []) {
      topicsByUser.set(userId, [...(topicsByUser.get(userId) ?? []), topicId]);
    }
  }
  for (const [userId, topicIds] of topicsByUser) {
    placements.push({
      guildId: guild.guildId,
      target: { kind: 'dm', userId },
      topicIds,
      roleIds: [],
    });
  }
  return placements;
}

/** A stable name for a target, used in delivery ids and nonces. */
export function targetKey(target: DeliveryTarget): string {
  return target.kind === 'channel' ? `c${target.channelId}` : `u${target.userId}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
