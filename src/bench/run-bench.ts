import { cpus, loadavg } from 'node:os';
import { evaluate, formatAccuracyTable, loadLabelled } from '../topics/accuracy.ts';
import { loadBuiltinMatcher } from '../topics/builtin.ts';
import { benchAlertLatency } from './alert-latency.ts';
import { benchClassify } from './classify.ts';
import { benchCliStartup } from './cli-startup.ts';
import { benchFanOut } from './fan-out.ts';
import { benchFleet } from './fleet.ts';
import { formatMs, nowMs } from './measure.ts';
import { benchMemory } from './memory.ts';
import type { BenchOptions } from './options.ts';
import { benchParseJsonLd } from './parse-jsonld.ts';
import { benchPollUnchanged } from './poll-unchanged.ts';
import { benchRssUnchanged } from './rss-unchanged.ts';
import { benchStartup } from './startup.ts';
import { type FigureResult, failedFigure, formatTable, formatVerdicts } from './table.ts';

interface Figure {
  id: number;
  figure: string;
  target: string;
  run: (options: BenchOptions) => Promise<FigureResult>;
}

/** In the order of the issue; the labels are used only if a figure cannot be measured. */
export const FIGURES: readonly Figure[] = [
  {
    id: 1,
    figure: 'parse a 3 MB JSON-LD live-blog page',
    target: '< 50 ms',
    run: benchParseJsonLd,
  },
  { id: 2, figure: 'parse + diff an unchanged RSS feed', target: '< 2 ms', run: benchRssUnchanged },
  { id: 3, figure: 'classify updates', target: '> 20,000 updates/s', run: benchClassify },
  { id: 4, figure: 'poll 500 unchanged sources', target: '< 1 s', run: benchPollUnchanged },
  { id: 5, figure: 'update seen → alert accepted', target: 'p95 < 250 ms', run: benchAlertLatency },
  { id: 6, figure: 'fan-out to 1,000 channels', target: '≤ 22 s, no 429', run: benchFanOut },
  { id: 7, figure: 'resident memory', target: '< 200 MB', run: benchMemory },
  { id: 8, figure: 'start-up to ready', target: '< 3 s', run: benchStartup },
  {
    id: 9,
    figure: 'CLI start-up: `check` on a small saved blog',
    target: '< 600 ms',
    run: benchCliStartup,
  },
  {
    id: 10,
    figure: 'fleet of 3 on PostgreSQL + Redis',
    target: '≥ 45 msg/s, no 429',
    run: benchFleet,
  },
];

export interface BenchReport {
  results: FigureResult[];
  /** Everything printed to stdout, in order. */
  text: string;
}

const USAGE = 'usage: liveblog-alerts bench [--quick] [--only 1,2,3]';

/**
 * `npm run bench`: measures each figure of the issue on this machine and prints one table,
 * a PASS/MISS line per figure and the topics' accuracy. A miss is reported, never an error.
 */
export async function runBench(
  args: string[],
  print: (text: string) => void = (text) => console.log(text),
  progress: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<BenchReport> {
  const { quick, only } = parseArgs(args);
  const lines: string[] = [];
  const say = (text: string) => {
    lines.push(text);
    print(text);
  };
  const options: BenchOptions = { quick, log: (line) => progress(`  ${line}`) };
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const [load] = loadavg();
  say(
    `liveblog-alerts bench on ${cpus().length} × ${cpu}, Node ${process.version}${quick ? ' (--quick: smaller counts, indicative only)' : ''}`,
  );
  // Other processes competing for the cores make every figure look worse than it is.
  say(`load average at start: ${(load ?? 0).toFixed(2)}\n`);
  const results: FigureResult[] = [];
  const started = nowMs();
  for (const figure of FIGURES.filter((f) => !only || only.has(f.id))) {
    progress(`figure ${figure.id}: ${figure.figure}…`);
    try {
      results.push(await figure.run(options));
    } catch (error) {
      results.push(failedFigure(figure, error));
    }
  }
  say(formatTable(results));
  say('');
  say(formatVerdicts(results));
  say('');
  say(await accuracyReport());
  say(`\nmeasured in ${formatMs(nowMs() - started)}`);
  return { results, text: lines.join('\n') };
}

function parseArgs(args: string[]): { quick: boolean; only?: Set<number> } {
  let quick = false;
  let only: Set<number> | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--quick') quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const list = arg === '--only' ? args[++i] : arg.slice('--only='.length);
      only = new Set((list ?? '').split(',').map(Number));
      if ([...only].some((id) => !FIGURES.some((f) => f.id === id))) {
        throw new Error(`--only takes figure numbers 1–${FIGURES.length}\n${USAGE}`);
      }
    } else throw new Error(`unknown option "${arg}"\n${USAGE}`);
  }
  return only ? { quick, only } : { quick };
}

/** The issue asks `npm run bench` to show how well each built-in topic finds its updates. */
async function accuracyReport(): Promise<string> {
  try {
    const matcher = await loadBuiltinMatcher();
    const labelled = await loadLabelled();
    return `Topic accuracy on the ${labelled.length} labelled updates (test/fixtures/labelled):\n${formatAccuracyTable(evaluate(matcher, labelled))}`;
  } catch (error) {
    return `Topic accuracy could not be measured: ${error instanceof Error ? error.message : String(error)}`;
  }
}
