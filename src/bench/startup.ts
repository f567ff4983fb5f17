import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../config.ts';
import { startLocalDiscord } from '../local-discord/server.ts';
import { silentLogger } from '../logger.ts';
import { startBot } from '../main.ts';
import { type FleetSpec, fleetGuildSpecs, prefillFleet } from './guild-fleet.ts';
import { formatCount, formatMs, median, timeAsync } from './measure.ts';
import type { BenchOptions } from './options.ts';
import type { FigureResult } from './table.ts';

const TARGET_MS = 3_000;

/** Figure 8: from startBot() to ready, with many guilds' settings to load and announce. */
export async function benchStartup(options: BenchOptions): Promise<FigureResult> {
  const guilds = options.quick ? 1_000 : 10_000;
  const runs = options.quick ? 1 : 3;
  const spec: FleetSpec = {
    guilds,
    channelsPerGuild: 3,
    dmSubscriptions: guilds * 10,
    keywordTopics: guilds / 2,
    sources: Array.from({ length: 500 }, (_, i) => `https://news.example.com/live/${i}`),
  };
  const dir = mkdtempSync(join(tmpdir(), 'lba-bench-startup-'));
  const discord = await startLocalDiscord({
    guilds: fleetGuildSpecs(spec),
    // One connection for every guild, as this figure has always measured: Discord would ask
    // for shards from 2,500 guilds, and identifies them 5 s apart, which is not the bot's time.
    guildsPerShard: spec.guilds,
  });
  try {
    const storeUrl = `sqlite://${join(dir, 'fleet.sqlite')}`;
    await prefillFleet(storeUrl, spec);
    const config = parseConfig({
      DISCORD_TOKEN: 'bench-token-for-the-local-stand-in',
      DISCORD_API_URL: discord.apiUrl,
      STORE_URL: storeUrl,
    });
    const durations: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const { ms, value: bot } = await timeAsync(() =>
        startBot(config, { logger: silentLogger(), schedule: false }),
      );
      const loaded = [...bot.services.settings.all()].length;
      const seen = bot.client.guilds.cache.size;
      await bot.stop();
      if (loaded !== guilds || seen !== guilds) {
        throw new Error(`the bot started with ${loaded} guild settings and ${seen} guilds`);
      }
      durations.push(ms);
    }
    const value = median(durations);
    options.log(`start-up: ${formatMs(value)} with ${formatCount(guilds)} guilds`);
    return {
      id: 8,
      figure: `start-up to ready, ${formatCount(guilds)} guilds' settings in SQLite`,
      measured: formatMs(value),
      target: `< ${formatMs(TARGET_MS)}`,
      pass: value < TARGET_MS,
      how: `SQLite pre-filled through SettingsRepository; startBot() timed until it resolves (settings loaded, login, READY + ${formatCount(guilds)} GUILD_CREATE from the local gateway); ${runs === 1 ? 'one run' : `median of ${runs} runs`} in a warm process (modules already loaded)`,
    };
  } finally {
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
