import { Poller } from '../app/poller.ts';
import { SourceStateRepository } from '../app/source-state.ts';
import { detectChanges } from '../core/detect.ts';
import { startLocalBlog } from '../demo/blog-server.ts';
import { silentLogger } from '../logger.ts';
import { readDocument } from '../sources/read.ts';
import { Records } from '../store/records.ts';
import { openBenchServices } from './bench-services.ts';
import { generateUpdates, rssFeed } from './documents.ts';
import { formatMs, median, percentile, timeAsync, timeRuns } from './measure.ts';
import type { BenchOptions } from './options.ts';
import type { FigureResult } from './table.ts';

const TARGET_MS = 2;
const ITEMS = 50;
const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const DAY_MS = 86_400_000;

/**
 * Figure 2: an unchanged feed costs one parse and one comparison; and a 304 costs no parse
 * at all (checked on the real Poller with a reader that counts its calls).
 */
export async function benchRssUnchanged(options: BenchOptions): Promise<FigureResult> {
  const runs = options.quick ? 200 : 1_000;
  const feed = Buffer.from(rssFeed(generateUpdates(ITEMS, 2)));
  const source = 'https://news.example.com/world/live/2025/ukraine-war-live/rss';
  const detect = { backfill: 0, maxNewPerPoll: 10, retentionMs: 14 * DAY_MS };
  const first = readDocument(feed, { source, contentType: RSS_TYPE });
  if (first.format !== 'rss' || first.updates.length !== ITEMS) {
    throw new Error(
      `the generated feed read as ${first.format} with ${first.updates.length} items`,
    );
  }
  const seen = detectChanges(undefined, first.updates, { ...detect, now: new Date() }).next;
  const parseAndDiff = () => {
    const read = readDocument(feed, { source, contentType: RSS_TYPE });
    const detection = detectChanges(seen, read.updates, { ...detect, now: new Date() });
    if (detection.events.length > 0 || detection.changed.length > 0) {
      throw new Error('an unchanged feed was reported as changed');
    }
  };
  timeRuns(50, parseAndDiff);
  const durations = timeRuns(runs, parseAndDiff);
  const value = median(durations);
  const readOnly = median(
    timeRuns(runs, () => readDocument(feed, { source, contentType: RSS_TYPE })),
  );
  const diffOnly = median(
    timeRuns(runs, () => detectChanges(seen, first.updates, { ...detect, now: new Date() })),
  );
  const notModified = await pollNotModified(feed);
  options.log(`rss: median ${formatMs(value)}; 304 poll parses ${notModified.parses}`);
  return {
    id: 2,
    figure: `parse + diff an unchanged ${ITEMS}-item RSS feed; a 304 poll`,
    measured: `${formatMs(value)}; 304: ${notModified.parses} parses`,
    target: `< ${TARGET_MS} ms; 304: 0 parses`,
    pass: value < TARGET_MS && notModified.parses === 0,
    notes: [
      `where it goes: readDocument ${formatMs(readOnly)}, detectChanges ${formatMs(diffOnly)} (feed of ${(feed.length / 1000).toFixed(0)} kB, ${ITEMS} items with full HTML bodies)`,
    ],
    how: `readDocument + detectChanges vs the previous SeenState, median of ${runs} (p95 ${formatMs(percentile(durations, 95))}); then the real Poller against a loopback blog: a priming 200 poll, then a 304 poll (${formatMs(notModified.ms)}) with a counting readSource`,
  };
}

async function pollNotModified(feed: Buffer): Promise<{ parses: number; ms: number }> {
  const blog = await startLocalBlog('/live/rss');
  blog.publish(feed, RSS_TYPE);
  const bench = await openBenchServices({
    SOURCES: blog.url,
    ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
  });
  try {
    const { services, access, config } = bench;
    let parses = 0;
    const poller = new Poller(
      {
        registry: services.registry,
        states: new SourceStateRepository(new Records(bench.store, silentLogger())),
        archive: services.archive,
        outbox: services.outbox,
        topics: services.topics,
        fetchSource: access.fetchSource,
        readSource: (body, from, contentType) => {
          parses += 1;
          return readDocument(body, { source: from, ...(contentType ? { contentType } : {}) });
        },
        onDeliveriesQueued: () => undefined,
        logger: silentLogger(),
      },
      {
        backfill: 0,
        maxNewPerPoll: config.MAX_ALERTS_PER_SOURCE_POLL,
        retentionMs: config.RETENTION_DAYS * DAY_MS,
        concurrency: 1,
        baseBackoffMs: 30_000,
        maxBackoffMs: 30 * 60_000,
      },
    );
    const primed = await poller.pollAll();
    if (primed[0]?.outcome !== 'read' || parses !== 1) {
      throw new Error(
        `the priming poll was ${primed[0]?.outcome ?? 'nothing'} (${primed[0]?.error ?? ''})`,
      );
    }
    parses = 0;
    const { ms, value } = await timeAsync(() => poller.pollAll());
    if (value[0]?.outcome !== 'unchanged' || blog.requests.at(-1)?.notModified !== true) {
      throw new Error(`the second poll was ${value[0]?.outcome ?? 'nothing'}, not a 304`);
    }
    return { parses, ms };
  } finally {
    await bench.close();
    await blog.close();
  }
}
