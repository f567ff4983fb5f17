import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data as alertsCommand } from '../../commands/alerts.ts';
import { type LocalBlog, startLocalBlog } from '../../src/demo/blog-server.ts';
import type { LocalGuildSpec } from '../../src/local-discord/server.ts';
import { FIGURE_PREFIX } from '../support/summary-reporter.ts';
import { type Command, pingsAtMost, type Rig, replyText, startRig } from './support-bot.ts';
import { RSS_TYPE, rssFeed } from './support-feeds.ts';
import { forgeNextInteraction, swapResolved } from './support-forged-interaction.ts';

const ALPHA: LocalGuildSpec = {
  name: 'Alpha Newsroom',
  channels: [{ name: 'alerts-a' }, { name: 'news-a' }, { name: 'mods-a' }],
  roles: [{ name: 'Readers A' }],
  members: [{ username: 'admin-a' }, { username: 'member-a' }],
};
const BRAVO: LocalGuildSpec = {
  name: 'Bravo Newsroom',
  channels: [{ name: 'alerts-b' }, { name: 'mods-b' }],
  roles: [{ name: 'Readers B' }],
  members: [{ username: 'admin-b' }, { username: 'member-b' }],
};

/** Every permission a moderator might have, except the two that grant Manage Server. */
const EVERYTHING_BUT_MANAGE_SERVER = Object.values(PermissionFlagsBits).reduce(
  (all, bit) =>
    bit === PermissionFlagsBits.ManageGuild || bit === PermissionFlagsBits.Administrator
      ? all
      : all | bit,
  0n,
);

interface OptionJson {
  name: string;
  type: number;
  options?: OptionJson[];
}

