import {
  type Delivery,
  newEditDelivery,
  newPostDelivery,
  postDeliveryId,
} from '../core/delivery.ts';
import { fingerprint } from '../core/detect.ts';
import type { GuildSettings } from '../core/guild-settings.ts';
import { routeInGuild } from '../core/route.ts';
import type { TopicMatch } from '../core/topic.ts';
import type { ChangeEvent } from '../core/update.ts';
import type { Outbox } from './outbox.ts';
import { matchesForGuild } from './topic-directory.ts';
import type { StoredUpdate } from './update-archive.ts';

export interface PlanInput {
  event: ChangeEvent;
  key: string;
  stored: StoredUpdate;
  /** The stored copy before this poll, for edits. */
  before: StoredUpdate | undefined;
  followers: GuildSettings[];
  now: string;
}

/**
 * Turns one change into deliveries. A new update is posted once per place. An edit edits
 * what was posted, and posts anew only where it now matches a topic it did not match before.
 */
export async function planDeliveries(input: PlanInput, outbox: Outbox): Promise<Delivery[]> {
  const { event, key, stored, before, followers, now } = input;
  const planned: Delivery[] = [];
  for (const guild of followers) {
    const matches = matchesForGuild(guild.guildId, stored.matches);
    const placements = routeInGuild(guild, matches);
    const matched = phraseMap(matches);
    if (event.kind === 'new') {
      planned.push(...placements.map((p) => newPostDelivery(key, p, matched, stored.seenAt, now)));
      continue;
    }
    const previousTopics = new Set(
      matchesForGuild(guild.guildId, before?.matches ?? []).map((m) => m.topicId),
    );
    for (const placement of placements) {
      const post = await outbox.get(postDeliveryId(key, placement.target));
      if (post?.state === 'sent' && post.messageId) {
        planned.push(
          newEditDelivery(post, fingerprint(event.update), matched, placement.topicIds, now),
        );
      } else if (!post && placement.topicIds.some((id) => !previousTopics.has(id))) {
        planned.push(newPostDelivery(key, placement, matched, stored.seenAt, now));
      }
    }
  }
  return planned;
}

function phraseMap(matches: TopicMatch[]): Record<string, string[]> {
  return Object.fromEntries(matches.map((m) => [m.topicId, m.phrases]));
}
