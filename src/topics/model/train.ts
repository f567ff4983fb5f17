import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABELLED_FILES, type LabelledUpdate, loadLabelled } from '../accuracy.ts';
import { loadBuiltinTopics } from '../builtin.ts';
import { corpusFiles } from '../corpus.ts';
import { Matcher, toMatchable } from '../matcher.ts';
import { phraseSentences, sentenceReadings, updateFeatures } from './features.ts';
import type { TopicModelData } from './topic-model.ts';

/**
 * Trains the topic model (model/weights.json) on the dev corpus and the older hand-labelled
 * files — never on the blind corpus. Deterministic: no randomness, a fixed number of passes,
 * folds chosen by a hash of each update's id, so the same data always gives the same bytes.
 *
 *   npm run train-topics [-- --mistakes]   (TRAIN_OPTIONS='{"l2":0.004}' to try other settings)
 */
export const WEIGHTS_FILE = fileURLToPath(new URL('./weights.json', import.meta.url));
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

interface Example {
  id: string;
  /** The update's language (the older labelled files have none): CV figures per language. */
  lang: string | undefined;
  /** Feature indices. */
  features: Int32Array;
  /** Per topic: 1 must be found, 0 must not, -1 optional (left out of that topic's loss). */
  labels: Int8Array;
  /** Per topic: whether one of its phrases holds. */
  held: Uint8Array;
  /** Per held topic: the features of the sentences where its phrases hold, read alone. */
  local: Map<number, Int32Array[]>;
}

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

