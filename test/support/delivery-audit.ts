import type { LocalDiscord, RecordedMessage } from '../../src/local-discord/server.ts';
import { postIdOfUrl } from './live-blog-page.ts';

/** A place alerts go to, as the test configured it. */
export interface AuditPlace {
  label: string;
  kind: 'channel' | 'dm';
  /** Channel id, or the member's user id for DMs. */
  id: string;
  /** Topics it carries: `all`, or topic ids. */
  topics: 'all' | string[];
  /** Announcement channels must also publish (crosspost) every alert. */
  announcement?: boolean;
}

/** One live-blog update as it finally stands. */
export interface AuditStory {
  id: number;
  topics: string[];
  /** Text the alert must show at the end (the latest revision), if checked. */
  marker?: string;
}

export interface Audit {
  /** (update, place) pairs that must have exactly one alert. */
  expected: number;
  /** Expected pairs that have at least one alert. */
  delivered: number;
  /** Alerts beyond the first for one pair. */
  duplicated: number;
  lost: number;
  /** Alerts for a pair that should have none. */
  unexpected: number;
  /** Delivered alerts that do not show the update's latest text. */
  stale: number;
  /** Alerts in announcement channels that were not published. */
  unpublished: number;
  /** One line per problem, for the failure message. */
  problems: string[];
}

export function alertMessages(discord: LocalDiscord, place: AuditPlace): RecordedMessage[] {
  const all = place.kind === 'channel' ? discord.messages(place.id) : discord.dms(place.id);
  return all.filter((message) => message.embeds.length > 0);
}

function embedOf(message: RecordedMessage): { url?: string; description?: string } {
  return (message.embeds[0] ?? {}) as { url?: string; description?: string };
}

export function carries(place: AuditPlace, topics: string[]): boolean {
  if (topics.length === 0) return false;
  return place.topics === 'all' || topics.some((topic) => place.topics.includes(topic));
}

/**
 * Compares what Discord holds with what the stories call for, place by place. With
 * `onlyThese`, alerts about other updates are not counted (a test's earlier phases).
 */
export function auditDeliveries(
  discord: LocalDiscord,
  places: AuditPlace[],
  stories: AuditStory[],
  options: { onlyThese?: boolean } = {},
): Audit {
  const audit: Audit = {
    expected: 0,
    delivered: 0,
    duplicated: 0,
    lost: 0,
    unexpected: 0,
    stale: 0,
    unpublished: 0,
    problems: [],
  };
  const byId = new Map(stories.map((story) => [story.id, story]));
  for (const place of places) {
    const posted = new Map<number, RecordedMessage[]>();
    for (const message of alertMessages(discord, place)) {
      const id = postIdOfUrl(embedOf(message).url) ?? -1;
      posted.set(id, [...(posted.get(id) ?? []), message]);
    }
    for (const story of stories) {
      if (!carries(place, story.topics)) continue;
      audit.expected += 1;
      const messages = posted.get(story.id) ?? [];
      if (messages.length === 0) {
        audit.lost += 1;
        audit.problems.push(`${place.label}: update ${story.id} never arrived`);
        continue;
      }
      audit.delivered += 1;
      if (messages.length > 1) {
        audit.duplicated += messages.length - 1;
        audit.problems.push(`${place.label}: update ${story.id} arrived ${messages.length} times`);
      }
      for (const message of messages) {
        if (story.marker && !embedOf(message).description?.includes(story.marker)) {
          audit.stale += 1;
          audit.problems.push(
            `${place.label}: update ${story.id} shows "${embedOf(message).description?.slice(0, 40)}", not "${story.marker}"`,
          );
        }
        if (place.announcement && !message.crossposted) {
          audit.unpublished += 1;
          audit.problems.push(`${place.label}: update ${story.id} was not published`);
        }
      }
    }
    for (const [id, messages] of posted) {
      const story = byId.get(id);
      if ((story && carries(place, story.topics)) || (!story && options.onlyThese)) continue;
      audit.unexpected += messages.length;
      audit.problems.push(`${place.label}: ${messages.length} alert(s) for update ${id}, none due`);
    }
  }
  return audit;
}

/** True when every expected alert is there, once, with its latest text, published. */
export function complete(audit: Audit): boolean {
  return (
    audit.lost === 0 &&
    audit.duplicated === 0 &&
    audit.unexpected === 0 &&
    audit.stale === 0 &&
    audit.unpublished === 0
  );
}

/**
 * A check for `waitFor` that runs `check` at most every `ms` and answers its last result in
 * between. An audit copies every place's messages; run every 10 ms through a fan-out it
 * keeps the local Discord's process busy, and that process stamps each request's arrival
 * for the rate limit the test holds the bot to.
 */
export function atMostEvery(ms: number, check: () => boolean): () => boolean {
  let checkedAt = Number.NEGATIVE_INFINITY;
  let last = false;
  return () => {
    if (last || Date.now() - checkedAt < ms) return last;
    checkedAt = Date.now();
    last = check();
    return last;
  };
}
