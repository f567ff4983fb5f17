/**
 * kill -9 at many moments: the bot runs as its own process on a real SQLite file, polls a
 * loopback live blog every second and posts to the local Discord this test hosts. It is
 * killed again and again (while starting, polling, writing its store, posting, editing,
 * publishing) and restarted on the same store while the blog keeps changing. At the end
 * every alert due must be in Discord exactly once, showing the update's latest text.
 *
 * Why a re-sent alert does not double: a post that Discord accepted just before the kill
 * is still `pending` in the outbox, so the next process sends it again with the same
 * nonce and `enforce_nonce`; Discord answers with the message it already has. Discord
 * remembers nonces for about five minutes (the local server for exactly five), so the
 * guarantee holds for a bot that is back within minutes, which is what a supervisor
 * restart gives. This whole test takes well under five minutes, as it must.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LocalBlog, startLocalBlog } from '../../src/demo/blog-server.ts';
import { type LocalDiscord, startLocalDiscord } from '../../src/local-discord/server.ts';
import { type BotProcess, botEnvironment, spawnBot } from '../support/bot-process.ts';
import { type Audit, auditDeliveries, complete } from '../support/delivery-audit.ts';
import { Newsroom, type StoryKind } from '../support/newsroom.ts';
import { type KillMoment, reachMoment } from './crash-kill-moments.ts';
import {
  auditPlaces,
  CHANNEL_SETUP,
  CRASH_GUILD,
  DM_TOPICS,
  seededRandom,
  storyExpectations,
} from './crash-scenario.ts';

/** Each moment at least once; never two start-up kills in a row (they skip a poll each). */
const KILLS: KillMoment[] = [
  'mid-poll',
  'post-accepted',
  'store-write',
  'half-delivered',
  'edit-under-way',
  'start-up',
  'publish-under-way',
  'logged-in',
  'store-write',
  'post-accepted',
  'mid-poll',
  'edit-under-way',
];

