import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABELLED_FILES, type LabelledUpdate, loadLabelled } from '../accuracy.ts';
import { loadBuiltinTopics } from '../builtin.ts';
import { corpusFiles } from '../corpus.ts';
import { Matcher, toMatchable } from '../matcher.ts';
import { crossValidated, type Example } from './cross-validation.ts';
import { phraseSentences, sentenceReadings, updateFeatures } from './features.ts';
import { BUILTIN_WEIGHTS_FILE } from './load.ts';
import { chooseThreshold, fitLogistic, probabilities } from './logistic.ts';
import type { TopicModelData } from './topic-model.ts';

/**
 * Trains the topic model (model/weights.json) on the dev corpus and the older hand-labelled
 * files — never on the blind corpus. Deterministic: no randomness, a fixed number of passes,
 * folds chosen by a hash of each update's id, so the same data always gives the same bytes.
 *
 *   npm run train-topics [-- --mistakes]   (TRAIN_OPTIONS='{"l2":0.004}' to try other settings)
 */
export const WEIGHTS_FILE = BUILTIN_WEIGHTS_FILE;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Older hand-labelled files the phrases were written against: training data, not a test. */
const EXTRA_FILES = ['handwritten.jsonl', 'handwritten-2.jsonl'].map((name) =>
  fileURLToPath(new URL(`../../../test/fixtures/labelled/${name}`, import.meta.url)),
);

export interface TrainingOptions {
  /** L2 penalty per weight, scaled by the number of updates. */
  l2: number;
  passes: number;
  learningRate: number;
  /** A feature must occur in this many training updates to get a weight. */
  minCount: number;
  folds: number;
  /**
   * Topics whose phrase sentences are also read alone (an alert sentence stands on its own;
   * a diplomacy or casualty mention inside another story mostly does not).
   */
  sentenceAlone: string[];
  /** The F-beta each topic's threshold maximises (beta < 1 weighs precision more). */
  beta: Record<string, number>;
  defaultBeta: number;
  /** Receives the cross-validated figures (each update judged by a model that never saw it). */
  report?: (lines: string[]) => void;
  /** Also report each cross-validated mistake (id, topic, probability). */
  listMistakes?: boolean;
}

export const DEFAULT_OPTIONS: TrainingOptions = {
  l2: 0.002,
  passes: 300,
  learningRate: 0.5,
  minCount: 2,
  folds: 5,
  sentenceAlone: ['air-raid'],
  beta: { 'air-raid': 0.5 },
  defaultBeta: 0.8,
};

export async function trainingData(): Promise<{ files: string[]; updates: LabelledUpdate[] }> {
  const files = [...corpusFiles('dev'), ...LABELLED_FILES, ...EXTRA_FILES];
  return { files, updates: await loadLabelled(files) };
}

