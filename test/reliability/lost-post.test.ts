/**
 * Issue 12: no double post after a long outage. Discord accepts an alert, the bot is killed
 * before it writes that down, and comes back ten minutes later: past the few minutes Discord
 * remembers a nonce, so a re-send would post a second copy. The restarted bot must find its
 * own alert in the channel and adopt it. Real process (kill -9), real SQLite file, the local
 * Discord with its clock moved ten minutes, the bot's clock moved the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LocalBlog, startLocalBlog } from '../../src/demo/blog-server.ts';
import { type LocalDiscord, startLocalDiscord } from '../../src/local-discord/server.ts';
import { type BotProcess, loopbackBotEnvironment, spawnBot } from '../support/bot-process.ts';
import { Newsroom } from '../support/newsroom.ts';

const TEN_MINUTES = 10 * 60_000;
/** Long enough that the killed bot never hears Discord's answer. */
const ANSWER_NEVER_ARRIVES_MS = 60_000;

let discord: LocalDiscord;
let blog: LocalBlog;
let dir: string;
let env: Record<string, string>;
const processes: BotProcess[] = [];
const room = new Newsroom();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lba-lost-post-'));
  discord = await startLocalDiscord({
    guilds: [
      {
        name: 'Outage',
        channels: [{ name: 'alerts' }, { name: 'mods' }],
        members: [{ username: 'admin' }],
      },
    ],
  });
  blog = await startLocalBlog();
  env = loopbackBotEnvironment(
    { discordApiUrl: discord.apiUrl, blogUrl: blog.url, storeFile: join(dir, 'bot.sqlite') },
    { LOG_LEVEL: 'info' },
  );
});

afterAll(async () => {
  for (const bot of processes) await bot.kill9();
  await discord?.close();
  await blog?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function start(options: { clockAheadMs?: number } = {}): BotProcess {
  const bot = spawnBot(env, options);
  processes.push(bot);
  return bot;
}

it('adopts the alert Discord accepted before the kill instead of posting it again', async () => {
  const guild = discord.guilds[0]!;
  const channel = (name: string) => guild.channels.find((c) => c.name === name)!.id;
  const alerts = channel('alerts');
  const admin = guild.members[0]!.id;
  const asAdmin = (subcommand: string, options: Record<string, string> = {}) =>
    discord.runCommand({
      guildId: guild.id,
      channelId: channel('mods'),
      userId: admin,
      permissions: PermissionFlagsBits.ManageGuild,
      name: 'alerts',
      ...(subcommand === 'status' ? {} : { subcommandGroup: 'channel' }),
      subcommand,
      options,
      timeoutMs: 20_000,
    });

  room.publish('quiet', { history: true });
  blog.publish(room.page());
  const first = start();
  await discord.waitFor(() => blog.requests.length > 0 || !first.running, 30_000);
  expect(first.running, first.output()).toBe(true);
  const added = await asAdmin('add', { channel: alerts, topics: 'all' });
  expect(added.reply.content).toContain(`<#${alerts}>`);
  const polled = blog.requests.length;
  await discord.waitFor(() => blog.requests.length > polled + 1, 20_000);

  // Discord takes the post but its answer never reaches the bot, which is then killed.
  discord.delayResponses(ANSWER_NEVER_ARRIVES_MS);
  room.publish('air-raid');
  blog.publish(room.page());
  await discord.waitFor(() => discord.messages(alerts).length === 1, 30_000);
  await first.kill9();
  discord.delayResponses(0);
  const [posted] = discord.messages(alerts);

  // Ten minutes later: Discord has forgotten the nonce; the bot comes back.
  discord.advanceClock(TEN_MINUTES);
  const fromRequest = discord.requests.length;
  const second = start({ clockAheadMs: TEN_MINUTES });
  const adopted = () => /adopting it instead of posting again/.test(second.output());
  await discord.waitFor(
    () => adopted() || discord.messages(alerts).length > 1 || !second.running,
    30_000,
  );
  expect(second.running, second.output()).toBe(true);
  expect(discord.messages(alerts).map((m) => m.id)).toEqual([posted!.id]);
  // It looked at the channel's recent messages rather than trusting the forgotten nonce.
  const looked = discord.requests
    .slice(fromRequest)
    .filter((r) => r.method === 'GET' && r.path === `/channels/${alerts}/messages`);
  expect(looked.length).toBeGreaterThan(0);

  // Recorded as sent (so never tried again): /alerts status says so, and later polls add nothing.
  let status = '';
  for (let tries = 0; tries < 60 && !status.includes('✅'); tries += 1) {
    if (tries > 0) await sleep(500);
    status = (await asAdmin('status')).reply.content;
  }
  expect(status).toContain('✅');
  const pollsAfter = blog.requests.length;
  await discord.waitFor(() => blog.requests.length > pollsAfter + 2, 20_000);
  expect(discord.messages(alerts).map((m) => m.id)).toEqual([posted!.id]);
  expect(await second.terminate()).toEqual({ code: 0, signal: null });
}, 150_000);
