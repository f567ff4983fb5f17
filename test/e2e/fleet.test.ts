/**
 * A fleet: three real bot processes (two gateway shards, and one that only polls and sends)
 * share one PostgreSQL store and one Redis, against the local Discord and a live blog on
 * loopback. Checked, each against what one process alone
 * would do wrong here:
 * - the blog is fetched once per poll interval, not once per process;
 * - one alert fanned out to many channels arrives exactly once everywhere, although a
 *   process is killed -9 in the middle (its leased places are taken over), and again after
 *   Redis restarts empty (the outbox lives in the store; the schedule is put back);
 * - together the processes stay under Discord's global limit (see the 429 count below);
 * - a setting changed through one process (a channel removed, a member subscribed) applies
 *   to the next poll, whichever process makes it.
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalBlog } from '../../src/demo/blog-server.ts';
import type { LocalDiscord } from '../../src/local-discord/server.ts';
import { storyExpectations } from '../reliability/crash-scenario.ts';
import { type BotProcess, botEnvironment, spawnBot } from '../support/bot-process.ts';
import {
  type AuditPlace,
  atMostEvery,
  auditDeliveries,
  complete,
} from '../support/delivery-audit.ts';
import { type FleetRig, startFleetRig } from '../support/fleet-rig.ts';
import { Newsroom } from '../support/newsroom.ts';
import { redisServerFor } from '../support/private-redis.ts';
import { POSTGRES_URL, serverFor } from '../support/servers.ts';

/** What each process runs as, on top of the shared settings: two gateway shards and one process that only polls and sends. */
const PROCESS_ROLES: Record<string, string>[] = [
  { SHARD_IDS: '0' },
  { SHARD_IDS: '1' },
  { SHARD_IDS: 'none' },
];
/** The process killed -9 mid-fan-out: it sends like the others but answers no commands. */
const VICTIM = 2;
const ALERT_CHANNELS = 120;
const POLL_EVERY_S = 2;
/** How often the deliveries are audited while waiting (see atMostEvery). */
const AUDIT_EVERY_MS = 250;

const runnable = (await serverFor('PostgreSQL', POSTGRES_URL)) && redisServerFor('fleet');

let rig: FleetRig;
let discord: LocalDiscord;
let blog: LocalBlog;
let env: Record<string, string>;
const processes: BotProcess[] = [];
const room = new Newsroom();

const channelName = (i: number) => `alerts-${i}`;

beforeAll(async () => {
  if (!runnable) return;
  rig = await startFleetRig('fleet', [
    {
      name: 'Fleet Newsroom',
      channels: [
        { name: 'mods' },
        ...Array.from({ length: ALERT_CHANNELS }, (_, i) => ({ name: channelName(i) })),
      ],
      members: [{ username: 'admin' }, { username: 'olena' }, { username: 'taras' }],
    },
  ]);
  ({ discord, blog } = rig);
  env = botEnvironment({
    ...rig.env,
    SHARD_COUNT: '2',
    POLL_CRON: `*/${POLL_EVERY_S} * * * * *`,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  });
}, 60_000);

afterAll(async () => {
  for (const bot of processes) await bot.kill9();
  await rig?.close();
});

function start(role: number): BotProcess {
  const bot = spawnBot({ ...env, ...PROCESS_ROLES[role] });
  processes[role] = bot;
  return bot;
}

function outputs(): string {
  return processes.map((p, i) => `--- process ${i}\n${p.output()}`).join('\n');
}

