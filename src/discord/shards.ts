import { REST, type RESTGetAPIGatewayBotResult, Routes } from 'discord.js';
import { type Config, ConfigError, outsideShardCount } from '../config.ts';

/** The gateway shards this process connects, out of how many the whole bot uses. */
export interface ShardPlan {
  count: number;
  /** Empty: this process connects no shard (SHARD_IDS=none); it polls and sends only. */
  ids: number[];
}

/**
 * Turns SHARD_COUNT and SHARD_IDS into shard ids. `auto` asks Discord's GET /gateway/bot for
 * its recommended count, so every process of a fleet started with `auto` agrees on it.
 * Undefined when neither is set: one connection for every guild, as discord.js does alone.
 */
export async function planShards(
  config: Config,
  token: string,
  fetchRecommended: (token: string) => Promise<number> = recommendedShardCount(config),
): Promise<ShardPlan | undefined> {
  const { SHARD_COUNT, SHARD_IDS } = config;
  if (SHARD_IDS === 'none') {
    return { count: typeof SHARD_COUNT === 'number' ? SHARD_COUNT : 1, ids: [] };
  }
  if (SHARD_COUNT === undefined) return undefined;
  const count = SHARD_COUNT === 'auto' ? await fetchRecommended(token) : SHARD_COUNT;
  if (SHARD_IDS === undefined) return { count, ids: Array.from({ length: count }, (_, i) => i) };
  const problems = outsideShardCount(
    SHARD_IDS,
    count,
    SHARD_COUNT === 'auto' ? `SHARD_COUNT=auto, which Discord recommends as ${count}` : '',
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return { count, ids: SHARD_IDS };
}

function recommendedShardCount(config: Config): (token: string) => Promise<number> {
  return async (token) => {
    const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {});
    const gateway = (await rest
      .setToken(token)
      .get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return gateway.shards;
  };
}

/**
 * discord.js takes SHARD_COUNT and SHARDS from the environment when its own options are left
 * at their defaults (the convention of its ShardingManager). Ours mean the same but may say
 * `auto` or `none`, and are already parsed: the client gets them through its options only.
 */
export function withoutShardVariables<T>(make: () => T): T {
  const saved = { SHARD_COUNT: process.env.SHARD_COUNT, SHARDS: process.env.SHARDS };
  delete process.env.SHARD_COUNT;
  delete process.env.SHARDS;
  try {
    return make();
  } finally {
    for (const [key, value] of Object.entries(saved))
      if (value !== undefined) process.env[key] = value;
  }
}
