import type { LocalDiscord, LocalGuildSpec } from '../../src/local-discord/server.ts';
import { loadBuiltinMatcher } from '../../src/topics/builtin.ts';
import type { AuditPlace, AuditStory } from '../support/delivery-audit.ts';
import { type Newsroom, revisionMarker } from '../support/newsroom.ts';

/** One guild: six alert channels (two carry everything, one of them an announcement channel). */
export const CRASH_GUILD: LocalGuildSpec = {
  name: 'Crash Newsroom',
  channels: [
    { name: 'news-all' },
    { name: 'announce-all', type: 5 },
    { name: 'raids' },
    { name: 'aid' },
    { name: 'diplomacy' },
    { name: 'front-and-raids' },
    { name: 'mods' },
  ],
  members: [{ username: 'admin' }, { username: 'olena' }],
};

/** `/alerts channel add` for each alert channel: its name and the `topics` option. */
export const CHANNEL_SETUP: [string, string][] = [
  ['news-all', 'all'],
  ['announce-all', 'all'],
  ['raids', 'air-raid'],
  ['aid', 'aid'],
  ['diplomacy', 'diplomacy'],
  ['front-and-raids', 'frontline,air-raid'],
];

/** The second member asks for these by DM. */
export const DM_TOPICS = ['air-raid', 'diplomacy'];

export function auditPlaces(discord: LocalDiscord): AuditPlace[] {
  const guild = discord.guilds[0]!;
  const channels = CHANNEL_SETUP.map(([name, topics]): AuditPlace => {
    const channel = guild.channels.find((c) => c.name === name)!;
    return {
      label: `#${name}`,
      kind: 'channel',
      id: channel.id,
      topics: topics === 'all' ? 'all' : topics.split(','),
      announcement: channel.type === 5,
    };
  });
  const reader = guild.members[1]!;
  return [
    ...channels,
    { label: `DM ${reader.username}`, kind: 'dm', id: reader.id, topics: DM_TOPICS },
  ];
}

/**
 * What each story must finally have caused: the topics the bot's own matcher finds in its
 * latest text (this test is about delivery, not matching), and that latest text's marker.
 * History stories must cause nothing. Throws if a story's words stopped meaning what the
 * scenario needs (e.g. someone changed a topic's phrases).
 */
export async function storyExpectations(): Promise<(room: Newsroom) => AuditStory[]> {
  const matcher = await loadBuiltinMatcher();
  return (room) =>
    room.all().map((story) => {
      const text = room.text(story);
      const topics = matcher.match(text).map((m) => m.topicId);
      const wanted = [
        ...(story.kind === 'quiet' ? [] : [story.kind]),
        ...(story.airRaidAdded ? ['air-raid'] : []),
      ];
      const missing = wanted.filter((topic) => !topics.includes(topic));
      if (missing.length > 0 || (wanted.length === 0 && topics.length > 0)) {
        throw new Error(
          `scenario text for a ${story.kind} story matches [${topics.join(', ')}]: fix newsroom.ts`,
        );
      }
      return {
        id: story.id,
        topics: story.history ? [] : topics,
        marker: revisionMarker(story),
      };
    });
}

export { seededRandom } from '../../src/bench/random-text.ts';
