import { describe, expect, it } from 'vitest';
import { emptyGuildSettings, type GuildSettings } from '../../src/core/guild-settings.ts';
import { routeInGuild } from '../../src/core/route.ts';

const GUILD = '100000000000000001';
const RAIDS = '200000000000000001';
const EVERYTHING = '200000000000000002';
const PAUSED = '200000000000000003';
const RAID_ROLE = '300000000000000001';
const AID_ROLE = '300000000000000002';
const MEMBER = '400000000000000001';

function guild(): GuildSettings {
  return {
    ...emptyGuildSettings(GUILD),
    channels: [
      { channelId: RAIDS, topics: ['air-raid'], announcement: false },
      { channelId: EVERYTHING, topics: 'all', announcement: true },
      {
        channelId: PAUSED,
        topics: 'all',
        announcement: false,
        paused: { reason: 'Missing Access', since: '2024-01-01T00:00:00Z' },
      },
    ],
    roles: { 'air-raid': RAID_ROLE, aid: AID_ROLE },
    dmSubscribers: { aid: [MEMBER], 'air-raid': [MEMBER] },
  };
}

describe('routing an update inside one guild', () => {
  it('posts once per channel however many topics match, mentioning exactly their roles', () => {
    const placements = routeInGuild(guild(), [
      { topicId: 'air-raid', phrases: ['air raid'] },
      { topicId: 'aid', phrases: ['aid package'] },
    ]);
    const channels = placements.filter((p) => p.target.kind === 'channel');
    expect(channels.map((p) => [p.target, p.topicIds, p.roleIds])).toEqual([
      [{ kind: 'channel', channelId: RAIDS, announcement: false }, ['air-raid'], [RAID_ROLE]],
      [
        { kind: 'channel', channelId: EVERYTHING, announcement: true },
        ['air-raid', 'aid'],
        [RAID_ROLE, AID_ROLE],
      ],
    ]);
  });

  it('sends one DM per member, even when several of their topics match', () => {
    const placements = routeInGuild(guild(), [
      { topicId: 'air-raid', phrases: ['siren'] },
      { topicId: 'aid', phrases: ['aid'] },
    ]);
    const dms = placements.filter((p) => p.target.kind === 'dm');
    expect(dms).toEqual([
      {
        guildId: GUILD,
        target: { kind: 'dm', userId: MEMBER },
        topicIds: ['air-raid', 'aid'],
        roleIds: [],
      },
    ]);
  });

  it('sends nothing to channels that do not carry the topic, nor to paused ones', () => {
    const placements = routeInGuild(guild(), [{ topicId: 'nuclear', phrases: ['reactor'] }]);
    expect(placements.map((p) => p.target)).toEqual([
      { kind: 'channel', channelId: EVERYTHING, announcement: true },
    ]);
    expect(placements[0]?.roleIds).toEqual([]);
  });

  it('sends nothing at all when no topic matched', () => {
    expect(routeInGuild(guild(), [])).toEqual([]);
  });
});
