import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalDiscord } from '../local-discord/server.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { siblingModule } from './compiled.ts';
import { generateUpdates, smallLiveBlogPage } from './documents.ts';
import { type FleetSpec, fleetGuildSpecs, prefillFleet } from './guild-fleet.ts';
import { startManyBlogs } from './many-blogs-server.ts';
import { formatCount, formatMb } from './measure.ts';
import { type MemoryInput, type MemoryReport, MemoryReportSchema } from './memory-child.ts';
import type { BenchOptions } from './options.ts';
import { startNodeFlags } from './start-flags.ts';
import type { FigureResult } from './table.ts';

const TARGET_MB = 200;
const CHILD = siblingModule(import.meta.url, 'memory-child');

/** Figure 7: the bot's resident memory with a large fleet of guilds, in a child process. */
export async function benchMemory(options: BenchOptions): Promise<FigureResult> {
  const scale = options.quick ? 10 : 1;
  const blogs = await startManyBlogs(500, (i) =>
    smallLiveBlogPage(generateUpdates(20, 200 + (i % 10))),
  );
  const spec: FleetSpec = {
    guilds: 10_000 / scale,
    channelsPerGuild: 3,
    dmSubscriptions: 100_000 / scale,
    keywordTopics: 5_000 / scale,
    sources: blogs.urls,
  };
  const dir = mkdtempSync(join(tmpdir(), 'lba-bench-memory-'));
  const storeUrl = `sqlite://${join(dir, 'fleet.sqlite')}`;
  const discord = await startLocalDiscord({
    guilds: fleetGuildSpecs(spec),
    // One connection for every guild, as this figure has always measured: Discord would ask
    // for shards from 2,500 guilds, and identifies them 5 s apart, which is not the bot's time.
    guildsPerShard: spec.guilds,
  });
  try {
    await prefillFleet(storeUrl, spec);
    const flags = startNodeFlags();
    const report = await runChild({ storeUrl, apiUrl: discord.apiUrl }, flags);
    if (report.settings !== spec.guilds || report.unchanged !== spec.sources.length) {
      throw new Error(
        `the child saw ${report.settings} guild settings and ${report.unchanged} unchanged sources`,
      );
    }
    options.log(`memory: rss ${formatMb(report.rss)}`);
    const rssMb = report.rss / 1_048_576;
    return {
      id: 7,
      figure: `resident memory: ${formatCount(spec.guilds)} guilds × 3 channels, ${formatCount(spec.dmSubscriptions)} DM subscriptions, ${spec.sources.length} sources`,
      measured: formatMb(report.rss),
      target: `< ${TARGET_MB} MB`,
      pass: rssMb < TARGET_MB,
      notes: [
        `where it goes: ${formatMb(report.loaded.rss)} once node${CHILD.compiled ? '' : ', tsx'} and the dependencies are loaded (heap ${formatMb(report.loaded.heapUsed)}); +${formatMb(report.started.rss - report.loaded.rss)} by the end of startBot (heap +${formatMb(report.started.heapUsed - report.loaded.heapUsed)}, of which ${formatMb(report.discordCacheHeap)} is discord.js's cache of the guilds, the rest mostly guild settings and topics); +${formatMb(report.rss - report.started.rss)} after the polls (heap +${formatMb(report.heapUsed - report.started.heapUsed)})`,
      ],
      how: `child process (node --expose-gc${flags.map((flag) => ` ${flag}`).join('')} as \`npm start\` runs it, ${CHILD.compiled ? 'compiled JavaScript from dist/' : 'TypeScript through tsx'}): startBot on a SQLite file pre-filled through SettingsRepository (+ ${formatCount(spec.keywordTopics)} keyword topics), the local Discord announcing all ${formatCount(report.guilds)} guilds; two polls of the ${report.sources} loopback blogs (${report.read} read, then ${report.unchanged} × 304); gc() × 3, then process.memoryUsage().rss (heap ${formatMb(report.heapUsed)}, external ${formatMb(report.external)})`,
    };
  } finally {
    await discord.close();
    await blogs.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(input: MemoryInput, flags: string[]): Promise<MemoryReport> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', ...flags, ...CHILD.nodeArgs, CHILD.path, JSON.stringify(input)],
      { cwd: PACKAGE_ROOT, timeout: 120_000, maxBuffer: 1_000_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(`the memory child failed: ${stderr.trim().split('\n')[0] ?? error.message}`),
          );
          return;
        }
        const line = stdout.trim().split('\n').at(-1) ?? '';
        resolve(MemoryReportSchema.parse(JSON.parse(line)));
      },
    );
  });
}
