import { type ChildProcess, spawn } from 'node:child_process';
import { SettingsRepository } from '../app/settings-repository.ts';
import { type LocalBlog, startLocalBlog } from '../demo/blog-server.ts';
import { type LocalDiscord, startLocalDiscord } from '../local-discord/server.ts';
import { silentLogger } from '../logger.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { openStore } from '../store/open-store.ts';
import { Records } from '../store/records.ts';
import { messagePostCounter } from './bench-bot.ts';
import { siblingModule } from './compiled.ts';
import { airRaidUpdate, generateUpdates, smallLiveBlogPage } from './documents.ts';
import { BENCH_POSTGRES_URL, benchRedis, scratchDatabase } from './fleet-servers.ts';
import { startManyBlogs } from './many-blogs-server.ts';
import { formatMs, nowMs } from './measure.ts';
import type { BenchOptions } from './options.ts';
import { startNodeFlags } from './start-flags.ts';
import type { FigureResult } from './table.ts';

/** The bot's CLI, compiled when the bench runs from dist/ (as `npm run bench` does). */
const BOT = siblingModule(import.meta.url, '../cli/main');
const PROCESSES = 3;
const TARGET_PER_SECOND = 45;

/** SIGTERM (the bot's own shutdown), then SIGKILL if it has not ended within 15 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Figure 10: three bot processes on PostgreSQL + Redis (a database and a redis-server of the
 * bench's own), against the local Discord: one alert fanned out to 1,000 channels, and 500
 * unchanged blogs polled on POLL_CRON, counted per blog and interval.
 */
