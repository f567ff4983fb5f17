import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fromPackageRoot } from '../package-root.ts';
import type { Matcher } from './matcher.ts';

/**
 * One hand-labelled update: `topics` must be found, `optional` may be found, anything else
 * the matcher raises is a false alarm; `topics: []` must raise nothing.
 */
export const LabelledUpdateSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  body: z.string(),
  lang: z.enum(['en', 'uk', 'ru']).optional(),
  topics: z.array(z.string()),
  optional: z.array(z.string()).default([]),
});

export type LabelledUpdate = z.infer<typeof LabelledUpdateSchema>;

/**
 * The project's own labelled data (copied from the product input): the one list of labelled
 * files, read by the accuracy test and by the keyword guard of `/alerts topic add`. Resolved
 * from the package root so it holds when the code runs compiled from dist/.
 */
export const LABELLED_FILES = ['public.jsonl', 'seed-updates.jsonl'].map((name) =>
  fromPackageRoot('test', 'fixtures', 'labelled', name),
);

export function parseLabelledJsonl(text: string, source = 'labelled data'): LabelledUpdate[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const parsed = LabelledUpdateSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        throw new Error(`${source}:${number}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      }
      return parsed.data;
    });
}

export async function loadLabelled(files: string[] = LABELLED_FILES): Promise<LabelledUpdate[]> {
  const all: LabelledUpdate[] = [];
  for (const file of files) all.push(...parseLabelledJsonl(await readFile(file, 'utf8'), file));
  return all;
}

export interface TopicAccuracy {
  topic: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Mistake {
  updateId: string;
  topic: string;
  kind: 'false alarm' | 'missed';
  /** The phrases that raised a false alarm (empty for a miss). */
  phrases: string[];
}

export interface Accuracy {
  perTopic: TopicAccuracy[];
  mistakes: Mistake[];
}

/** Precision and recall per topic; a topic nobody expected or found is left out. */
export function evaluate(matcher: Matcher, labelled: LabelledUpdate[]): Accuracy {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const tally = (topic: string) => {
    let c = counts.get(topic);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      counts.set(topic, c);
    }
    return c;
  };
  const mistakes: Mistake[] = [];
  for (const update of labelled) {
    const matches = matcher.match(update);
    const found = new Map(matches.map((m) => [m.topicId, m.phrases]));
    for (const topic of update.topics) {
      if (found.has(topic)) tally(topic).tp += 1;
      else {
        tally(topic).fn += 1;
        mistakes.push({ updateId: update.id, topic, kind: 'missed', phrases: [] });
      }
    }
    for (const [topic, phrases] of found) {
      if (update.topics.includes(topic) || update.optional.includes(topic)) continue;
      tally(topic).fp += 1;
      mistakes.push({ updateId: update.id, topic, kind: 'false alarm', phrases });
    }
  }
  const perTopic = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, { tp, fp, fn }]) => ({
      topic,
      tp,
      fp,
      fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    }));
  return { perTopic, mistakes };
}

/** A fixed-width table for a terminal, followed by the mistakes (if any). */
export function formatAccuracyTable(accuracy: Accuracy): string {
  const header = ['topic', 'tp', 'fp', 'fn', 'precision', 'recall'];
  const rows = accuracy.perTopic.map((t) => [
    t.topic,
    String(t.tp),
    String(t.fp),
    String(t.fn),
    t.precision.toFixed(3),
    t.recall.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  for (const m of accuracy.mistakes) {
    const why = m.phrases.length > 0 ? ` (${m.phrases.join('; ')})` : '';
    out.push(`${m.kind}: ${m.topic} in ${m.updateId}${why}`);
  }
  return out.join('\n');
}
