import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { parseConfig } from '../../src/config.ts';
import { type LocalBlog, startLocalBlog } from '../../src/demo/blog-server.ts';
import {
  type CommandInput,
  type LocalDiscord,
  type LocalGuildSpec,
  startLocalDiscord,
} from '../../src/local-discord/server.ts';
import { silentLogger } from '../../src/logger.ts';
import { type RunningBot, startBot } from '../../src/main.ts';

export const SNAPSHOT_DIR = new URL('../fixtures/feeds/seed-sequence/', import.meta.url);

export function snapshot(name: string): Buffer {
  return readFileSync(new URL(name, SNAPSHOT_DIR));
}

export interface Harness {
  discord: LocalDiscord;
  blog: LocalBlog;
  storeFile: string;
  env: Record<string, string>;
  bot: RunningBot;
  /** Starts the bot again on the same store (after `bot.stop()` or a kill). */
  restart(): Promise<RunningBot>;
  asAdmin(
    input: Omit<CommandInput, 'guildId' | 'channelId' | 'userId'>,
  ): ReturnType<LocalDiscord['runCommand']>;
  asMember(
    userIndex: number,
    input: Omit<CommandInput, 'guildId' | 'channelId' | 'userId'>,
  ): ReturnType<LocalDiscord['runCommand']>;
  /** Polls once and waits until every delivery it queued was tried. */
  pollAndDeliver(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_GUILD: LocalGuildSpec = {
  name: 'Test Newsroom',
  channels: [{ name: 'air-raid-alerts' }, { name: 'all-news', type: 5 }, { name: 'mods' }],
  members: [{ username: 'admin' }, { username: 'olena' }, { username: 'taras' }],
};

/** The real bot, on a real SQLite file, against the local Discord and a loopback blog. */
export async function startHarness(
  options: { guilds?: LocalGuildSpec[]; env?: Record<string, string> } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'lba-e2e-'));
  const discord = await startLocalDiscord({ guilds: options.guilds ?? [DEFAULT_GUILD] });
  const blog = await startLocalBlog();
  const storeFile = join(dir, 'bot.sqlite');
  const env = {
    DISCORD_TOKEN: 'made-up-test-token',
    DISCORD_API_URL: discord.apiUrl,
    STORE_URL: `sqlite://${storeFile}`,
    SOURCES: blog.url,
    ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
    ...options.env,
  };
  const launch = () =>
    startBot(parseConfig(env), {
      logger: silentLogger(),
      schedule: false,
      waitGuildTimeoutMs: 1_000,
    });
  const guild = discord.guilds[0]!;
  const harness: Harness = {
    discord,
    blog,
    storeFile,
    env,
    bot: await launch(),
    async restart() {
      harness.bot = await launch();
      return harness.bot;
    },
    asAdmin: (input) =>
      discord.runCommand({
        guildId: guild.id,
        channelId: guild.channels.at(-1)!.id,
        userId: guild.members[0]!.id,
        permissions: PermissionFlagsBits.ManageGuild,
        ...input,
      }),
    asMember: (userIndex, input) =>
      discord.runCommand({
        guildId: guild.id,
        channelId: guild.channels[0]!.id,
        userId: guild.members[userIndex]!.id,
        ...input,
      }),
    async pollAndDeliver() {
      await harness.bot.pollNow();
      await harness.bot.services.worker.idle();
    },
    async close() {
      await harness.bot.stop();
      await discord.close();
      await blog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
