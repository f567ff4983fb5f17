import { z } from 'zod';
import type { Words } from '../normalise.ts';
import { DIGEST_BULLETS, lengthClass, phraseSentences } from './features.ts';

/**
 * A logistic model per built-in topic over readable features (model/features.ts), trained by
 * `npm run train-topics` (model/train.ts) and committed as model/weights.json. The phrases of
 * alerts/*.ts still decide where to look and say why an alert matched; the model decides
 * whether what they found is an event of the topic or only a mention ("drone attack" as the
 * reason a deal was suspended), weighing every word of the update and of the sentence where
 * the phrase held. A topic is never raised by the model alone.
 */
export const TopicModelSchema = z
  .object({
    version: z.literal(1),
    /** Topic ids: the order of every per-topic array below. */
    topics: z.array(z.string().min(1)).min(1),
    bias: z.array(z.number()),
    /** The least probability that raises the topic when one of its phrases holds. */
    threshold: z.array(z.number().min(0).max(1)),
    /** Topics whose phrase sentences are also judged alone (see `confirmed`). */
    sentenceAlone: z.array(z.string()),
    /**
     * Feature → one weight per topic. Ten thousand entries: checked by the plain loop below
     * rather than element by element in zod, which made every CLI start 0.1 s slower.
     */
    weights: z.custom<Record<string, number[]>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      { error: 'expected an object of weight lists' },
    ),
    trainedOn: z.object({ files: z.array(z.string()), updates: z.int() }),
  })
  .superRefine((model, ctx) => {
    const n = model.topics.length;
    for (const key of ['bias', 'threshold'] as const) {
      if (model[key].length !== n)
        ctx.addIssue({ code: 'custom', path: [key], message: `expected ${n} values` });
    }
    for (const [feature, weights] of Object.entries(model.weights)) {
      if (!Array.isArray(weights) || weights.length !== n || !weights.every(Number.isFinite)) {
        ctx.addIssue({
          code: 'custom',
          path: ['weights', feature],
          message: `expected ${n} values`,
        });
        break;
      }
    }
  });

export type TopicModelData = z.infer<typeof TopicModelSchema>;

/** A topic one of whose phrases holds, and the sentences where they hold. */
export interface HeldPhrases {
  topicId: string;
  rules: readonly string[];
  sentences: readonly number[];
}

/** The weights of one word key, by the role the word plays (see model/features.ts). */
interface WordWeights {
  /** Index into the per-call "seen" stamps. */
  id: number;
  anywhere?: Float64Array;
  headline?: Float64Array;
  /** By topic index: the weights when the word shares a sentence with that topic's phrase. */
  besidePhrase?: (Float64Array | undefined)[];
}

export class TopicModel {
  private readonly index = new Map<string, number>();
  private readonly weights = new Map<string, Float64Array>();
  // The same weights keyed for matching without building a feature string per word.
  private readonly words = new Map<string, WordWeights>();
  private readonly number: Float64Array | undefined;
  // p:<topic>:<rule> and t:<topic> keyed by the strings the matcher already holds, so scoring
  // builds no feature string (the rule texts are the same objects every call: hashed once).
  private readonly phraseWeights = new Map<string, Map<string, Float64Array>>();
  private readonly topicWeights = new Map<string, Float64Array>();
  private readonly lengthWeights = new Map<string, Float64Array>();
  private readonly bias: Float64Array;
  private readonly allTopics: readonly number[];
  /** The thresholds as log-odds: comparing there saves an exp per topic. */
  private readonly logitThreshold: Float64Array;
  // Which words a call has counted already: stamps instead of a Set per call (this is hot).
  private seenAnywhere = new Uint32Array(0);
  private seenHeadline = new Uint32Array(0);
  private seenBeside = new Uint32Array(0);
  private stamp = 0;

  constructor(readonly data: TopicModelData) {
    for (const [i, topic] of data.topics.entries()) this.index.set(topic, i);
    for (const [feature, list] of Object.entries(data.weights)) {
      const w = Float64Array.from(list);
      this.weights.set(feature, w);
      const kind = feature.slice(0, 2);
      if (kind === 'w:') this.wordWeights(feature.slice(2)).anywhere = w;
      else if (kind === 'h:') this.wordWeights(feature.slice(2)).headline = w;
      else if (kind === 's:') {
        const colon = feature.indexOf(':', 2);
        const t = this.index.get(feature.slice(2, colon));
        if (t === undefined) continue;
        const entry = this.wordWeights(feature.slice(colon + 1));
        entry.besidePhrase ??= [];
        entry.besidePhrase[t] = w;
      } else if (kind === 'p:') {
        const colon = feature.indexOf(':', 2);
        const topic = feature.slice(2, colon);
        let rules = this.phraseWeights.get(topic);
        if (rules === undefined) this.phraseWeights.set(topic, (rules = new Map()));
        rules.set(feature.slice(colon + 1), w);
      } else if (kind === 't:') this.topicWeights.set(feature.slice(2), w);
      else if (kind === 'n:') this.lengthWeights.set(feature.slice(2), w);
    }
    this.number = this.weights.get('#');
    this.bias = Float64Array.from(data.bias);
    this.allTopics = data.topics.map((_, t) => t);
    this.logitThreshold = Float64Array.from(data.threshold, (p) => Math.log(p / (1 - p)));
    this.seenAnywhere = new Uint32Array(this.words.size);
    this.seenHeadline = new Uint32Array(this.words.size);
    this.seenBeside = new Uint32Array(this.words.size * data.topics.length);
  }