/** Precision and recall per topic from the out-of-fold probabilities and the thresholds. */
function crossValidated(
  examples: Example[],
  outOfFold: Float64Array[],
  topicIds: string[],
  threshold: number[],
  listMistakes: boolean,
): string[] {
  const lines = ['cross-validated on the training data (topic: phrases only → with the model)'];
  const count = (t: number, only: (e: Example) => boolean) => {
    const before = { tp: 0, fp: 0, fn: 0 };
    const after = { tp: 0, fp: 0, fn: 0 };
    examples.forEach((e, i) => {
      if (e.labels[t] === -1 || !only(e)) return;
      const p = (outOfFold[i] as Float64Array)[t] as number;
      const phrase = e.held[t] === 1;
      const raised = phrase && p >= (threshold[t] as number);
      const positive = e.labels[t] === 1;
      for (const [counts, found] of [
        [before, phrase],
        [after, raised],
      ] as const) {
        if (found && positive) counts.tp += 1;
        else if (found) counts.fp += 1;
        else if (positive) counts.fn += 1;
      }
    });
    return { before, after };
  };
  const precision = (c: Counts) => (c.tp / Math.max(1, c.tp + c.fp)).toFixed(3);
  const recall = (c: Counts) => (c.tp / Math.max(1, c.tp + c.fn)).toFixed(3);
  topicIds.forEach((topic, t) => {
    const { before, after } = count(t, () => true);
    const pr = (c: Counts) => `P ${precision(c)} R ${recall(c)} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
    lines.push(`  ${topic.padEnd(15)} ${pr(before)}  →  ${pr(after)}`);
  });
  // The corpus languages alone (with the model), so uk and ru can be held to en.
  const languages = ['en', 'uk', 'ru'];
  lines.push(
    `  with the model, per language: P / R   ${languages.map((l) => l.padEnd(13)).join(' ')}`,
  );
  topicIds.forEach((topic, t) => {
    const cells = languages.map((lang) => {
      const { after } = count(t, (e) => e.lang === lang);
      return `${precision(after)} / ${recall(after)}`;
    });
    lines.push(`  ${topic.padEnd(15)}                        ${cells.join(' ')}`);
  });
  if (listMistakes) lines.push(...mistakesOf(examples, outOfFold, topicIds, threshold));
  return lines;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Each update the cross-validated model gets wrong, to read next to its text. */
function mistakesOf(
  examples: Example[],
  outOfFold: Float64Array[],
  topicIds: string[],
  threshold: number[],
): string[] {
  const lines: string[] = [];
  examples.forEach((e, i) => {
    topicIds.forEach((topic, t) => {
      const p = ((outOfFold[i] as Float64Array)[t] as number).toFixed(2);
      const raised = e.held[t] === 1 && Number(p) >= (threshold[t] as number);
      if (e.labels[t] === 1 && !raised) {
        lines.push(`  missed ${topic} ${e.id} (${e.held[t] ? `model ${p}` : 'no phrase'})`);
      } else if (e.labels[t] === 0 && raised) {
        lines.push(`  false ${topic} ${e.id} (model ${p})`);
      }
    });
  });
  return lines;
}

/**
 * The threshold with the best F-beta on the scored updates (beta < 1 weighs precision more),
 * at least `floor`; undefined when nothing above the floor has three true finds.
 */
export function chooseThreshold(
  scored: { p: number; positive: boolean }[],
  beta: number,
  floor: number,
): number | undefined {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  const positives = sorted.filter((s) => s.positive).length;
  let tp = 0;
  let fp = 0;
  let best: number | undefined;
  let bestScore = -1;
  const b2 = beta * beta;
  for (const s of sorted) {
    if (s.p < floor) break;
    if (s.positive) tp += 1;
    else fp += 1;
    const precision = tp / (tp + fp);
    const recall = tp / Math.max(1, positives);
    const score = ((1 + b2) * precision * recall) / Math.max(1e-9, b2 * precision + recall);
    if (tp >= 3 && score > bestScore) {
      bestScore = score;
      best = s.p;
    }
  }
  return best;
}

interface Fitted {
  weights: Float64Array;
  bias: Float64Array;
}

/** Logistic regression per topic, full-batch gradient descent with AdaGrad steps and L2. */
function fitLogistic(
  examples: Example[],
  features: number,
  topics: number,
  o: TrainingOptions,
): Fitted {
  const weights = new Float64Array(features * topics);
  const bias = new Float64Array(topics);
  const gradW = new Float64Array(features * topics);
  const gradB = new Float64Array(topics);
  const sumSqW = new Float64Array(features * topics).fill(1e-8);
  const sumSqB = new Float64Array(topics).fill(1e-8);
  const counted = new Float64Array(topics);
  for (const e of examples) {
    for (let t = 0; t < topics; t += 1)
      if (e.labels[t] !== -1) counted[t] = (counted[t] as number) + 1;
  }
  for (let pass = 0; pass < o.passes; pass += 1) {
    gradW.fill(0);
    gradB.fill(0);
    for (const e of examples) {
      const p = probabilitiesOf(weights, bias, topics, e.features);
      for (let t = 0; t < topics; t += 1) {
        const label = e.labels[t] as number;
        if (label === -1) continue;
        const g = ((p[t] as number) - label) / Math.max(1, counted[t] as number);
        gradB[t] = (gradB[t] as number) + g;
        for (const f of e.features) gradW[f * topics + t] = (gradW[f * topics + t] as number) + g;
      }
    }
    for (let i = 0; i < weights.length; i += 1) {
      const g = (gradW[i] as number) + o.l2 * (weights[i] as number);
      sumSqW[i] = (sumSqW[i] as number) + g * g;
      weights[i] = (weights[i] as number) - (o.learningRate * g) / Math.sqrt(sumSqW[i] as number);
    }
    for (let t = 0; t < topics; t += 1) {
      const g = gradB[t] as number;
      sumSqB[t] = (sumSqB[t] as number) + g * g;
      bias[t] = (bias[t] as number) - (o.learningRate * g) / Math.sqrt(sumSqB[t] as number);
    }
  }
  return { weights, bias };
}

function probabilities(model: Fitted, features: Int32Array): Float64Array {
  return probabilitiesOf(model.weights, model.bias, model.bias.length, features);
}

function probabilitiesOf(
  weights: Float64Array,
  bias: Float64Array,
  topics: number,
  features: Int32Array,
): Float64Array {
  const z = Float64Array.from(bias);
  for (const f of features) {
    for (let t = 0; t < topics; t += 1)
      z[t] = (z[t] as number) + (weights[f * topics + t] as number);
  }
  for (let t = 0; t < topics; t += 1) z[t] = 1 / (1 + Math.exp(-(z[t] as number)));
  return z;
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
