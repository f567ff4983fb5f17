import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../config.ts';
import { type LocalBlog, startLocalBlog } from '../demo/blog-server.ts';
import {
  type LocalDiscord,
  type LocalGuildSpec,
  startLocalDiscord,
} from '../local-discord/server.ts';
import { silentLogger } from '../logger.ts';
import { type RunningBot, startBot } from '../main.ts';

export interface BenchBot {
  discord: LocalDiscord;
  blog: LocalBlog;
  bot: RunningBot;
  close(): Promise<void>;
}

/**
 * The real bot (discord.js client, SQLite file, scheduler off) against the local Discord and
 * one loopback live blog, all in this process. `firstPage` is served before the bot starts.
 */
export async function startBenchBot(
  guilds: LocalGuildSpec[],
  firstPage: string,
  env: Record<string, string> = {},
): Promise<BenchBot> {
  const dir = mkdtempSync(join(tmpdir(), 'lba-bench-bot-'));
  const discord = await startLocalDiscord({ guilds });
  const blog = await startLocalBlog();
  blog.publish(firstPage);
  const cleanUp = async () => {
    await discord.close();
    await blog.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const config = parseConfig({
      DISCORD_TOKEN: 'bench-token-for-the-local-stand-in',
      DISCORD_API_URL: discord.apiUrl,
      STORE_URL: `sqlite://${join(dir, 'bench.sqlite')}`,
      SOURCES: blog.url,
      ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
      ...env,
    });
    const bot = await startBot(config, {
      logger: silentLogger(),
      schedule: false,
      waitGuildTimeoutMs: 1_000,
    });
    return {
      discord,
      blog,
      bot,
      async close() {
        await bot.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Counts accepted message posts as the local Discord records them, without rescanning. */
export function messagePostCounter(discord: LocalDiscord): () => number {
  let scanned = 0;
  let posts = 0;
  return () => {
    const requests = discord.requests;
    for (; scanned < requests.length; scanned += 1) {
      const request = requests[scanned];
      if (
        request?.method === 'POST' &&
        request.status === 200 &&
        /^\/channels\/\d+\/messages$/.test(request.path)
      ) {
        posts += 1;
      }
    }
    return posts;
  };
}
