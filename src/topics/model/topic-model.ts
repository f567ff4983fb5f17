import { z } from 'zod';
import type { Words } from '../normalise.ts';
import { atWordId, registerWord, tableByWordId } from '../word-ids.ts';
import { DIGEST_BULLETS, lengthClass, phraseSentences, sentenceReadings } from './features.ts';

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
     * Feature → one weight per topic. Ten thousand entries: checked by the constructor's own
     * pass rather than element by element in zod, which made every CLI start 0.1 s slower.
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
    // Each weight list is checked as the model is built (one pass over ten thousand of them).
  });

export type TopicModelData = z.infer<typeof TopicModelSchema>;

/** A topic one of whose phrases holds, and the sentences where they hold. */
export interface HeldPhrases {
  topicId: string;
  rules: readonly string[];
  sentences: readonly number[];
}

/** The features of one word key, by the role the word plays (see model/features.ts). */
interface WordWeights {
  /** Index into the per-call "seen" stamps. */
  id: number;
  /** Feature numbers (columns of the weight table), NONE when the word has no such weight. */
  anywhere: number;
  headline: number;
  /** By topic index: the feature when the word shares a sentence with that topic's phrase. */
  besidePhrase: Int32Array | undefined;
}

const NONE = -1;

function badWeights(feature: string, topics: number): Error {
  return new Error(`topic model: weights.${feature}: expected ${topics} values`);
}

export class TopicModel {
  private readonly index = new Map<string, number>();
  /** Feature string → its column in `table`: training's view (see logits). */
  private readonly features = new Map<string, number>();
  /**
   * Every weight in one array, topic by topic: table[t * features + f]. Confirming one topic
   * reads one topic's stretch of memory instead of ten thousand small arrays.
   */
  private readonly table: Float64Array;
  private readonly featureCount: number;
  /** The same features by word id (word-ids.ts): what scoring reads, one array read per word. */
  private readonly byWordId: (WordWeights | undefined)[];
  private readonly topicCount: number;
  private readonly sentenceAlone: ReadonlySet<string>;
  private readonly number: number;
  // p:<topic>:<rule>, t:<topic> and n:<size> keyed by the strings the matcher already holds,
  // so scoring builds no feature string (the rule texts are the same objects every call).
  private readonly phraseFeatures = new Map<string, Map<string, number>>();
  private readonly topicFeatures = new Map<string, number>();
  private readonly lengthFeatures = new Map<string, number>();
  private readonly bias: Float64Array;
  private readonly allTopics: readonly number[];
  /** The thresholds as log-odds: comparing there saves an exp per topic. */
  private readonly logitThreshold: Float64Array;
  // Which words a call has counted already: stamps instead of a Set per call (this is hot).
  private seenAnywhere = new Uint32Array(0);
  private seenHeadline = new Uint32Array(0);
  private seenBeside = new Uint32Array(0);
  private stamp = 0;

