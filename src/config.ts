import { validate as isValidCron } from 'node-cron';
import { z } from 'zod';
import { registerSecret } from './secrets.ts';

/**
 * Every setting the bot reads, parsed once from the environment at start-up.
 * `.env.example` documents each variable; keep the two in step.
 */

const SNOWFLAKE = /^\d{17,20}$/;

/** `false`, `true`, or a comma-separated list of CIDR ranges the operator trusts. */
const privateAccess = z.string().transform((raw, ctx): boolean | string[] => {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0' || text === 'no') return false;
  if (text === 'true' || text === '1' || text === 'yes') return true;
  const ranges = text.split(',').map((part) => part.trim());
  const cidr = /^[0-9a-f:.]+\/\d{1,3}$/;
  const bad = ranges.filter((range) => !cidr.test(range));
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `expected true, false or CIDR ranges such as 127.0.0.1/32 (bad: ${bad.join(', ')})`,
    });
    return z.NEVER;
  }
  return ranges;
});

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: `expected a whole number from ${min} to ${max}` })
    .int({ error: `expected a whole number from ${min} to ${max}` })
    .min(min, { error: `expected a whole number from ${min} to ${max}` })
    .max(max, { error: `expected a whole number from ${min} to ${max}` });

/** How many gateway shards the whole bot uses: a number, or `auto` (Discord's recommendation). */
const shardCount = z
  .string()
  .optional()
  .transform((raw, ctx): number | 'auto' | undefined => {
    const text = raw?.trim().toLowerCase() ?? '';
    if (text === '') return undefined;
    if (text === 'auto') return 'auto';
    const count = Number(text);
    if (!/^\d+$/.test(text) || count < 1 || count > 10_000) {
      ctx.addIssue({ code: 'custom', message: 'expected auto or a whole number from 1 to 10000' });
      return z.NEVER;
    }
    return count;
  });

/** The shards this process connects: comma-separated ids, `none`, or unset for all of them. */
const shardIds = z
  .string()
  .optional()
  .transform((raw, ctx): number[] | 'none' | undefined => {
    const text = raw?.trim().toLowerCase() ?? '';
    if (text === '') return undefined;
    if (text === 'none') return 'none';
    const parts = text.split(',').map((part) => part.trim());
    const bad = parts.filter((part) => !/^\d+$/.test(part));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected shard ids such as 0,1 (or none) (bad: ${bad.join(', ')})`,
      });
      return z.NEVER;
    }
    return [...new Set(parts.map(Number))].sort((a, b) => a - b);
  });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

export const EnvSchema = z.object({
  // Discord
  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: optionalText.pipe(
    z.string().regex(SNOWFLAKE, { error: 'expected a Discord application id (digits)' }).optional(),
  ),
  DISCORD_GUILD_ID: optionalText.pipe(
    z.string().regex(SNOWFLAKE, { error: 'expected a Discord server id (digits)' }).optional(),
  ),
  DISCORD_API_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'expected an http(s) URL such as http://127.0.0.1:8080/api',
      })
      .optional(),
  ),
  // Gateway sharding (README: Running more than one process)
  SHARD_COUNT: shardCount,
  SHARD_IDS: shardIds,
  // Storage
  STORE_URL: z
    .string()
    .default('sqlite://data/liveblog-alerts.sqlite')
    .refine((v) => /^(sqlite|redis|rediss|postgres|postgresql):\/\/.+/.test(v), {
      error: 'expected a sqlite://, redis:// or postgresql:// URL',
    }),
  RETENTION_DAYS: integer(1, 365).default(14),
  // Fleet
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/.+/, { error: 'expected a redis:// URL such as redis://127.0.0.1:6379' })
      .optional(),
  ),
  REDIS_PREFIX: z.string().default('liveblog-alerts'),
  FLEET_LEASE_SECONDS: integer(2, 600).default(30),
  // Polling
  POLL_CRON: z
    .string()
    .default('*/30 * * * * *')
    .refine((v) => isValidCron(v), {
      error: 'expected a cron expression such as "*/30 * * * * *" (every 30 seconds)',
    }),
  SOURCES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  BACKFILL_ON_FIRST_SIGHT: integer(0, 50).default(0),
  MAX_ALERTS_PER_SOURCE_POLL: integer(1, 100).default(10),
  POLL_CONCURRENCY: integer(1, 64).default(8),
  COVERAGE_QUIET_HOURS: integer(1, 168).default(6),
  COVERAGE_ALERT_WINDOW_MINUTES: integer(0, 1440).default(60),
  COVERAGE_CHECKS_PER_POLL: integer(1, 20).default(3),
  FETCH_TIMEOUT_MS: integer(500, 120_000).default(10_000),
  FETCH_MAX_BYTES: integer(10_000, 50_000_000).default(5_000_000),
  ALLOW_PRIVATE_SOURCES: privateAccess.default(false),
  // Logging
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json', 'auto']).default('auto'),
});

export type Config = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; every bad variable is named with what it expects. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const relevant = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = EnvSchema.safeParse(relevant);
  if (result.success) {
    const problems = shardProblems(result.data);
    if (result.data.REDIS_URL && result.data.STORE_URL.startsWith('sqlite:')) {
      problems.push(
        'REDIS_URL: a fleet needs a store every process shares; set STORE_URL to postgresql:// or redis:// (SQLite belongs to one process)',
      );
    }
    if (problems.length > 0) throw new ConfigError(problems);
    return result.data;
  }
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
  );
}

/** SHARD_IDS must name shards that exist; `auto` is checked once Discord has answered. */
function shardProblems(config: Config): string[] {
  const ids = config.SHARD_IDS;
  if (!Array.isArray(ids)) return [];
  if (config.SHARD_COUNT === undefined) {
    return ['SHARD_IDS: needs SHARD_COUNT (the number of shards of the whole bot, or auto)'];
  }
  if (config.SHARD_COUNT === 'auto') return [];
  return outsideShardCount(ids, config.SHARD_COUNT, `SHARD_COUNT=${config.SHARD_COUNT}`);
}

/** The problem with shard ids beyond the count, or none. */
export function outsideShardCount(ids: number[], count: number, countText: string): string[] {
  const outside = ids.filter((id) => id >= count);
  return outside.length === 0
    ? []
    : [
        `SHARD_IDS: ${outside.join(', ')} outside ${countText} (shard ids run from 0 to ${count - 1})`,
      ];
}

/**
 * The settings a connection to Discord cannot do without. The token is registered as a
 * secret here, where it is taken out to be used, so no text quoting it is shown or stored.
 */
export function requireDiscordToken(config: Config): string {
  if (!config.DISCORD_TOKEN) {
    throw new ConfigError([
      'DISCORD_TOKEN: required to connect to Discord (the bot token from the Developer Portal)',
    ]);
  }
  registerSecret(config.DISCORD_TOKEN);
  return config.DISCORD_TOKEN;
}

/** Reads `.env` into process.env when present; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
