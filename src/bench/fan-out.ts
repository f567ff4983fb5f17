import type { LocalGuildSpec } from '../local-discord/server.ts';
import { messagePostCounter, startBenchBot } from './bench-bot.ts';
import { airRaidUpdate, generateUpdates, smallLiveBlogPage } from './documents.ts';
import { formatMs, nowMs } from './measure.ts';
import type { BenchOptions } from './options.ts';
import type { FigureResult } from './table.ts';

const GLOBAL_LIMIT_PER_SECOND = 50;
const SHARE_OF_LIMIT = 0.9;

/** Figure 6: one alert to many channels, paced by Discord's global 50 requests/s. */
export async function benchFanOut(options: BenchOptions): Promise<FigureResult> {
  const channels = options.quick ? 100 : 1_000;
  const history = generateUpdates(10, 4);
  const guild: LocalGuildSpec = {
    name: 'Bench Fan-out',
    channels: Array.from({ length: channels }, (_, i) => ({ name: `alerts-${i}` })),
    members: [{ username: 'admin' }],
  };
  const run = await startBenchBot([guild], smallLiveBlogPage(history));
  try {
    const { discord, bot, blog } = run;
    const local = discord.guilds[0]!;
    await bot.services.settings.update(local.id, (settings) => {
      settings.channels = local.channels.map((c) => ({
        channelId: c.id,
        topics: 'all',
        announcement: false,
      }));
    });
    await bot.pollNow();
    await bot.services.worker.idle();
    const posts = messagePostCounter(discord);
    const before = posts();
    const hitsBefore = discord.rateLimitHits;
    const requestsBefore = discord.requests.length;
    blog.publish(smallLiveBlogPage([airRaidUpdate(1), ...history]));
    const started = nowMs();
    const startedAt = Date.now();
    await bot.pollNow();
    const polledMs = nowMs() - started;
    const limitMs = (channels / (GLOBAL_LIMIT_PER_SECOND * SHARE_OF_LIMIT)) * 1000;
    await discord.waitFor(() => posts() - before >= channels, limitMs * 3 + 10_000);
    const wallMs = nowMs() - started;
    await bot.services.worker.idle();
    const times = local.channels.flatMap((c) =>
      discord.messages(c.id).map((m) => Date.parse(m.createdAt)),
    );
    const firstPostMs = Math.min(...times) - startedAt;
    const perSecond = (channels / wallMs) * 1000;
    const requests = discord.requests.length - requestsBefore;
    const hits = discord.rateLimitHits - hitsBefore;
    options.log(`fan-out: ${channels} messages in ${formatMs(wallMs)}, ${hits} × 429`);
    return {
      id: 6,
      figure: `fan-out of one alert to ${channels.toLocaleString('en-US')} channels`,
      measured: `${formatMs(wallMs)}, ${perSecond.toFixed(1)} msg/s, ${hits} × 429`,
      target: `≤ ${formatMs(limitMs)} (≥ ${SHARE_OF_LIMIT * 100} % of 50/s), no 429`,
      pass: wallMs <= limitMs && hits === 0,
      how: `startBot; ${channels} channels of one local guild added through settings.update; one matching update; wall time from pollNow() (which took ${formatMs(polledMs)}, first message at ${formatMs(firstPostMs)}) to the ${channels}th message; ${requests} REST requests in that time; rateLimitHits from the local Discord`,
    };
  } finally {
    await run.close();
  }
}
