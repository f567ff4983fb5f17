/**
 * The language of a guild's alerts is the same on every process: a process that does not
 * hold the guild's gateway shard (a fleet's SHARD_IDS=none sender) has no cached guild, and
 * reads the language the shard's holder stored with the guild's settings.
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import type { LocalBlog } from '../../src/demo/blog-server.ts';
import type { LocalDiscord, RecordedMessage } from '../../src/local-discord/server.ts';
import { silentLogger } from '../../src/logger.ts';
import { type RunningBot, startBot } from '../../src/main.ts';
import { type Harness, startHarness } from '../support/bot-harness.ts';
import { type FleetRig, startFleetRig } from '../support/fleet-rig.ts';
import { Newsroom } from '../support/newsroom.ts';
import { redisServerFor } from '../support/private-redis.ts';
import { POSTGRES_URL, serverFor } from '../support/servers.ts';

const UK_LABEL = 'Читати повністю';
const EN_LABEL = 'Read the full update';

/** The label of an alert's "Read the full update" button: it says which language it is in. */
function readMoreLabel(message: RecordedMessage | undefined): string | undefined {
  const rows = (message?.components ?? []) as { components: { label?: string }[] }[];
  return rows[0]?.components[0]?.label;
}

const channelAdd = (channel: string) => ({
  name: 'alerts',
  subcommandGroup: 'channel',
  subcommand: 'add',
  options: { channel, topics: 'all' },
});

describe('one process: the server’s language, also after an admin changes it in Discord', () => {
  let h: Harness;
  const room = new Newsroom();
  let channel: string;

  beforeAll(async () => {
    h = await startHarness({
      guilds: [
        {
          name: 'Редакція',
          channels: [{ name: 'новини' }],
          members: [{ username: 'admin' }],
          preferredLocale: 'uk',
        },
      ],
    });
    channel = h.discord.guilds[0]!.channels[0]!.id;
    room.publish('aid', { history: true });
    h.blog.publish(room.page());
    await h.pollAndDeliver();
    await h.asAdmin(channelAdd(channel));
  });
  afterAll(() => h?.close());

  it('writes the alerts of a Ukrainian server in Ukrainian', async () => {
    room.publish('air-raid');
    h.blog.publish(room.page());
    await h.pollAndDeliver();
    expect(h.discord.messages(channel)).toHaveLength(1);
    expect(readMoreLabel(h.discord.messages(channel)[0])).toBe(UK_LABEL);
  });

  it('follows the server to English when its language changes (guild update)', async () => {
    const guildId = h.discord.guilds[0]!.id;
    expect(h.bot.services.settings.peek(guildId)?.serverLanguage).toBe('uk');
    h.discord.setGuildLocale(guildId, 'en-US');
    await h.discord.waitFor(
      () => h.bot.services.settings.peek(guildId)?.serverLanguage === 'en',
      10_000,
    );
    room.publish('air-raid');
    h.blog.publish(room.page());
    await h.pollAndDeliver();
    expect(h.discord.messages(channel).map(readMoreLabel)).toEqual([UK_LABEL, EN_LABEL]);
  });
});

const runnable = (await serverFor('PostgreSQL', POSTGRES_URL)) && redisServerFor('fleet language');

describe.skipIf(!runnable)('a fleet: the sender without the guild’s shard', () => {
  let rig: FleetRig;
  let discord: LocalDiscord;
  let blog: LocalBlog;
  let env: Record<string, string>;
  const bots: RunningBot[] = [];
  const room = new Newsroom();

  const launch = async (shardIds: string, schedule: boolean) => {
    const bot = await startBot(parseConfig({ ...env, SHARD_IDS: shardIds }), {
      logger: silentLogger(),
      schedule,
      waitGuildTimeoutMs: 1_000,
    });
    bots.push(bot);
    return bot;
  };

  beforeAll(async () => {
    const guild = (name: string, preferredLocale: string) => ({
      name,
      channels: [{ name: 'alerts' }],
      members: [{ username: 'admin' }],
      preferredLocale,
    });
    rig = await startFleetRig('locale', [guild('Редакція', 'uk'), guild('Newsroom', 'en-GB')]);
    ({ discord, blog } = rig);
    env = { ...rig.env, SHARD_COUNT: '1', POLL_CRON: '*/1 * * * * *' };
  }, 60_000);

  afterAll(async () => {
    for (const bot of bots) await bot.stop();
    await rig?.close();
  });

  it('writes a Ukrainian server’s alerts in Ukrainian, and an English one’s in English', async () => {
    room.publish('aid', { history: true });
    blog.publish(room.page());
    // The sender polls and sends only: it connects no gateway shard, so it caches no guild.
    const sender = await launch('none', true);
    expect(sender.client.guilds.cache.size).toBe(0);
    await discord.waitFor(() => blog.requests.length > 0, 30_000);

    // The holder of the shard answers the admins' commands, then goes away.
    const holder = await launch('0', false);
    const [uk, en] = discord.guilds as [(typeof discord.guilds)[0], (typeof discord.guilds)[0]];
    for (const guild of [uk, en]) {
      const added = await discord.runCommand({
        guildId: guild.id,
        channelId: guild.channels[0]!.id,
        userId: guild.members[0]!.id,
        permissions: PermissionFlagsBits.ManageGuild,
        ...channelAdd(guild.channels[0]!.id),
      });
      expect(added.reply.content).toContain(`<#${guild.channels[0]!.id}>`);
    }
    await discord.waitFor(
      () => holder.services.settings.peek(uk.id)?.serverLanguage === 'uk',
      10_000,
    );
    // An English server needs nothing stored: nothing at all reads as English everywhere.
    expect(holder.services.settings.peek(en.id)?.serverLanguage).toBeUndefined();
    await holder.stop();

    // The sender learns the settings the fleet's way (the change journal), then the news.
    await discord.waitFor(
      () => sender.services.settings.peek(en.id)?.channels.length === 1,
      20_000,
    );
    room.publish('air-raid');
    blog.publish(room.page());
    await discord.waitFor(
      () => [uk, en].every((g) => discord.messages(g.channels[0]!.id).length > 0),
      30_000,
    );
    expect(readMoreLabel(discord.messages(uk.channels[0]!.id)[0])).toBe(UK_LABEL);
    expect(readMoreLabel(discord.messages(en.channels[0]!.id)[0])).toBe(EN_LABEL);
    expect(sender.client.guilds.cache.size).toBe(0);
  }, 120_000);
});
