import { type ScratchDatabase, scratchDatabase } from '../../src/bench/fleet-servers.ts';
import { type LocalBlog, startLocalBlog } from '../../src/demo/blog-server.ts';
import {
  type LocalDiscord,
  type LocalGuildSpec,
  startLocalDiscord,
} from '../../src/local-discord/server.ts';
import { type PrivateRedis, startPrivateRedis } from './private-redis.ts';
import { POSTGRES_URL } from './servers.ts';

/**
 * What a fleet test stands on: a scratch PostgreSQL database, a private redis-server, the
 * local Discord and a live blog on loopback, and the settings every process of it shares.
 */
export interface FleetRig {
  discord: LocalDiscord;
  blog: LocalBlog;
  database: ScratchDatabase;
  redis: PrivateRedis;
  /** The environment every process shares; a test adds its own (shards, cron, logs). */
  env: Record<string, string>;
  /** Stops the servers and drops the database; the test stops its bots first. */
  close(): Promise<void>;
}

/** `label` names the scratch database and the made-up token. */
export async function startFleetRig(label: string, guilds: LocalGuildSpec[]): Promise<FleetRig> {
  // Torn down in reverse, also when a later server fails to start.
  const started: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const stop of started.reverse()) await stop().catch(() => undefined);
  };
  try {
    const database = await scratchDatabase(POSTGRES_URL, label);
    started.push(() => database.drop());
    const redis = await startPrivateRedis();
    started.push(() => redis.stop());
    const discord = await startLocalDiscord({ guilds });
    started.push(() => discord.close());
    const blog = await startLocalBlog();
    started.push(() => blog.close());
    const env = {
      DISCORD_TOKEN: `made-up-${label}-test-token`,
      DISCORD_API_URL: discord.apiUrl,
      STORE_URL: database.url,
      REDIS_URL: redis.url,
      FLEET_LEASE_SECONDS: '3',
      SOURCES: blog.url,
      ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
    };
    return { discord, blog, database, redis, env, close };
  } catch (error) {
    await close();
    throw error;
  }
}
