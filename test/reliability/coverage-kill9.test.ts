/**
 * Following a newsroom's coverage end to end: the real bot as its own process (real
 * discord.js client, real SQLite file) against the local Discord and a loopback newsroom
 * whose tag page and RSS feed list one live blog a day among ordinary articles. The admin
 * adds the tag page with /alerts source add; the operator set the feed in SOURCES. Day 2's
 * blog appears while day 1's still has news, and the bot is killed with SIGKILL across the
 * switch: while it checks the new blog, while it reads it, and just after Discord accepted
 * an alert. Every alert due arrives exactly once; old news of day 2 never; day 1 stops
 * being fetched once it has ended.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LocalDiscord, startLocalDiscord } from '../../src/local-discord/server.ts';
import { type BotProcess, loopbackBotEnvironment, spawnBot } from '../support/bot-process.ts';
import {
  CoverageNewsroom,
  type DayEntry,
  dayPath,
  FEED_PATH,
  SECTION_PATH,
} from '../support/coverage-newsroom.ts';

let discord: LocalDiscord;
let room: CoverageNewsroom;
let dir: string;
let env: Record<string, string>;
const processes: BotProcess[] = [];

function start(): BotProcess {
  const bot = spawnBot(env);
  processes.push(bot);
  return bot;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lba-coverage-kill-'));
  discord = await startLocalDiscord({
    guilds: [
      {
        name: 'Coverage Newsroom',
        channels: [{ name: 'news-all' }, { name: 'mods' }],
        members: [{ username: 'admin' }],
      },
    ],
  });
  room = await CoverageNewsroom.start();
  env = loopbackBotEnvironment(
    {
      discordApiUrl: discord.apiUrl,
      blogUrl: room.url(FEED_PATH),
      storeFile: join(dir, 'bot.sqlite'),
    },
    { LOG_LEVEL: 'info' },
  );
});

afterAll(async () => {
  for (const bot of processes) await bot.kill9();
  await discord?.close();
  await room?.site.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The entry ids of the alerts in a channel, in order (from each embed's permalink). */
function alerted(channelId: string): string[] {
  return discord
    .messages(channelId)
    .filter((message) => message.embeds.length > 0)
    .map((message) => {
      const url = (message.embeds[0] as { url?: string }).url ?? '';
      return url.slice(url.indexOf('#') + 1);
    });
}

function problems(channelId: string, due: DayEntry[], never: DayEntry[]): string[] {
  const ids = alerted(channelId);
  const out: string[] = [];
  for (const entry of due) {
    const count = ids.filter((id) => id === entry.id).length;
    if (count !== 1) out.push(`${entry.id} (${entry.title}) arrived ${count} times`);
  }
  for (const entry of never) {
    if (ids.includes(entry.id)) out.push(`${entry.id} (${entry.title}) alerted, but is history`);
  }
  const known = new Set([...due, ...never].map((entry) => entry.id));
  for (const id of ids) if (!known.has(id)) out.push(`unexpected alert ${id}`);
  return out;
}

/** Waits for a condition, or for the bot to die; says which. */
async function until(bot: BotProcess, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  await discord.waitFor(() => condition() || !bot.running, timeoutMs);
  expect(bot.running, `the bot died:\n${bot.output()}`).toBe(true);
}