  static parse(json: unknown): TopicModel {
    const parsed = TopicModelSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `topic model: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      );
    }
    return new TopicModel(parsed.data);
  }

  private wordWeights(key: string): WordWeights {
    let entry = this.words.get(key);
    if (entry === undefined) {
      entry = { id: this.words.size };
      this.words.set(key, entry);
    }
    return entry;
  }

  has(topicId: string): boolean {
    return this.index.has(topicId);
  }

  /** Log-odds of every topic from feature strings (training's view; see scores for speed). */
  logits(features: readonly string[]): Float64Array {
    const out = Float64Array.from(this.data.bias);
    for (const feature of features) {
      const w = this.weights.get(feature);
      if (w !== undefined) add(out, w);
    }
    return out;
  }

  /**
   * The same log-odds as `logits(updateFeatures(words, held))`, read straight from the words:
   * one map lookup per word instead of a string per feature.
   */
  scores(
    words: Words,
    held: readonly HeldPhrases[],
    only: readonly number[] = this.allTopics,
  ): Float64Array {
    // Only the topics asked for are summed: confirming one held topic needs one sum, not seven.
    const out = this.bias.slice();
    const { keys, numeric, sentence } = words;
    const headline = keys.length > 0 ? sentence[0] : undefined;
    const topics = this.data.topics.length;
    const heldTopics: { t: number; sentences: readonly number[] }[] = [];
    for (const h of held) {
      const t = this.index.get(h.topicId);
      if (t !== undefined) heldTopics.push({ t, sentences: h.sentences });
    }
    const stamp = this.nextStamp();
    const { seenAnywhere, seenHeadline, seenBeside } = this;
    let number = false;
    for (let i = 0; i < keys.length; i += 1) {
      if (numeric[i]) {
        number = true;
        continue;
      }
      const key = keys[i] as string;
      if (key.length < 2) continue;
      const entry = this.words.get(key);
      if (entry === undefined) continue;
      const id = entry.id;
      if (entry.anywhere && seenAnywhere[id] !== stamp) {
        seenAnywhere[id] = stamp;
        addSome(out, only, entry.anywhere);
      }
      if (entry.headline && sentence[i] === headline && seenHeadline[id] !== stamp) {
        seenHeadline[id] = stamp;
        addSome(out, only, entry.headline);
      }
      if (entry.besidePhrase) {
        for (const h of heldTopics) {
          const w = entry.besidePhrase[h.t];
          const slot = id * topics + h.t;
          if (w && seenBeside[slot] !== stamp && h.sentences.includes(sentence[i] as number)) {
            seenBeside[slot] = stamp;
            addSome(out, only, w);
          }
        }
      }
    }
    if (number && this.number) addSome(out, only, this.number);
    const length = this.lengthWeights.get(lengthClass(keys.length));
    if (length) addSome(out, only, length);
    const digest = words.bullets >= DIGEST_BULLETS ? this.lengthWeights.get('digest') : undefined;
    if (digest) addSome(out, only, digest);
    for (const { topicId, rules } of held) {
      const w = this.topicWeights.get(topicId);
      if (w) addSome(out, only, w);
      const phrases = this.phraseWeights.get(topicId);
      if (phrases === undefined) continue;
      for (const rule of rules) {
        const p = phrases.get(rule);
        if (p) addSome(out, only, p);
      }
    }
    return out;
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.stamp = 0;
      this.seenAnywhere.fill(0);
      this.seenHeadline.fill(0);
      this.seenBeside.fill(0);
    }
    this.stamp += 1;
    return this.stamp;
  }

  /**
   * The held topics the model confirms: reading the whole update or, for the topics trained
   * so (air raids), only the sentences where the topic's phrases hold, whichever is surer.
   */
  confirmed(words: Words, held: readonly HeldPhrases[]): Set<string> {
    const asked = held.flatMap((h) => this.index.get(h.topicId) ?? []);
    const whole = this.scores(words, held, asked);
    const out = new Set<string>();
    for (const phrases of held) {
      const t = this.index.get(phrases.topicId);
      if (t === undefined) continue;
      let logit = whole[t] as number;
      const threshold = this.logitThreshold[t] as number;
      if (logit < threshold && this.data.sentenceAlone.includes(phrases.topicId)) {
        const local = phraseSentences(words, phrases);
        logit = Math.max(logit, this.scores(local.words, [local.held], [t])[t] as number);
      }
      if (logit >= threshold) out.add(phrases.topicId);
    }
    return out;
  }
}

function add(into: Float64Array, w: Float64Array) {
  for (let t = 0; t < into.length; t += 1) into[t] = (into[t] as number) + (w[t] as number);
}

function addSome(into: Float64Array, only: readonly number[], w: Float64Array) {
  for (let i = 0; i < only.length; i += 1) {
    const t = only[i] as number;
    into[t] = (into[t] as number) + (w[t] as number);
  }
}
