import KeyvRedis from '@keyv/redis';
import type { StorageEngine } from './engine.ts';

/** SET NX, with PX when ARGV[2] is given. */
const INSERT_IF_ABSENT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if ARGV[2] == '' then redis.call('SET', KEYS[1], ARGV[1])
else redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1`;

/** Compare-and-set: SET only when the key still holds ARGV[1]. */
const REPLACE_IF_EQUAL = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[3] == '' then redis.call('SET', KEYS[1], ARGV[2])
else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return 1`;

/** Claim: SET when free (an expired lease is gone already) or held by ARGV[2]. */
const CLAIM = `
local held = redis.call('GET', KEYS[1])
if held then
  local ok, entry = pcall(cjson.decode, held)
  if not ok or type(entry) ~= 'table' or entry.value ~= ARGV[2] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1`;

const RELEASE = `
local held = redis.call('GET', KEYS[1])
if not held then return 0 end
local ok, entry = pcall(cjson.decode, held)
if ok and type(entry) == 'table' and entry.value == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

const ttl = (ms: number | undefined) => (ms ? String(Math.max(1, Math.ceil(ms))) : '');

/**
 * Redis through @keyv/redis. Redis expires keys itself (PX), so nothing needs sweeping.
 * By default the adapter and keyv turn a failed command into "no value"; here every
 * failure is thrown, and a command sent while the connection is down fails at once
 * instead of waiting in an offline queue: a lost store must never read as "not seen".
 */
export async function redisEngine(url: string): Promise<StorageEngine> {
  const adapter = new KeyvRedis(
    {
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 5_000,
        reconnectStrategy: (attempts: number) => Math.min(100 * 2 ** attempts, 2_000),
      },
    },
    { throwOnErrors: true, throwOnConnectError: true, connectionTimeout: 5_000 },
  );
  // The client reports a lost connection as an event too; the failing command is what counts.
  adapter.on('error', () => undefined);
  const client = await adapter.getClient();
  const run = async (script: string, key: string, args: string[]) =>
    Number(await client.eval(script, { keys: [key], arguments: args }));
  return {
    adapter,
    async readRaw(key) {
      const value = await client.get(key);
      return typeof value === 'string' ? value : undefined;
    },
    async insertIfAbsent(key, raw, ttlMs) {
      return (await run(INSERT_IF_ABSENT, key, [raw, ttl(ttlMs)])) === 1;
    },
    async replaceIfEqual(key, expected, raw, ttlMs) {
      return (await run(REPLACE_IF_EQUAL, key, [expected, raw, ttl(ttlMs)])) === 1;
    },
    async claim(key, raw, owner, leaseMs) {
      return (await run(CLAIM, key, [raw, owner, ttl(leaseMs)])) === 1;
    },
    async release(key, owner) {
      await run(RELEASE, key, [owner]);
    },
    sweepExpired: async () => 0,
    close: () => adapter.disconnect(),
  };
}