it('follows day 1, switches to day 2 without storm or gap across kill -9, and lets day 1 go when it ends', async () => {
  const guild = discord.guilds[0]!;
  const news = guild.channels.find((c) => c.name === 'news-all')!.id;
  const mods = guild.channels.find((c) => c.name === 'mods')!.id;
  const admin = guild.members[0]!.id;
  const asAdmin = (subcommandGroup: string, subcommand: string, options: Record<string, string>) =>
    discord.runCommand({
      guildId: guild.id,
      channelId: mods,
      userId: admin,
      permissions: PermissionFlagsBits.ManageGuild,
      name: 'alerts',
      subcommandGroup,
      subcommand,
      options,
    });

  // Day 1 has news from before the bot ever looked: history.
  room.startDay(1, 20);
  const history = [room.post(1, 'air-raid', 600), room.post(1, 'aid', 240)];
  room.list(1);

  let bot = start();
  // Polls start once the bot is connected: the operator's feed is the first thing it reads.
  await until(bot, () => room.site.requestsTo(FEED_PATH).length > 0);
  const channel = await asAdmin('channel', 'add', { channel: news, topics: 'all' });
  expect(channel.reply.content).toContain(`<#${news}>`);
  const added = await asAdmin('source', 'add', { url: room.url(SECTION_PATH) });
  expect(added.reply.content).toContain('Coverage: Example News — Ukraine; following now:');
  expect(added.reply.content).toContain('Russia-Ukraine war live: day 1');

  // First sight of both listings and of day 1, written down (a later read proves it).
  await until(bot, () => room.site.requestsTo(dayPath(1)).length >= 3);
  await sleep(1_500);
  expect(alerted(news)).toEqual([]);

  // Day 1 news alerts once, though the tag page and the feed both lead to it.
  const raid = room.post(1, 'air-raid', 0);
  await until(bot, () => alerted(news).length >= 1);

  // Day 2 starts; its older news is history, its news of the last minutes is news. Day 1
  // has late news too. The bot is killed while it checks day 2, then while it reads it.
  room.startDay(2, 3);
  const old2 = room.post(2, 'air-raid', 150);
  const fresh2 = room.post(2, 'air-raid', 10);
  const late1 = room.post(1, 'aid', 0);
  room.list(2, 1);
  await until(bot, () => room.site.requestsTo(dayPath(2)).length >= 1);
  await bot.kill9();
  bot = start();
  const reads = room.site.requestsTo(dayPath(2)).length;
  await until(bot, () => room.site.requestsTo(dayPath(2)).length > reads);
  await sleep(Math.floor(Math.random() * 20));
  await bot.kill9();

  // Once more, just after Discord accepted an alert the bot has not yet marked sent.
  bot = start();
  const requests = discord.requests.length;
  await until(bot, () =>
    discord.requests
      .slice(requests)
      .some(
        (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status < 300,
      ),
  );
  await bot.kill9();

  bot = start();
  const due = [raid, fresh2, late1];
  const never = [...history, old2];
  await until(bot, () => problems(news, due, never).length === 0, 60_000).catch(() => undefined);
  expect(problems(news, due, never)).toEqual([]);

  const polled = room.site.requestsTo(SECTION_PATH).length;
  await until(bot, () => room.site.requestsTo(SECTION_PATH).length >= polled + 2, 15_000);
  // The status says what the tag page follows now: day 2 first, day 1 still (it has news).
  const status = await discord.runCommand({
    guildId: guild.id,
    channelId: mods,
    userId: admin,
    permissions: PermissionFlagsBits.ManageGuild,
    name: 'alerts',
    subcommand: 'status',
  });
  expect(status.reply.content, bot.output()).toContain('coverage: Example News — Ukraine');
  expect(status.reply.content).toMatch(/following \[Russia-Ukraine war live: day 2\]/);
  expect(status.reply.content).toMatch(/also \[Russia-Ukraine war live: day 1\]/);
  expect(status.reply.content).toContain('last switched');

  // Day 1 ends with a last piece of news: alerted, then day 1 is no longer fetched.
  const last1 = room.post(1, 'air-raid', 0);
  room.end(1);
  due.push(last1);
  await until(bot, () => problems(news, due, never).length === 0, 30_000).catch(() => undefined);
  expect(problems(news, due, never)).toEqual([]);
  const fetched = room.site.requestsTo(dayPath(1)).length;
  const listings = room.site.requestsTo(SECTION_PATH).length;
  await until(bot, () => room.site.requestsTo(SECTION_PATH).length >= listings + 4);
  expect(room.site.requestsTo(dayPath(1)).length).toBeLessThanOrEqual(fetched + 1);
  const settled = room.site.requestsTo(dayPath(1)).length;
  const more = room.site.requestsTo(SECTION_PATH).length;
  await until(bot, () => room.site.requestsTo(SECTION_PATH).length >= more + 3);
  expect(room.site.requestsTo(dayPath(1)).length).toBe(settled);

  const exit = await bot.terminate();
  expect(exit).toEqual({ code: 0, signal: null });
  const errors = processes.flatMap((p) =>
    p
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line)),
  );
  expect(errors).toEqual([]);
}, 170_000);
