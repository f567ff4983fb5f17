import { readDocument } from '../sources/read.ts';
import { generateUpdates, liveBlogPage } from './documents.ts';
import { formatMs, median, percentile, timeRuns } from './measure.ts';
import type { BenchOptions } from './options.ts';
import type { FigureResult } from './table.ts';

const TARGET_MS = 50;
const PAGE_BYTES = 3_000_000;
const UPDATES = 200;

/** Figure 1: reading one big JSON-LD live-blog page (the heaviest thing a poll does). */
export async function benchParseJsonLd(options: BenchOptions): Promise<FigureResult> {
  const runs = options.quick ? 10 : 20;
  const page = Buffer.from(liveBlogPage(generateUpdates(UPDATES), PAGE_BYTES));
  const read = () =>
    readDocument(page, {
      source: 'https://news.example.com/world/live/2025/ukraine-war-live',
      contentType: 'text/html; charset=utf-8',
    });
  const first = read();
  if (first.format !== 'jsonld' || first.updates.length !== UPDATES) {
    throw new Error(
      `the generated page read as ${first.format} with ${first.updates.length} updates, expected jsonld with ${UPDATES}`,
    );
  }
  timeRuns(3, read);
  const durations = timeRuns(runs, read);
  const value = median(durations);
  options.log(`parse: ${runs} runs, median ${formatMs(value)}`);
  return {
    id: 1,
    figure: `parse a ${(page.length / 1e6).toFixed(1)} MB live-blog page, ${UPDATES} updates (JSON-LD)`,
    measured: formatMs(value),
    target: `< ${TARGET_MS} ms`,
    pass: value < TARGET_MS,
    how: `readDocument on a generated page (JSON-LD + markup + app state + furniture); median of ${runs} runs after 3 warm-ups (p95 ${formatMs(percentile(durations, 95))})`,
  };
}
