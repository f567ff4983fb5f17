import { pathToFileURL } from 'node:url';
import { seededRandom } from '../bench/random-text.ts';
import { evaluate, formatAccuracyTable, loadLabelled } from './accuracy.ts';
import { loadBuiltinMatcher, loadBuiltinTopics } from './builtin.ts';
import { type MatchableTopic, Matcher, toMatchable } from './matcher.ts';

export interface MatcherBenchmark {
  label: string;
  topics: number;
  phrases: number;
  buildMs: number;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  /** How many topics an update matched on average: the work the figures include. */
  topicsMatchedPerUpdate: number;
}

interface Text {
  title: string;
  body: string;
}

/**
 * Guild-like keyword topics: 1–5 keywords of one or two words each. A third of the words are
 * longer words of the updates themselves (names, places, terms: what people put in a keyword
 * topic), so lookups hit and phrases get verified; the rest are made up.
 */
export function syntheticKeywordTopics(
  count: number,
  updates: Text[],
  seed = 42,
): MatchableTopic[] {
  const random = seededRandom(seed);
  const vocabulary = [
    ...new Set(
      updates.flatMap((u) => `${u.title} ${u.body}`.toLowerCase().match(/\p{L}{6,}/gu) ?? []),
    ),
  ];
  const syllables = ['ka', 'ro', 'mi', 'zen', 'tor', 'vel', 'sha', 'dun', 'pri', 'lo', 'nek', 'ja'];
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const word = () =>
    random() < 0.33 && vocabulary.length > 0
      ? pick(vocabulary)
      : Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join('');
  return Array.from({ length: count }, (_, i) => ({
    id: `keyword-topic-${i}`,
    include: Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
      random() < 0.7 ? word() : `${word()} ${word()}`,
    ),
    exclude: random() < 0.3 ? [word()] : [],
    plain: true,
  }));
}

function run(label: string, topics: MatchableTopic[], updates: Text[], minSeconds: number) {
  const built = performance.now();
  const matcher = new Matcher(topics);
  const buildMs = performance.now() - built;
  let matched = 0;
  for (const update of updates) matched += matcher.match(update).length; // also warms the JIT
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minSeconds * 1000) {
    for (const update of updates) matcher.match(update);
    count += updates.length;
    elapsed = performance.now() - start;
  }
  const seconds = elapsed / 1000;
  return {
    label,
    topics: matcher.size.topics,
    phrases: matcher.size.phrases,
    buildMs: Math.round(buildMs),
    updates: count,
    seconds: Number(seconds.toFixed(2)),
    updatesPerSecond: Math.round(count / seconds),
    topicsMatchedPerUpdate: Number((matched / Math.max(1, updates.length)).toFixed(1)),
  } satisfies MatcherBenchmark;
}

/**
 * Matching throughput on one core: the built-in topics alone, then with `keywordTopics`
 * synthetic keyword topics added. Updates default to the labelled fixtures.
 */
export async function benchmarkMatcher(
  options: { keywordTopics?: number; minSeconds?: number; updates?: Text[] } = {},
): Promise<MatcherBenchmark[]> {
  const { keywordTopics = 5_000, minSeconds = 1 } = options;
  const updates = options.updates ?? (await loadLabelled());
  const builtin = (await loadBuiltinTopics()).map(toMatchable);
  const keywords = syntheticKeywordTopics(keywordTopics, updates);
  return [
    run(`${builtin.length} built-in topics`, builtin, updates, minSeconds),
    run(
      `${builtin.length} built-in + ${keywordTopics} keyword topics`,
      [...builtin, ...keywords],
      updates,
      minSeconds,
    ),
  ];
}

export function formatBenchmark(results: MatcherBenchmark[]): string {
  return results
    .map(
      (r) =>
        `${r.label}: ${r.updatesPerSecond.toLocaleString('en')} updates/s ` +
        `(${r.updates.toLocaleString('en')} in ${r.seconds}s; ${r.phrases} phrases, ` +
        `built in ${r.buildMs}ms; ${r.topicsMatchedPerUpdate} topics matched per update)`,
    )
    .join('\n');
}

/** The matcher part of `npm run bench`: throughput, then accuracy on the labelled data. */
export async function matcherReport(): Promise<string> {
  const labelled = await loadLabelled();
  const matcher = await loadBuiltinMatcher();
  return `${formatBenchmark(await benchmarkMatcher({ updates: labelled }))}\n\n${formatAccuracyTable(evaluate(matcher, labelled))}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await matcherReport());
}