describe('who may change alert settings, and where', () => {
  let rig: Rig;
  let alphaBlog: LocalBlog;
  let bravoBlog: LocalBlog;
  const A = 0;
  const B = 1;

  const role = (guild: number, name: string) =>
    rig.discord.roles(rig.guildId(guild)).find((r) => r.name === name)!.id;
  const settingsOf = (guild: number) => rig.bot.services.settings.get(rig.guildId(guild));

  /** Everything a refused command must leave alone, in both guilds. */
  const world = () =>
    JSON.stringify({
      settings: [settingsOf(A), settingsOf(B)],
      messages: rig.discord.guilds.flatMap((g) =>
        g.channels.map((c) => rig.discord.messages(c.id).length),
      ),
      roles: rig.discord.guilds.map((g) => rig.discord.roles(g.id).length),
      memberRoles: rig.discord.guilds.flatMap((g) =>
        g.members.map((m) => rig.discord.memberRoles(g.id, m.id)),
      ),
      fetches: [alphaBlog.requests.length, bravoBlog.requests.length, rig.blog.requests.length],
    });

  /** Plausible values for each option of an /alerts subcommand, in guild `guild`. */
  function optionsFor(defs: OptionJson[], guild: number): Record<string, string> {
    const values: Record<string, string> = {
      channel: rig.channelId(guild === A ? 'news-a' : 'alerts-b', guild),
      role: role(guild, guild === A ? 'Readers A' : 'Readers B'),
      url: guild === A ? alphaBlog.url : bravoBlog.url,
      topics: 'all',
      topic: 'air-raid',
      name: guild === A ? 'alpha-topic' : 'bravo-topic',
      keywords: 'zeppelin',
      exclude: 'museum',
    };
    return Object.fromEntries(defs.map((def) => [def.name, values[def.name] ?? 'x']));
  }

  /** Every /alerts subcommand as Discord would send it, with its options filled in. */
  function everySubcommand(guild: number): Command[] {
    const json = alertsCommand.toJSON() as { options: OptionJson[] };
    return json.options.flatMap((option): Command[] =>
      option.type === 2
        ? (option.options ?? []).map((sub) => ({
            name: 'alerts',
            subcommandGroup: option.name,
            subcommand: sub.name,
            options: optionsFor(sub.options ?? [], guild),
          }))
        : [
            {
              name: 'alerts',
              subcommand: option.name,
              options: optionsFor(option.options ?? [], guild),
            },
          ],
    );
  }

  async function configure(guild: number, blog: LocalBlog, topicName: string, roleName: string) {
    const alerts = rig.channelId(guild === A ? 'alerts-a' : 'alerts-b', guild);
    const run = (command: Command) => rig.admin(command, guild);
    await run({
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel: alerts, topics: 'all' },
    });
    await run({
      name: 'alerts',
      subcommandGroup: 'source',
      subcommand: 'add',
      options: { url: blog.url },
    });
    await run({
      name: 'alerts',
      subcommandGroup: 'topic',
      subcommand: 'add',
      options: { name: topicName, keywords: topicName.split(' ')[0]! },
    });
    await run({
      name: 'alerts',
      subcommand: 'role',
      options: { topic: 'air-raid', role: role(guild, roleName) },
    });
  }

  beforeAll(async () => {
    alphaBlog = await startLocalBlog();
    bravoBlog = await startLocalBlog();
    for (const blog of [alphaBlog, bravoBlog]) {
      blog.publish(
        rssFeed([{ id: 'x', title: 'Air-raid alert declared in Kyiv region' }]),
        RSS_TYPE,
      );
    }
    rig = await startRig({ guilds: [ALPHA, BRAVO], env: { BACKFILL_ON_FIRST_SIGHT: '0' } });
    rig.blog.publish(
      rssFeed([{ id: 'old', title: 'Air-raid alert declared in Kyiv region' }]),
      RSS_TYPE,
    );
    await configure(A, alphaBlog, 'Alpha topic', 'Readers A');
    await configure(B, bravoBlog, 'Bravo topic', 'Readers B');
    await rig.pollAndDeliver();
  });

  afterAll(async () => {
    await rig?.close();
    await alphaBlog?.close();
    await bravoBlog?.close();
  });

  it('has both guilds configured by their own admins', () => {
    expect(settingsOf(A).channels.map((c) => c.channelId)).toEqual([rig.channelId('alerts-a', A)]);
    expect(settingsOf(B).channels.map((c) => c.channelId)).toEqual([rig.channelId('alerts-b', B)]);
    expect(settingsOf(A).customTopics.map((t) => t.slug)).toEqual(['alpha-topic']);
    expect(settingsOf(B).sources).toEqual([bravoBlog.url]);
  });

  it('refuses every admin subcommand to a member without Manage Server, changing nothing', async () => {
    const commands = everySubcommand(A);
    expect(commands.length).toBeGreaterThanOrEqual(11);
    const before = world();
    for (const permissions of [0n, EVERYTHING_BUT_MANAGE_SERVER]) {
      for (const command of commands) {
        const what = `${command.subcommandGroup ?? ''} ${command.subcommand} (${permissions})`;
        const outcome = await rig.member({ ...command, permissions }, { guild: A });
        expect(outcome.ephemeral, what).toBe(true);
        expect(pingsAtMost(outcome.reply), what).toBe(true);
        expect(replyText(outcome), what).toMatch(/Only members with the \*\*Manage Server\*\*/);
        expect(world(), what).toBe(before);
      }
    }
    const focused: [Command, string][] = [
      [
        { name: 'alerts', subcommandGroup: 'source', subcommand: 'remove', options: { url: '' } },
        'url',
      ],
      [
        { name: 'alerts', subcommandGroup: 'topic', subcommand: 'remove', options: { name: '' } },
        'name',
      ],
      [
        { name: 'alerts', subcommandGroup: 'channel', subcommand: 'add', options: { topics: '' } },
        'topics',
      ],
    ];
    for (const [command, name] of focused) {
      const guild = rig.discord.guilds[A]!;
      const choices = await rig.discord.autocomplete({
        ...command,
        guildId: guild.id,
        channelId: guild.channels[0]!.id,
        userId: guild.members[1]!.id,
        permissions: EVERYTHING_BUT_MANAGE_SERVER,
        focused: name,
      });
      expect(choices, `autocomplete ${name}`).toEqual([]);
    }

    console.log(
      `${FIGURE_PREFIX}permissions: ${commands.length} /alerts subcommands × 2 permission sets without Manage Server refused, ${focused.length} autocompletes empty, 0 settings changed`,
    );
    // What is on disk is unchanged too: a restarted bot reads the same settings.
    await rig.bot.stop();
    await rig.restart();
    expect(world()).toBe(before);
  });

  it("ignores or refuses another guild's channel, role, source and topic passed by id", async () => {
    const bravoBefore = JSON.stringify(settingsOf(B));
    const alphaBefore = settingsOf(A);
    const alertsB = rig.channelId('alerts-b', B);
    const channelOfB = { id: alertsB, name: 'alerts-b', guild_id: rig.guildId(B) };
    const runForged = async (
      command: Command,
      kind: 'channels' | 'roles',
      replacement: Record<string, unknown> & { id: string },
    ) => {
      forgeNextInteraction(
        rig.bot.client,
        swapResolved(kind, kind === 'roles' ? 'role' : 'channel', replacement),
      );
      const outcome = await rig.admin(command, A);
      expect(outcome.ephemeral).toBe(true);
      expect(pingsAtMost(outcome.reply)).toBe(true);
      return replyText(outcome);
    };
    const messagesInB = () => rig.discord.messages(alertsB).length;
    const postedBefore = messagesInB();

    const added = await runForged(
      {
        name: 'alerts',
        subcommandGroup: 'channel',
        subcommand: 'add',
        options: { channel: rig.channelId('news-a', A), topics: 'all' },
      },
      'channels',
      channelOfB,
    );
    expect(added).toMatch(/belongs to another server/);
    expect(settingsOf(A).channels.map((c) => c.channelId)).not.toContain(alertsB);

    const tested = await runForged(
      { name: 'alerts', subcommand: 'test', options: { channel: rig.channelId('news-a', A) } },
      'channels',
      channelOfB,
    );
    expect(tested).toMatch(/belongs to another server/);
    expect(messagesInB()).toBe(postedBefore);

    await runForged(
      {
        name: 'alerts',
        subcommandGroup: 'channel',
        subcommand: 'remove',
        options: { channel: rig.channelId('news-a', A) },
      },
      'channels',
      channelOfB,
    );

    const readersB = role(B, 'Readers B');
    const roled = await runForged(
      {
        name: 'alerts',
        subcommand: 'role',
        options: { topic: 'air-raid', role: role(A, 'Readers A') },
      },
      'roles',
      { id: readersB, name: 'Readers B' },
    );
    expect(roled).toMatch(/belongs to another server/);
    expect(settingsOf(A).roles['air-raid']).toBe(alphaBefore.roles['air-raid']);

    const removeSource = await rig.admin(
      {
        name: 'alerts',
        subcommandGroup: 'source',
        subcommand: 'remove',
        options: { url: bravoBlog.url },
      },
      A,
    );
    expect(replyText(removeSource)).toMatch(/not followed by this server/);
    const removeTopic = await rig.admin(
      {
        name: 'alerts',
        subcommandGroup: 'topic',
        subcommand: 'remove',
        options: { name: 'bravo-topic' },
      },
      A,
    );
    expect(replyText(removeTopic)).toMatch(/No topic of this server/);
    const subscribe = await rig.member(
      { name: 'subscribe', options: { topic: 'bravo-topic' } },
      { guild: A },
    );
    expect(replyText(subscribe)).toMatch(/no topic/i);

    expect(JSON.stringify(settingsOf(B))).toBe(bravoBefore);
    expect(settingsOf(A)).toEqual(alphaBefore);

    // Alerts still reach each guild's own channel once, and only there.
    rig.blog.publish(
      rssFeed([
        {
          id: 'new',
          title: 'Missile strike on Kharkiv power plant',
          link: 'https://news.example/live#new',
        },
        { id: 'old', title: 'Air-raid alert declared in Kyiv region' },
      ]),
      RSS_TYPE,
    );
    await rig.pollAndDeliver();
    const about = (channel: string) =>
      rig.discord
        .messages(channel)
        .filter((m) => JSON.stringify(m.embeds).includes('Missile strike on Kharkiv')).length;
    expect(about(alertsB)).toBe(1);
    expect(about(rig.channelId('alerts-a', A))).toBe(1);
    expect(about(rig.channelId('news-a', A))).toBe(0);
  });
});
