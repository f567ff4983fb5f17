import { parseArgs } from 'node:util';
import { createSourceAccess } from '../app/source-access.ts';
import { type Config, parseConfig } from '../config.ts';
import { sourceName } from '../core/alert.ts';
import { inspectCoverage } from '../sources/coverage/inspect.ts';
import { recogniseCoverage } from '../sources/coverage/recognise.ts';
import { readDocument } from '../sources/read.ts';
import { loadBuiltinMatcher } from '../topics/builtin.ts';
import { CHECK_CANDIDATES, printCoverage } from './check-coverage.ts';

async function readTarget(target: string, config: Config) {
  const access = createSourceAccess(config);
  const fetched = await access.fetchSource(target, {});
  if (fetched.status !== 'ok') throw new Error('answered 304 Not Modified to a fresh request');
  const contentType = fetched.contentType ? { contentType: fetched.contentType } : {};
  const page = recogniseCoverage(fetched.body, { source: target, ...contentType });
  if (page) {
    const inspection = await inspectCoverage(page, access.fetchSource, {
      now: new Date(),
      maxChecks: CHECK_CANDIDATES,
    });
    return { inspection };
  }
  return { read: readDocument(fetched.body, { source: target, ...contentType }) };
}

/** `check`: what the bot would see in one live blog, and which topics each update matches. */
export async function runCheck(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const target = positionals[0];
  if (!target)
    throw new Error('check needs a URL or a file: liveblog-alerts check <url-or-file> [--json]');
  const config = parseConfig(process.env);
  const { read, inspection } = await readTarget(target, config).catch((error: unknown) => {
    throw new Error(`${target}: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (inspection) return printCoverage(inspection, values.json ?? false);
  if (!read) return;
  const matcher = await loadBuiltinMatcher();
  for (const warning of read.warnings) process.stderr.write(`warning: ${warning}\n`);
  if (!values.json) {
    console.log(`${sourceName(target)}: ${read.updates.length} updates (${read.format})\n`);
  }
  for (const update of read.updates) {
    const matches = update.pinned ? [] : matcher.match(update);
    if (values.json) {
      console.log(
        JSON.stringify({
          id: update.id,
          title: update.title,
          body: update.body,
          url: update.url ?? null,
          published: update.published ?? null,
          modified: update.modified ?? null,
          topics: matches.map((m) => m.topicId),
          matched: Object.fromEntries(matches.map((m) => [m.topicId, m.phrases])),
          ...(update.pinned ? { pinned: true } : {}),
        }),
      );
    } else {
      const topics = matches.map((m) => `${m.topicId} (${m.phrases.join(', ')})`).join('; ');
      console.log(
        `• ${update.published ?? '(no time)'}  ${update.title}${update.pinned ? '  [pinned]' : ''}`,
      );
      console.log(`  ${topics || 'no topic'}\n`);
    }
  }
}