export async function benchFleet(options: BenchOptions): Promise<FigureResult> {
  const channels = options.quick ? 100 : 1_000;
  const sources = options.quick ? 20 : 500;
  const intervals = options.quick ? 1 : 3;
  const POLL_EVERY_S = options.quick ? 3 : 10;
  const database = await scratchDatabase(BENCH_POSTGRES_URL);
  const redis = await benchRedis();
  const history = generateUpdates(10, 4);
  let discord: LocalDiscord | undefined;
  let blog: LocalBlog | undefined;
  const blogs = await startManyBlogs(sources, (i) =>
    smallLiveBlogPage(generateUpdates(5, 100 + i)),
  );
  const children: ChildProcess[] = [];
  try {
    discord = await startLocalDiscord({
      guilds: [
        {
          name: 'Bench Fleet',
          channels: Array.from({ length: channels }, (_, i) => ({ name: `alerts-${i}` })),
          members: [{ username: 'admin' }],
        },
      ],
    });
    blog = await startLocalBlog();
    blog.publish(smallLiveBlogPage(history));
    const local = discord.guilds[0]!;
    // The guild's settings written by the bot's own repository before the fleet starts.
    const store = await openStore(database.url, { sweepEveryMs: 0 });
    await new SettingsRepository(new Records(store, silentLogger())).update(local.id, (s) => {
      s.channels = local.channels.map((c) => ({
        channelId: c.id,
        topics: 'all',
        announcement: false,
      }));
    });
    await store.close();
    const env = {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: 'bench-token-for-the-local-stand-in',
      DISCORD_API_URL: discord.apiUrl,
      STORE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      SOURCES: [blog.url, ...blogs.urls].join(','),
      ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
      POLL_CRON: `*/${POLL_EVERY_S} * * * * *`,
      POLL_CONCURRENCY: '16',
      LOG_LEVEL: 'error',
      LOG_FORMAT: 'json',
    };
    for (let i = 0; i < PROCESSES; i += 1) {
      children.push(
        spawn(process.execPath, [...startNodeFlags(), ...BOT.nodeArgs, BOT.path, 'start'], {
          cwd: PACKAGE_ROOT,
          env,
          stdio: 'ignore',
        }),
      );
    }
    // First sight of every blog, then whole intervals of unchanged polls, counted per blog.
    await waitUntil(() => blogs.fetches.every((n) => n >= 1), 120_000, 'every blog read once');
    // Counted between two quiet moments (no fetch for a while: every poll under way has
    // finished); the ticks between them are the cron's, so each blog polled once per tick
    // shows exactly that many fetches, however long a tick's polls take.
    const intervalMs = POLL_EVERY_S * 1000;
    const total = () => blogs.fetches.reduce((sum, n) => sum + n, 0);
    const quietMoment = async () => {
      let seen = total();
      let lastFetchAt = Date.now();
      while (Date.now() - lastFetchAt < Math.min(2_000, intervalMs / 3)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (total() !== seen) {
          seen = total();
          lastFetchAt = Date.now();
        }
      }
      return { lastFetchAt, counts: [...blogs.fetches] };
    };
    const from = await quietMoment();
    await new Promise((resolve) => setTimeout(resolve, intervals * intervalMs));
    const to = await quietMoment();
    const ticks =
      Math.floor(to.lastFetchAt / intervalMs) - Math.floor(from.lastFetchAt / intervalMs);
    const before = from.counts;
    const perBlog = to.counts.map((n, i) => n - (before[i] ?? 0));
    const fewest = Math.min(...perBlog);
    const most = Math.max(...perBlog);
    options.log(`fleet: ${sources} blogs fetched ${fewest}–${most} times in ${ticks} intervals`);

    // Counted from the requests log as they come: copying a thousand channels' messages
    // every 50 ms would stall this process, whose clock stamps each request's arrival.
    const posts = messagePostCounter(discord);
    const postsBefore = posts();
    const posted = () => posts() - postsBefore;
    const hitsBefore = discord.rateLimitHits;
    blog.publish(smallLiveBlogPage([airRaidUpdate(1), ...history]));
    const published = nowMs();
    await waitUntil(() => posted() >= channels, 300_000, `${channels} alerts`);
    const wallMs = nowMs() - published;
    const times = local.channels
      .flatMap((c) => discord!.messages(c.id).map((m) => Date.parse(m.createdAt)))
      .sort((a, b) => a - b);
    const spanMs = (times.at(-1) ?? 0) - (times[0] ?? 0);
    const perSecond = ((channels - 1) / Math.max(spanMs, 1)) * 1000;
    const hits = discord.rateLimitHits - hitsBefore;
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while ((times[i] ?? 0) - (times[j] ?? 0) >= 1000) j += 1;
      busiest = Math.max(busiest, i - j + 1);
    }
    const duplicates = posted() - channels;
    options.log(`fleet: ${channels} alerts at ${perSecond.toFixed(1)}/s, ${hits} × 429`);
    return {
      id: 10,
      figure: `fleet of ${PROCESSES} on PostgreSQL + Redis: fan-out to ${channels.toLocaleString('en-US')} channels; ${sources} unchanged blogs`,
      measured: `${perSecond.toFixed(1)} msg/s together, ${hits} × 429, busiest second ${busiest}; each blog fetched ${fewest === most ? fewest : `${fewest}–${most}`} × in ${ticks} intervals`,
      target: `≥ ${TARGET_PER_SECOND} msg/s, 0 × 429; each blog once per interval`,
      pass:
        perSecond >= TARGET_PER_SECOND &&
        hits === 0 &&
        duplicates === 0 &&
        fewest === ticks &&
        most === ticks,
      how: `${PROCESSES} × \`start\` (${BOT.compiled ? 'compiled' : 'tsx'}, with the start script's node options) with REDIS_URL (own redis-server) and STORE_URL on a scratch PostgreSQL database; POLL_CRON every ${POLL_EVERY_S} s; per-blog request counts of the loopback blogs between two quiet moments ${ticks} cron ticks apart; then one matching update: rate = messages from the first alert to the ${channels}th (${formatMs(wallMs)} from publishing, ${duplicates} duplicates); 429s from the local Discord`,
    };
  } finally {
    await Promise.all(children.map(stopChild));
    await discord?.close();
    await blog?.close();
    await blogs.close();
    await redis.stop();
    await database.drop().catch(() => undefined);
  }
}
