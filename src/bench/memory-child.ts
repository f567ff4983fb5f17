/**
 * Run by memory.ts in a child process (node --expose-gc, plus --import tsx from the sources), so the figure is
 * the bot's own resident memory: the local Discord and the blogs live in the parent.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { startBot } from '../main.ts';
import { sleep } from './measure.ts';

export const MemoryInputSchema = z.object({ storeUrl: z.string(), apiUrl: z.string() });
export type MemoryInput = z.infer<typeof MemoryInputSchema>;

const StageSchema = z.object({ rss: z.number(), heapUsed: z.number() });

export const MemoryReportSchema = z.object({
  /** After the modules are loaded, before the bot starts. */
  loaded: StageSchema,
  /** Once startBot resolved: settings loaded, every guild announced by the gateway. */
  started: StageSchema,
  rss: z.number(),
  heapUsed: z.number(),
  /** Heap freed by emptying discord.js's guild, channel and user caches afterwards. */
  discordCacheHeap: z.number(),
  external: z.number(),
  guilds: z.number(),
  settings: z.number(),
  sources: z.number(),
  read: z.number(),
  unchanged: z.number(),
});
export type MemoryReport = z.infer<typeof MemoryReportSchema>;

async function settledUsage(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start this process with --expose-gc');
  for (let i = 0; i < 3; i += 1) {
    gc();
    await sleep(50);
  }
  return process.memoryUsage();
}

async function measure(input: MemoryInput): Promise<MemoryReport> {
  const loaded = await settledUsage();
  const config = parseConfig({
    DISCORD_TOKEN: 'bench-token-for-the-local-stand-in',
    DISCORD_API_URL: input.apiUrl,
    STORE_URL: input.storeUrl,
    ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
  });
  const bot = await startBot(config, {
    logger: silentLogger(),
    schedule: false,
    waitGuildTimeoutMs: 2_000,
  });
  try {
    const started = await settledUsage();
    // Two polls: the first reads every blog (first sight), the second is the steady state.
    const first = await bot.services.poller.pollAll();
    const second = await bot.services.poller.pollAll();
    await bot.services.worker.idle();
    const usage = await settledUsage();
    const { client } = bot;
    const guilds = client.guilds.cache.size;
    client.guilds.cache.clear();
    client.channels.cache.clear();
    client.users.cache.clear();
    const withoutCache = await settledUsage();
    return {
      discordCacheHeap: usage.heapUsed - withoutCache.heapUsed,
      loaded: { rss: loaded.rss, heapUsed: loaded.heapUsed },
      started: { rss: started.rss, heapUsed: started.heapUsed },
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      external: usage.external,
      guilds,
      settings: [...bot.services.settings.all()].length,
      sources: bot.services.registry.all().length,
      read: first.filter((r) => r.outcome === 'read').length,
      unchanged: second.filter((r) => r.outcome === 'unchanged').length,
    };
  } finally {
    await bot.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const input = MemoryInputSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  measure(input).then(
    (report) => {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