it.skipIf(!runnable)(
  'three processes act as one bot: one fetch per interval, each alert once, under the global limit',
  async () => {
    const guild = discord.guilds[0]!;
    const channelId = (name: string) => guild.channels.find((c) => c.name === name)!.id;
    const [admin, olena, taras] = guild.members.map((m) => m.id) as [string, string, string];
    const expectations = await storyExpectations();
    const command = (userId: string, input: Record<string, unknown>) =>
      discord.runCommand({
        guildId: guild.id,
        channelId: channelId('mods'),
        userId,
        ...(userId === admin ? { permissions: PermissionFlagsBits.ManageGuild } : {}),
        ...input,
      } as Parameters<LocalDiscord['runCommand']>[0]);

    for (const kind of ['air-raid', 'aid'] as const) room.publish(kind, { history: true });
    blog.publish(room.page());
    const startedAt = Date.now();
    for (const role of PROCESS_ROLES.keys()) start(role);
    await discord.waitFor(() => blog.requests.length > 0, 60_000);

    for (let i = 0; i < ALERT_CHANNELS; i += 1) {
      const added = await command(admin, {
        name: 'alerts',
        subcommandGroup: 'channel',
        subcommand: 'add',
        options: { channel: channelId(channelName(i)), topics: 'all' },
      });
      expect(added.reply.content, outputs()).toContain(`<#${channelId(channelName(i))}>`);
    }
    const subscribed = await command(olena, {
      name: 'subscribe',
      options: { topic: 'air-raid', delivery: 'dm' },
    });
    expect(subscribed.reply.content).toContain('direct message');
    const polled = blog.requests.length;
    await discord.waitFor(() => blog.requests.length > polled, 30_000);

    const channelPlaces = (from: number): AuditPlace[] =>
      Array.from({ length: ALERT_CHANNELS - from }, (_, i) => ({
        label: `#${channelName(i + from)}`,
        kind: 'channel' as const,
        id: channelId(channelName(i + from)),
        topics: 'all' as const,
      }));
    const dm = (id: string, label: string): AuditPlace => ({
      label,
      kind: 'dm',
      id,
      topics: ['air-raid'],
    });

    // 1. A fan-out, and a process killed -9 in the middle of it.
    const first = room.publish('air-raid');
    blog.publish(room.page());
    const placesFirst = [...channelPlaces(0), dm(olena, 'DM olena')];
    const storiesOf = (ids: number[]) => expectations(room).filter((s) => ids.includes(s.id));
    const auditFirst = () =>
      auditDeliveries(discord, placesFirst, storiesOf([first.id]), { onlyThese: true });
    await discord.waitFor(
      atMostEvery(AUDIT_EVERY_MS, () => auditFirst().delivered >= 15),
      60_000,
    );
    const deliveredAtKill = auditFirst().delivered;
    await processes[VICTIM]!.kill9();
    await discord
      .waitFor(
        atMostEvery(AUDIT_EVERY_MS, () => complete(auditFirst())),
        90_000,
      )
      .catch(() => undefined);
    expect(auditFirst().problems, outputs()).toEqual([]);
    start(VICTIM);

    // 2. Settings changed through whichever process answers the command.
    const removed = await command(admin, {
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'remove',
      options: { channel: channelId(channelName(0)) },
    });
    expect(removed.reply.content).toContain(`<#${channelId(channelName(0))}>`);
    const tarasSubscribed = await command(taras, {
      name: 'subscribe',
      options: { topic: 'air-raid', delivery: 'dm' },
    });
    expect(tarasSubscribed.reply.content).toContain('direct message');

    // 3. Redis restarts with nothing in it; the next alert still arrives once everywhere.
    await rig.redis.restartEmpty();
    const second = room.publish('air-raid');
    blog.publish(room.page());
    const placesSecond = [...channelPlaces(1), dm(olena, 'DM olena'), dm(taras, 'DM taras')];
    const auditSecond = () =>
      auditDeliveries(discord, placesSecond, storiesOf([second.id]), { onlyThese: true });
    await discord
      .waitFor(
        atMostEvery(AUDIT_EVERY_MS, () => complete(auditSecond())),
        120_000,
      )
      .catch(() => undefined);
    expect(auditSecond().problems, outputs()).toEqual([]);
    const removedChannel = auditDeliveries(
      discord,
      [{ ...channelPlaces(0)[0]!, topics: [] }],
      storiesOf([second.id]),
      { onlyThese: true },
    );
    expect(removedChannel.unexpected, 'an alert in the channel removed').toBe(0);
    expect(auditFirst().problems, 'the first alert, after everything').toEqual([]);

    // Every process still alive, having run the whole time (the killed one restarted).
    for (const [index, bot] of processes.entries()) {
      expect(bot.running, `process ${index} died:\n${bot.output()}`).toBe(true);
    }

    // Fetches: at most one per interval in all (three uncoordinated processes make three).
    const elapsedS = (Date.now() - startedAt) / 1000;
    const fetches = blog.requests.length;
    expect(fetches).toBeLessThanOrEqual(Math.ceil(elapsedS / POLL_EVERY_S) + 2);

    // The global limit, as the local Discord enforces it (Discord's fixed one-second
    // windows, counted as each request arrives). Three processes pacing each on its own
    // draw dozens of 429s on this fan-out. The fleet shares one pace through Redis, takes
    // each turn immediately before its request leaves, and lets a turn pass rather than
    // send late beside the next one, so a busy process adds no catch-up burst. The
    // busiest sliding second is reported.
    const posted = [
      ...placesSecond.flatMap((p) =>
        p.kind === 'channel' ? discord.messages(p.id) : discord.dms(p.id),
      ),
      ...discord.messages(channelId(channelName(0))),
    ]
      .filter((m) => m.embeds.length > 0)
      .map((m) => Date.parse(m.createdAt))
      .sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0, j = 0; i < posted.length; i += 1) {
      while (posted[i]! - posted[j]! >= 1000) j += 1;
      busiest = Math.max(busiest, i - j + 1);
    }
    expect(discord.rateLimitHits).toBe(0);
    console.log(
      `[figure] fleet of ${PROCESS_ROLES.length}: ${posted.length} alerts, each once; ` +
        `killed one process after ${deliveredAtKill} of ${placesFirst.length}; Redis restarted empty; ` +
        `busiest second ${busiest} messages, ${discord.rateLimitHits} × 429; ` +
        `${fetches} fetches in ${elapsedS.toFixed(0)} s at one poll per ${POLL_EVERY_S} s`,
    );
    for (const bot of processes) await bot.terminate();
  },
  300_000,
);
