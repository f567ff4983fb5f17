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
 *
 * An edit is queued even while its post is still pending: the post may already be rendered
 * from the older text (or, after a crash, Discord may hold the older text under its nonce).
 * A poll redone after a crash sees a known update as new again; where its post exists and
 * was planned for another version of the text, an edit follows it.
 */
export async function planDeliveries(input: PlanInput, outbox: Outbox): Promise<Delivery[]> {
  const { event, key, stored, before, followers, now } = input;
  const version = fingerprint(event.update);
  const places = followers.flatMap((guild) => {
    const matches = matchesForGuild(guild.guildId, stored.matches);
    const previousTopics = new Set(
      matchesForGuild(guild.guildId, before?.matches ?? []).map((m) => m.topicId),
    );
    return routeInGuild(guild, matches).map((placement) => ({
      placement,
      matched: phraseMap(matches),
      previousTopics,
    }));
  });
  const posts = await outbox.getMany(places.map((p) => postDeliveryId(key, p.placement.target)));
  const planned: Delivery[] = [];
  places.forEach(({ placement, matched, previousTopics }, index) => {
    const post = posts[index];
    const newTopic = placement.topicIds.some((id) => !previousTopics.has(id));
    // Every post that should exist is planned, existing ones too: the outbox keeps the one
    // it has, and queues it again if a crash left it written down but out of the queue.
    if (event.kind === 'new' || post || newTopic) {
      planned.push(newPostDelivery(key, placement, matched, stored.seenAt, now, version));
    }
    if (!post) return;
    const editable = post.state === 'sent' || post.state === 'pending';
    // A post written before fingerprints were recorded is edited only on a real edit.
    const textMoved =
      event.kind === 'edited' || (post.fingerprint !== undefined && post.fingerprint !== version);
    if (editable && textMoved) {
      planned.push(newEditDelivery(post, version, matched, placement.topicIds, now));
    }
  });
  return planned;
}

function phraseMap(matches: TopicMatch[]): Record<string, string[]> {
  return Object.fromEntries(matches.map((m) => [m.topicId, m.phrases]));
}
