import { openBenchServices } from './bench-services.ts';
import { generateUpdates, rssFeed } from './documents.ts';
import { startManyBlogs } from './many-blogs-server.ts';
import { formatMs, median, timeAsync } from './measure.ts';
import type { BenchOptions } from './options.ts';
import type { FigureResult } from './table.ts';

const TARGET_MS = 1_000;
const SOURCES = 500;

/** Figure 4: a whole poll when nothing changed: 500 conditional GETs answered 304. */
export async function benchPollUnchanged(options: BenchOptions): Promise<FigureResult> {
  const rounds = options.quick ? 1 : 3;
  const feeds = Array.from({ length: 10 }, (_, i) => rssFeed(generateUpdates(20, 100 + i)));
  const blogs = await startManyBlogs(
    SOURCES,
    (i) => feeds[i % feeds.length] ?? '',
    'application/rss+xml; charset=utf-8',
  );
  const bench = await openBenchServices({
    SOURCES: blogs.urls.join(','),
    ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
  });
  try {
    const { poller } = bench.services;
    const primed = await poller.pollAll();
    const unread = primed.filter((r) => r.outcome !== 'read');
    if (unread.length > 0) {
      throw new Error(
        `${unread.length} sources failed the priming poll: ${unread[0]?.error ?? ''}`,
      );
    }
    const durations: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const { ms, value } = await timeAsync(() => poller.pollAll());
      const changed = value.filter((r) => r.outcome !== 'unchanged');
      if (changed.length > 0) {
        throw new Error(`${changed.length} sources were not answered 304 on an unchanged poll`);
      }
      durations.push(ms);
    }
    const value = median(durations);
    options.log(`poll: ${SOURCES} unchanged sources in ${formatMs(value)}`);
    return {
      id: 4,
      figure: `one poll of ${SOURCES} local sources, all unchanged (304)`,
      measured: formatMs(value),
      target: `< ${formatMs(TARGET_MS)}`,
      pass: value < TARGET_MS,
      how: `createServices' Poller + SQLite in a temp dir, POLL_CONCURRENCY=${bench.config.POLL_CONCURRENCY}, one loopback server with ${SOURCES} paths; a priming poll (200 + ETag), then ${rounds === 1 ? 'one timed poll' : `median of ${rounds} timed polls`} (${blogs.served.notModified} × 304 served)`,
    };
  } finally {
    await bench.close();
    await blogs.close();
  }
}
