import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseConfig } from '../../src/config.ts';
import { shardOfGuild } from '../../src/local-discord/gateway.ts';
import { type LocalDiscord, startLocalDiscord } from '../../src/local-discord/server.ts';
import { silentLogger } from '../../src/logger.ts';
import { type RunningBot, startBot } from '../../src/main.ts';
import { botEnvironment, spawnBot } from '../support/bot-process.ts';

const DISCORD_EPOCH = 1_420_070_400_000n;
const base = BigInt(Date.UTC(2024, 0, 1)) - DISCORD_EPOCH;

/** A guild id whose shard out of `count` is `shard`: Discord's rule is (id >> 22) % count. */
const guildOnShard = (shard: number, count: number, n: number) =>
  String(((base + BigInt(n * count + shard)) << 22n) | 1n);

/** Four guilds, two on each of two shards, each with one channel. */
const GUILDS = [0, 1, 0, 1].map((shard, i) => ({
  id: guildOnShard(shard, 2, i),
  name: `Guild ${i} (shard ${shard})`,
  channels: [{ name: 'news' }],
  members: [{ username: `member${i}` }],
}));

/** Connects a raw gateway socket, identifies as `shard`, and says how the gateway answered. */
function identify(discord: LocalDiscord, shard: [number, number]) {
  return new Promise<{ ready?: { guilds: { id: string }[]; shard: number[] }; closed?: number }>(
    (resolve, reject) => {
      const ws = new WebSocket(discord.apiUrl.replace(/^http/, 'ws').replace(/\/api$/, '/gateway'));
      ws.on('error', reject);
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { op: number; t?: string; d: never };
        if (frame.op === 10)
          ws.send(JSON.stringify({ op: 2, d: { token: 't', intents: 1, shard } }));
        if (frame.t === 'READY') {
          resolve({ ready: frame.d });
          ws.close(1000);
        }
      });
      ws.on('close', (code) => resolve({ closed: code }));
    },
  );
}

describe('the local Discord shards its gateway like Discord', () => {
  let discord: LocalDiscord;
  beforeAll(async () => {
    discord = await startLocalDiscord({ guilds: GUILDS, guildsPerShard: 2 });
  });
  afterAll(() => discord.close());

  it('announces to each shard only the guilds it owns', async () => {
    for (const shard of [0, 1]) {
      const { ready } = await identify(discord, [shard, 2]);
      expect(ready?.shard).toEqual([shard, 2]);
      expect(ready?.guilds.map((g) => g.id).sort()).toEqual(
        GUILDS.filter((g) => shardOfGuild(g.id, 2) === shard)
          .map((g) => g.id)
          .sort(),
      );
    }
  });

  it('closes with 4010 for a shard that does not exist and 4011 when one shard would hold too many guilds', async () => {
    expect(await identify(discord, [2, 2])).toEqual({ closed: 4010 });
    expect(await identify(discord, [0, 0])).toEqual({ closed: 4010 });
    // guildsPerShard is 2 here: one connection for all four guilds is refused.
    expect(await identify(discord, [0, 1])).toEqual({ closed: 4011 });
  });
});

describe('two bots, SHARD_IDS 0 and 1 of SHARD_COUNT 2', () => {
  let discord: LocalDiscord;
  let dir: string;
  const bots: RunningBot[] = [];
  /** Per bot: the guilds whose interactions it received. */
  const received: string[][] = [[], []];

  beforeAll(async () => {
    discord = await startLocalDiscord({ guilds: GUILDS, recommendedShards: 2 });
    dir = mkdtempSync(join(tmpdir(), 'lba-shards-'));
    for (const shard of [0, 1]) {
      const config = parseConfig({
        DISCORD_TOKEN: 'shard-test-token',
        DISCORD_API_URL: discord.apiUrl,
        STORE_URL: `sqlite://${join(dir, `bot${shard}.sqlite`)}`,
        SHARD_COUNT: '2',
        SHARD_IDS: String(shard),
      });
      const bot = await startBot(config, { logger: silentLogger(), schedule: false });
      bot.client.on(Events.InteractionCreate, (interaction) => {
        received[shard]?.push(interaction.guildId ?? 'DM');
      });
      bots.push(bot);
    }
  }, 60_000);

  afterAll(async () => {
    for (const bot of bots) await bot.stop();
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each sees only the guilds of its shard', () => {
    for (const [shard, bot] of bots.entries()) {
      expect([...bot.client.guilds.cache.keys()].sort()).toEqual(
        GUILDS.filter((g) => shardOfGuild(g.id, 2) === shard)
          .map((g) => g.id)
          .sort(),
      );
    }
  });

  it("each answers its own guilds' commands, and no command is answered twice", async () => {
    const resolved = discord.guilds;
    for (const guild of resolved) {
      const outcome = await discord.runCommand({
        guildId: guild.id,
        channelId: guild.channels[0]!.id,
        userId: guild.members[0]!.id,
        name: 'topics',
        timeoutMs: 20_000,
      });
      expect(outcome.reply.content + JSON.stringify(outcome.reply.embeds)).toMatch(/air-raid/);
    }
    for (const shard of [0, 1]) {
      expect(received[shard]?.sort()).toEqual(
        GUILDS.filter((g) => shardOfGuild(g.id, 2) === shard)
          .map((g) => g.id)
          .sort(),
      );
    }
    const callbacks = discord.requests.filter((r) =>
      /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path),
    );
    const perInteraction = new Map<string, number>();
    for (const request of callbacks) {
      const id = request.path.split('/')[2]!;
      perInteraction.set(id, (perInteraction.get(id) ?? 0) + 1);
    }
    expect(perInteraction.size).toBe(GUILDS.length);
    expect([...perInteraction.values()].every((count) => count === 1)).toBe(true);
  }, 120_000);
});

describe('SHARD_COUNT=auto', () => {
  it("asks Discord's /gateway/bot for the count, with the variables read from the environment", async () => {
    const discord = await startLocalDiscord({ guilds: GUILDS, recommendedShards: 2 });
    const dir = mkdtempSync(join(tmpdir(), 'lba-shards-auto-'));
    const bot = spawnBot(
      botEnvironment({
        DISCORD_TOKEN: 'shard-test-token',
        DISCORD_API_URL: discord.apiUrl,
        STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
        SHARD_COUNT: 'auto',
        SHARD_IDS: '1',
        LOG_FORMAT: 'json',
      }),
    );
    try {
      await discord.waitFor(() => /connected to Discord/.test(bot.output()), 60_000);
      const line = bot
        .output()
        .split('\n')
        .find((l) => l.includes('connected to Discord'))!;
      expect(JSON.parse(line)).toMatchObject({ shards: [1], shardCount: 2, guilds: 2 });
      expect(discord.requests.some((r) => r.path === '/gateway/bot')).toBe(true);
    } finally {
      await bot.terminate();
      await discord.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