const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
const random = seededRandom(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

let discord: LocalDiscord;
let blog: LocalBlog;
let dir: string;
let storeFile: string;
let env: Record<string, string>;
const room = new Newsroom();
let expectedStories: Awaited<ReturnType<typeof storyExpectations>>;
const processes: BotProcess[] = [];

function start(): BotProcess {
  const bot = spawnBot(env);
  processes.push(bot);
  return bot;
}

function audit(): Audit {
  return auditDeliveries(discord, auditPlaces(discord), expectedStories(room));
}

/** What the newsroom does while the bot is down: new stories, and corrections of older ones. */
function newsBetweenRestarts(): void {
  const kinds: StoryKind[] = ['air-raid', 'aid', 'diplomacy', 'frontline', 'quiet'];
  const count = 2 + Math.floor(random() * 3);
  for (let i = 0; i < count; i += 1) room.publish(i === 0 ? 'air-raid' : pick(kinds));
  const older = room.all().filter((story) => !story.history);
  for (let i = 0; i < 2 && older.length > count; i += 1) {
    const story = pick(older.slice(0, older.length - count));
    // Only stories that are not yet air-raid ones can become one: topics are only ever added.
    room.edit(story.id, { addAirRaid: story.kind !== 'air-raid' && random() < 0.4 });
  }
  if (random() < 0.5) room.edit(pick(room.all().filter((story) => story.history)).id);
  blog.publish(room.page());
}

beforeAll(async () => {
  expectedStories = await storyExpectations();
  dir = mkdtempSync(join(tmpdir(), 'lba-crash-'));
  storeFile = join(dir, 'bot.sqlite');
  discord = await startLocalDiscord({ guilds: [CRASH_GUILD] });
  blog = await startLocalBlog();
  env = botEnvironment({
    DISCORD_TOKEN: 'made-up-crash-test-token',
    DISCORD_API_URL: discord.apiUrl,
    STORE_URL: `sqlite://${storeFile}`,
    SOURCES: blog.url,
    ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
    POLL_CRON: '* * * * * *',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    // The flood guard drops alerts on purpose when one poll finds many new updates; kills
    // that land before a poll is written down let new updates pile up, which is not the
    // loss this test looks for.
    MAX_ALERTS_PER_SOURCE_POLL: '50',
  });
});

afterAll(async () => {
  for (const bot of processes) await bot.kill9();
  await discord?.close();
  await blog?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('loses and doubles no alert however often the bot is killed', async () => {
  const guild = discord.guilds[0]!;
  const channelId = (name: string) => guild.channels.find((c) => c.name === name)!.id;
  const [admin, reader] = guild.members.map((m) => m.id) as [string, string];

  // History: on the blog before the bot first reads it, so never alerted.
  for (const kind of ['air-raid', 'aid', 'quiet', 'diplomacy'] as const) {
    room.publish(kind, { history: true });
  }
  blog.publish(room.page());

  const first = start();
  await discord.waitFor(() => blog.requests.length > 0 || !first.running, 60_000);
  expect(first.running, first.output()).toBe(true);
  for (const [name, topics] of CHANNEL_SETUP) {
    const added = await discord.runCommand({
      guildId: guild.id,
      channelId: channelId('mods'),
      userId: admin,
      permissions: PermissionFlagsBits.ManageGuild,
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel: channelId(name), topics },
    });
    expect(added.reply.content).toContain(`<#${channelId(name)}>`);
  }
  for (const topic of DM_TOPICS) {
    const subscribed = await discord.runCommand({
      guildId: guild.id,
      channelId: channelId('news-all'),
      userId: reader,
      name: 'subscribe',
      options: { topic, delivery: 'dm' },
    });
    expect(subscribed.reply.content).toContain('direct message');
  }
  // A further poll proves the first one (first sight of the blog) was written down.
  const polled = blog.requests.length;
  await discord.waitFor(() => blog.requests.length > polled, 10_000);

  const kills: { moment: KillMoment; reached: boolean }[] = [];
  let bot = first;
  for (const moment of KILLS) {
    await bot.kill9();
    newsBetweenRestarts();
    bot = start();
    const owed = audit();
    const reached = await reachMoment(moment, {
      bot,
      discord,
      blog,
      storeFile,
      alertCount: () => {
        const now = audit();
        return now.delivered + now.duplicated;
      },
      owed: owed.lost,
      random,
    });
    expect(bot.running, `the bot died by itself before ${moment}:\n${bot.output()}`).toBe(true);
    kills.push({ moment, reached });
  }
  await bot.kill9();

  // The last process runs until everything due has arrived, then a few quiet polls more.
  bot = start();
  await discord.waitFor(() => complete(audit()) || !bot.running, 90_000).catch(() => undefined);
  const settled = blog.requests.length;
  await discord.waitFor(() => blog.requests.length >= settled + 3 || !bot.running, 10_000);
  const final = audit();
  const exit = await bot.terminate();

  const edited = expectedStories(room).filter(
    (story) => story.topics.length > 0 && (room.get(story.id)?.revision ?? 1) > 1,
  ).length;
  const missed = kills.filter((k) => !k.reached).map((k) => k.moment);
  console.log(
    `[figure] crash test (kill -9): ${kills.length} kills survived ` +
      `(${kills.length - missed.length} at the moment aimed for), ${final.expected} alerts expected, ` +
      `${final.delivered} delivered, ${final.duplicated} duplicated, ${final.lost} lost; ` +
      `${edited} edited updates, ${final.stale} alerts left showing an old version (seed ${seed})`,
  );
  const context = [
    `seed ${seed} (CRASH_SEED=${seed} replays these blog changes and kill choices)`,
    `kill moments not reached (killed at the time-out instead): ${missed.join(', ') || 'none'}`,
    ...final.problems.slice(0, 30),
    '--- last process output ---',
    bot.output(),
  ].join('\n');
  expect(final.problems, context).toEqual([]);
  expect(final.expected, context).toBeGreaterThan(60);
  expect(exit, context).toEqual({ code: 0, signal: null });
  const errors = processes.flatMap((p) =>
    p
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line)),
  );
  expect(errors, context).toEqual([]);
}, 170_000);
