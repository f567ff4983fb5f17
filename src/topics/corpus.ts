import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  evaluate,
  LABELLED_FILES,
  type LabelledUpdate,
  loadLabelled,
  type TopicAccuracy,
} from './accuracy.ts';
import type { Matcher } from './matcher.ts';

/**
 * The evaluation corpus (test/fixtures/corpus): live-blog updates written in the shapes real
 * newsrooms publish, split once and for all into a `dev` part that topics and the model are
 * tuned on and a `blind` part that was committed before the matcher changed and is never
 * tuned on. The blind figures are the ones the README quotes.
 */
export const CORPUS_DIR = fileURLToPath(new URL('../../test/fixtures/corpus/', import.meta.url));

export type CorpusPart = 'dev' | 'blind';

export const LANGUAGES = ['en', 'uk', 'ru'] as const;

/** The JSONL files of one part, sorted so every run reads them in the same order. */
export function corpusFiles(part: CorpusPart, dir: string = CORPUS_DIR): string[] {
  const folder = join(dir, part);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => join(folder, file));
}

/** Every labelled update the project has: the older files and both parts of the corpus. */
export function labelledCorpusFiles(): string[] {
  return [...LABELLED_FILES, ...corpusFiles('dev'), ...corpusFiles('blind')];
}

export function loadCorpus(part: CorpusPart, dir: string = CORPUS_DIR): Promise<LabelledUpdate[]> {
  return loadLabelled(corpusFiles(part, dir));
}

/** Precision and recall per topic over all updates, then over each language alone. */
export function evaluateByLanguage(
  matcher: Matcher,
  labelled: LabelledUpdate[],
): { language: string; count: number; perTopic: TopicAccuracy[] }[] {
  const groups = [
    { language: 'all', updates: labelled },
    ...LANGUAGES.map((lang) => ({
      language: lang,
      updates: labelled.filter((u) => u.lang === lang),
    })),
  ];
  return groups.map(({ language, updates }) => ({
    language,
    count: updates.length,
    perTopic: evaluate(matcher, updates).perTopic,
  }));
}

/**
 * One table, a row per topic and a precision/recall column pair per language:
 * the shape the README quotes.
 */
export function formatLanguageTable(
  groups: { language: string; count: number; perTopic: TopicAccuracy[] }[],
): string {
  const topics = [...new Set(groups.flatMap((g) => g.perTopic.map((t) => t.topic)))].sort();
  const header = ['topic', ...groups.map((g) => `${g.language} (${g.count}) P / R`)];
  const rows = topics.map((topic) => [
    topic,
    ...groups.map((g) => {
      const t = g.perTopic.find((row) => row.topic === topic);
      if (!t || t.tp + t.fn + t.fp === 0) return '—';
      return `${t.precision.toFixed(2)} / ${t.recall.toFixed(2)} (${t.tp + t.fn})`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