  /** Keeps nothing of `data` but what scoring reads: the parsed file can be collected. */
  constructor(data: TopicModelData) {
    const topics = data.topics.length;
    this.topicCount = topics;
    this.sentenceAlone = new Set(data.sentenceAlone);
    const words = new Map<string, WordWeights>();
    const wordWeights = (key: string): WordWeights => {
      let entry = words.get(key);
      if (entry === undefined) {
        entry = { id: words.size, anywhere: NONE, headline: NONE, besidePhrase: undefined };
        words.set(key, entry);
      }
      return entry;
    };
    for (const [i, topic] of data.topics.entries()) this.index.set(topic, i);
    const entries = Object.entries(data.weights);
    this.featureCount = entries.length;
    this.table = new Float64Array(topics * entries.length);
    entries.forEach(([feature, list], f) => {
      if (!Array.isArray(list) || list.length !== topics) throw badWeights(feature, topics);
      for (let t = 0; t < topics; t += 1) {
        const weight = list[t];
        if (typeof weight !== 'number' || !Number.isFinite(weight))
          throw badWeights(feature, topics);
        this.table[t * entries.length + f] = weight;
      }
      this.features.set(feature, f);
      const kind = feature.slice(0, 2);
      if (kind === 'w:') wordWeights(feature.slice(2)).anywhere = f;
      else if (kind === 'h:') wordWeights(feature.slice(2)).headline = f;
      else if (kind === 's:') {
        const colon = feature.indexOf(':', 2);
        const t = this.index.get(feature.slice(2, colon));
        if (t === undefined) return;
        const entry = wordWeights(feature.slice(colon + 1));
        entry.besidePhrase ??= new Int32Array(topics).fill(NONE);
        entry.besidePhrase[t] = f;
      } else if (kind === 'p:') {
        const colon = feature.indexOf(':', 2);
        const topic = feature.slice(2, colon);
        const rules = this.phraseFeatures.get(topic) ?? new Map<string, number>();
        this.phraseFeatures.set(topic, rules);
        rules.set(feature.slice(colon + 1), f);
      } else if (kind === 't:') this.topicFeatures.set(feature.slice(2), f);
      else if (kind === 'n:') this.lengthFeatures.set(feature.slice(2), f);
    });
    const wordIds = [...words.keys()].map(registerWord);
    this.byWordId = tableByWordId();
    [...words.values()].forEach((entry, i) => {
      this.byWordId[wordIds[i] as number] = entry;
    });
    this.number = this.features.get('#') ?? NONE;
    this.bias = Float64Array.from(data.bias);
    this.allTopics = data.topics.map((_, t) => t);
    this.logitThreshold = Float64Array.from(data.threshold, (p) => Math.log(p / (1 - p)));
    this.seenAnywhere = new Uint32Array(words.size);
    this.seenHeadline = new Uint32Array(words.size);
    this.seenBeside = new Uint32Array(words.size * topics);
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

  has(topicId: string): boolean {
    return this.index.has(topicId);
  }

  /** Log-odds of every topic from feature strings (training's view; see scores for speed). */
  logits(features: readonly string[]): Float64Array {
    const out = this.bias.slice();
    for (const feature of features) {
      const f = this.features.get(feature);
      if (f !== undefined) this.add(out, this.allTopics, f);
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
    const { keys, ids, numeric, sentence } = words;
    const { byWordId } = this;
    const headline = keys.length > 0 ? sentence[0] : undefined;
    const topics = this.topicCount;
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
      // Keys shorter than two letters have no weights (features.ts), so no id finds them.
      const entry = atWordId(byWordId, ids[i] as number);
      if (entry === undefined) continue;
      const id = entry.id;
      if (entry.anywhere !== NONE && seenAnywhere[id] !== stamp) {
        seenAnywhere[id] = stamp;
        this.add(out, only, entry.anywhere);
      }
      if (entry.headline !== NONE && sentence[i] === headline && seenHeadline[id] !== stamp) {
        seenHeadline[id] = stamp;
        this.add(out, only, entry.headline);
      }
      const beside = entry.besidePhrase;
      if (beside !== undefined) {
        for (const h of heldTopics) {
          const f = beside[h.t] as number;
          const slot = id * topics + h.t;
          if (
            f !== NONE &&
            seenBeside[slot] !== stamp &&
            h.sentences.includes(sentence[i] as number)
          ) {
            seenBeside[slot] = stamp;
            this.add(out, only, f);
          }
        }
      }
    }
    if (number && this.number !== NONE) this.add(out, only, this.number);
    const length = this.lengthFeatures.get(lengthClass(keys.length));
    if (length !== undefined) this.add(out, only, length);
    const digest = words.bullets >= DIGEST_BULLETS ? this.lengthFeatures.get('digest') : undefined;
    if (digest !== undefined) this.add(out, only, digest);
    for (const { topicId, rules } of held) {
      const t = this.topicFeatures.get(topicId);
      if (t !== undefined) this.add(out, only, t);
      const phrases = this.phraseFeatures.get(topicId);
      if (phrases === undefined) continue;
      for (const rule of rules) {
        const p = phrases.get(rule);
        if (p !== undefined) this.add(out, only, p);
      }
    }
    return out;
  }

  /** Adds feature f's weight to the log-odds of each topic in `only`. */
  private add(into: Float64Array, only: readonly number[], f: number) {
    const { table, featureCount } = this;
    for (let i = 0; i < only.length; i += 1) {
      const t = only[i] as number;
      into[t] = (into[t] as number) + (table[t * featureCount + f] as number);
    }
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
      if (logit < threshold && this.sentenceAlone.has(phrases.topicId)) {
        for (const reading of sentenceReadings(phrases)) {
          if (logit >= threshold) break;
          const local = phraseSentences(words, reading);
          logit = Math.max(logit, this.scores(local.words, [local.held], [t])[t] as number);
        }
      }
      if (logit >= threshold) out.add(phrases.topicId);
    }
    return out;
  }
}