export async function train(
  updates: LabelledUpdate[],
  files: string[],
  options: TrainingOptions = DEFAULT_OPTIONS,
): Promise<TopicModelData> {
  const topics = (await loadBuiltinTopics()).map(toMatchable);
  const topicIds = topics.map((t) => t.id);
  const matcher = new Matcher(topics);
  const raw = updates.map((u) => {
    const { words, held } = matcher.held(u);
    const local = held.map((h) => ({
      topic: h.topicId,
      features: sentenceReadings(h).map((one) => {
        const cut = phraseSentences(words, one);
        return updateFeatures(cut.words, [cut.held]);
      }),
    }));
    return {
      update: u,
      features: updateFeatures(words, held),
      held: held.map((h) => h.topicId),
      local,
    };
  });
  const counts = new Map<string, number>();
  for (const { features } of raw) for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts.entries()]
    .filter(([f, n]) => n >= options.minCount || f.startsWith('p:') || f.startsWith('t:'))
    .map(([f]) => f)
    .sort();
  const featureIndex = new Map(vocabulary.map((f, i) => [f, i]));
  const indices = (features: string[]) =>
    Int32Array.from(
      features.flatMap((f) => (featureIndex.has(f) ? [featureIndex.get(f) as number] : [])),
    );
  const examples: Example[] = raw.map(({ update, features, held, local }) => ({
    id: update.id,
    lang: update.lang,
    features: indices(features),
    local: new Map(local.map((l) => [topicIds.indexOf(l.topic), l.features.map(indices)])),
    labels: Int8Array.from(topicIds, (t) =>
      update.topics.includes(t) ? 1 : update.optional.includes(t) ? -1 : 0,
    ),
    held: Uint8Array.from(topicIds, (t) => (held.includes(t) ? 1 : 0)),
  }));

  // Out-of-fold probabilities set the thresholds: each update scored by a model that never saw it.
  const outOfFold: Float64Array[] = examples.map(() => new Float64Array(topicIds.length));
  const localTopics = new Set(options.sentenceAlone.map((id) => topicIds.indexOf(id)));
  for (let fold = 0; fold < options.folds; fold += 1) {
    const inFold = (e: Example) => foldOf(e.id, options.folds) === fold;
    const fitted = fitLogistic(
      examples.filter((e) => !inFold(e)),
      vocabulary.length,
      topicIds.length,
      options,
    );
    examples.forEach((e, i) => {
      if (!inFold(e)) return;
      // As matching does: the surer of the whole update and its phrase sentences alone.
      const p = probabilities(fitted, e.features);
      for (const [t, readings] of e.local) {
        if (!localTopics.has(t)) continue;
        for (const features of readings) {
          p[t] = Math.max(p[t] as number, probabilities(fitted, features)[t] as number);
        }
      }
      outOfFold[i] = p;
    });
  }
  const model = fitLogistic(examples, vocabulary.length, topicIds.length, options);
  const threshold: number[] = [];
  topicIds.forEach((topic, t) => {
    const beta = options.beta[topic] ?? options.defaultBeta;
    // Only updates where a phrase of the topic holds: the model confirms, it never adds.
    const scored = examples.flatMap((e, i) =>
      e.labels[t] !== -1 && e.held[t] === 1
        ? [{ p: (outOfFold[i] as Float64Array)[t] as number, positive: e.labels[t] === 1 }]
        : [],
    );
    threshold.push(chooseThreshold(scored, beta, 0.2) ?? 0.5);
  });

  if (options.report) {
    options.report(
      crossValidated(examples, outOfFold, topicIds, threshold, options.listMistakes === true),
    );
  }
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((feature, f) => {
    const w = Array.from(model.weights.subarray(f * topicIds.length, (f + 1) * topicIds.length));
    if (w.some((x) => Math.abs(x) >= 0.005)) weights[feature] = w.map(round);
  });
  return {
    version: 1,
    topics: topicIds,
    bias: Array.from(model.bias, round),
    threshold: threshold.map(round),
    sentenceAlone: options.sentenceAlone,
    weights,
    trainedOn: { files: files.map((f) => relative(ROOT, f)), updates: updates.length },
  };
}

/** FNV-1a of the id: the same update always falls in the same fold. */
function foldOf(id: string, folds: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % folds;
}

/** JSON with one feature per line, so a retrained model reads as a diff of the weights. */
export function serialiseModel(model: TopicModelData): string {
  const { weights, ...rest } = model;
  const head = Object.entries(rest).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const body = Object.entries(weights).map(
    ([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return `{\n${head.join(',\n')},\n  "weights": {\n${body.join(',\n')}\n  }\n}\n`;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000 || 0; // never -0: JSON writes it as 0
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, updates } = await trainingData();
  const model = await train(updates, files, {
    ...DEFAULT_OPTIONS,
    ...(process.env.TRAIN_OPTIONS ? JSON.parse(process.env.TRAIN_OPTIONS) : {}),
    report: (lines) => console.log(lines.join('\n')),
    listMistakes: process.argv.includes('--mistakes'),
  });
  await writeFile(WEIGHTS_FILE, serialiseModel(model));
  console.log(
    `trained on ${updates.length} updates from ${files.length} files: ${Object.keys(model.weights).length} weighted features → ${relative(ROOT, WEIGHTS_FILE)}`,
  );
  model.topics.forEach((topic, t) => {
    console.log(`  ${topic.padEnd(15)} threshold ${model.threshold[t]}`);
  });
}
