import { exportFeedback, parseSince } from '../app/feedback-export.ts';
import { FeedbackStore } from '../app/feedback-store.ts';
import { silentLogger } from '../logger.ts';
import { openStore } from '../store/open-store.ts';
import { Records } from '../store/records.ts';
import { loadBuiltinTopics } from '../topics/builtin.ts';
import { loadConfigOnly } from './environment.ts';

const USAGE = 'Usage: liveblog-alerts feedback export [--since <ISO date or duration>]';

export async function runFeedback(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  if (verb !== 'export') throw new Error(`unknown feedback command "${verb ?? ''}"\n\n${USAGE}`);
  const since = sinceOf(rest);
  const config = loadConfigOnly();
  const builtin = new Set((await loadBuiltinTopics()).map((topic) => topic.id));
  const store = await openStore(config.STORE_URL, { readOnly: true, sweepEveryMs: 0 });
  try {
    const reports = await new FeedbackStore(store, new Records(store, silentLogger())).since(since);
    for (const line of exportFeedback(reports, builtin)) {
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  } finally {
    await store.close();
  }
}

/** `--since X` or `--since=X`; from the beginning when absent. */
function sinceOf(args: string[]): Date {
  const [flag, value, ...extra] = args;
  if (flag === undefined) return new Date(0);
  const given = flag.startsWith('--since=') ? flag.slice('--since='.length) : value;
  const unexpected = flag.startsWith('--since=') ? [value, ...extra] : extra;
  if ((flag !== '--since' && !flag.startsWith('--since=')) || given === undefined) {
    throw new Error(`unexpected argument "${flag}"\n\n${USAGE}`);
  }
  if (unexpected.some((arg) => arg !== undefined)) {
    throw new Error(`unexpected argument "${unexpected.find((a) => a !== undefined)}"\n\n${USAGE}`);
  }
  return parseSince(given, new Date());
}
