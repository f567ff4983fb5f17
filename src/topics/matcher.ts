import type { TopicDefinition } from './definition.ts';
import type { HeldPhrases, TopicModel } from './model/topic-model.ts';
import { type Words, wordsOf } from './normalise.ts';
import { NUMBER_KEY, type PhraseAlternative, phraseParts, plainPhraseParts } from './phrase.ts';
import { atWordId, registerWord, tableByWordId } from './word-ids.ts';

/** The id of "#" (any number) in a phrase: no word of a text ever has it. */
const NUMBER_ID = registerWord(NUMBER_KEY);

/** A topic as the matcher sees it: phrases of any language (see phrase.ts for the syntax). */
export interface MatchableTopic {
  id: string;
  include: string[];
  exclude: string[];
  /** Read phrases as plain words: "+", "|" and "#" are just text (user-typed keywords). */
  plain?: boolean;
}

/** A topic found in an update, with the words of its definition that found it ("supply + shells"). */
export interface TopicMatch {
  topicId: string;
  phrases: string[];
}

/** A match with the definition phrases (rules) that produced it: what the model reads. */
export interface HeldTopic extends TopicMatch, PhraseDetail {}

/** The rules of a topic that hold, and where: what the model reads. */
interface PhraseDetail {
  rules: string[];
  /** The sentences (numbered as in Words) where a phrase of the topic holds. */
  sentences: number[];
}

/** What the phrases find: the matches, and for each the detail when it is tracked. */
interface Held {
  matches: TopicMatch[];
  details: (PhraseDetail | undefined)[];
}

interface HeldRule {
  rule: number;
  said: string;
  sentence: number;
}

/** One run of consecutive words, shared by every phrase that contains it. */
interface Atom {
  /** Word ids (word-ids.ts) of the run, NUMBER_ID for "#". */
  ids: number[];
  /** The phrase parts this run satisfies, each packed as `rule << PART_BITS | part`. */
  uses: number[];
  /** For each use, the alternative's text as written: what the alert says matched. */
  texts: string[];
}

/** One include or exclude phrase of one topic. */
interface Rule {
  topic: number;
  text: string;
  exclude: boolean;
  /** Bit mask with one bit per "+" part; the rule holds when all bits are set in a sentence. */
  full: number;
  /** Where the rule's parts start in the per-part text table. */
  firstPart: number;
}

const PART_BITS = 3; // phrase.ts allows MAX_PARTS = 8 parts
const PART_MASK = (1 << PART_BITS) - 1;

export function toMatchable(def: TopicDefinition): MatchableTopic {
  return {
    id: def.id,
    include: [...def.include.en, ...def.include.uk, ...def.include.ru],
    exclude: [...def.exclude.en, ...def.exclude.uk, ...def.exclude.ru],
  };
}

/**
 * Finds topics in updates. Built once per topic set; each update is tokenised and stemmed
 * once, then every word is looked up in an index keyed by the first word of each phrase, so
 * the cost per update grows with the words of the update and the phrases that actually
 * start there, not with the number of topics. No regular expression is built from phrases.
 *
 * A topic matches when one of its include phrases holds in a sentence where none of its
 * exclude phrases holds ("air-raid shelter turned museum" is no alert if "museum" is
 * excluded), so an exclusion in one sentence does not silence a real alert in the next.
 * Topics sharing an id are merged.
 */
export class Matcher {
  private readonly topicIds: string[] = [];
  /** Rules are numbered topic by topic, in definition order: sorting ids sorts the output. */
  private readonly rules: Rule[] = [];
  private readonly atoms: Atom[] = [];
  /** By word id: the atoms whose run starts with that word. */
  private readonly index: (number[] | undefined)[];
  private readonly atomIndex = new Map<string, number>();
  // Per-match bookkeeping, reused: match() is synchronous, so one set per Matcher is enough.
  private readonly ruleMask: Int32Array;
  /** Per topic: 1 when its rules and sentences are kept for the model. */
  private readonly tracked: Uint8Array;
  private readonly ruleStamp: Uint32Array;
  private readonly topicExcluded: Uint32Array;
  /**
   * Per rule and part, the text of the alternative that satisfied it in this sentence. Filled
   * to its full length up front: written at scattered indexes, a growing array turns into a
   * dictionary, and this write was the hottest line of matching.
   */
  private readonly partText: string[];
  private partCount = 0;
  private stamp = 0;

  /**
   * `model` (built-in topics only): a topic the model knows is raised only when the model
   * agrees that what its phrases found is an event of the topic; see model/topic-model.ts.
   */
  constructor(
    topics: MatchableTopic[],
    private readonly model?: TopicModel,
  ) {
    const merged = new Map<string, MatchableTopic[]>();
    for (const topic of topics) {
      const same = merged.get(topic.id);
      if (same) same.push(topic);
      else merged.set(topic.id, [topic]);
    }
    for (const [id, parts] of merged) {
      const t = this.topicIds.length;
      this.topicIds.push(id);
      for (const part of parts) this.addRules(t, part.include, part.plain === true, false);
      for (const part of parts) this.addRules(t, part.exclude, part.plain === true, true);
    }
    // Without a model every topic's detail is kept (training reads it); with one, only its topics'.
    this.tracked = Uint8Array.from(this.topicIds, (id) =>
      model === undefined || model.has(id) ? 1 : 0,
    );
    this.index = tableByWordId();
    this.atoms.forEach((atom, a) => {
      const first = atom.ids[0] as number;
      const bucket = this.index[first];
      if (bucket) bucket.push(a);
      else this.index[first] = [a];
    });
    this.partText = new Array<string>(this.partCount).fill('');
    this.ruleMask = new Int32Array(this.rules.length);
    this.ruleStamp = new Uint32Array(this.rules.length);
    this.topicExcluded = new Uint32Array(this.topicIds.length);
  }

  /** How big the index is (for benchmarks and diagnostics). */
  get size(): { topics: number; phrases: number; wordRuns: number } {
    return {
      topics: this.topicIds.length,
      phrases: this.rules.length,
      wordRuns: this.atoms.length,
    };
  }

  private addRules(topic: number, texts: string[], plain: boolean, exclude: boolean) {
    for (const text of texts) {
      const compiled = plain ? plainPhraseParts(text) : phraseParts(text);
      // A phrase without words can never match; definitions and guild topics reject it earlier.
      if (compiled !== undefined) this.addRule(topic, text, compiled, exclude);
    }
  }

  private addRule(topic: number, text: string, compiled: PhraseAlternative[][], exclude: boolean) {
    const rule = this.rules.length;
    const firstPart = this.partCount;
    this.partCount += compiled.length;
    this.rules.push({ topic, text, exclude, full: (1 << compiled.length) - 1, firstPart });
    compiled.forEach((alternatives, part) => {
      for (const { keys, text: said } of alternatives) {
        const signature = keys.join(' ');
        let a = this.atomIndex.get(signature);
        if (a === undefined) {
          a = this.atoms.length;
          this.atomIndex.set(signature, a);
          this.atoms.push({ ids: keys.map(registerWord), uses: [], texts: [] });
        }
        const atom = this.atoms[a] as Atom;
        atom.uses.push((rule << PART_BITS) | part);
        atom.texts.push(said);
      }
    });
  }

  match(text: { title: string; body: string }): TopicMatch[] {
    const words = wordsOf(text.title, text.body);
    const held = this.heldIn(words);
    if (this.model === undefined) return held.matches;
    return this.judge(this.model, words, held);
  }

  /** What the phrases alone find, with their rules: what the model is trained on. */
  held(text: { title: string; body: string }): { words: Words; held: HeldTopic[] } {
    const words = wordsOf(text.title, text.body);
    const { matches, details } = this.heldIn(words);
    return {
      words,
      held: matches.map((m, i) => ({ ...m, rules: [], sentences: [], ...details[i] })),
    };
  }

  private heldIn(words: Words): Held {
    const { ids, numeric, sentence } = words;
    const { index } = this;
    const hitSentences: number[] = [];
    const hitAtoms: number[] = [];
    const byNumber = index[NUMBER_ID];
    for (let i = 0; i < ids.length; i += 1) {
      const byWord = atWordId(index, ids[i] as number);
      if (byWord) this.collectHits(byWord, i, ids, numeric, sentence, hitSentences, hitAtoms);
      if (byNumber && numeric[i]) {
        this.collectHits(byNumber, i, ids, numeric, sentence, hitSentences, hitAtoms);
      }
    }
    return hitAtoms.length === 0
      ? { matches: [], details: [] }
      : this.group(this.resolve(hitSentences, hitAtoms));
  }

  /** Keeps the held topics the model confirms (and every topic it does not judge). */
  private judge(model: TopicModel, words: Words, { matches, details }: Held): TopicMatch[] {
    const judged: HeldPhrases[] = [];
    for (let i = 0; i < matches.length; i += 1) {
      const detail = details[i];
      if (detail) judged.push({ topicId: (matches[i] as TopicMatch).topicId, ...detail });
    }
    if (judged.length === 0) return matches;
    const confirmed = model.confirmed(words, judged);
    return matches.filter((m, i) => details[i] === undefined || confirmed.has(m.topicId));
  }

  private collectHits(
    candidates: number[],
    start: number,
    ids: number[],
    numeric: boolean[],
    sentence: number[],
    hitSentences: number[],
    hitAtoms: number[],
  ) {
    const s = sentence[start] as number;
    for (const a of candidates) {
      const run = (this.atoms[a] as Atom).ids;
      let ok = start + run.length <= ids.length;
      for (let j = 1; ok && j < run.length; j += 1) {
        const want = run[j];
        const at = start + j;
        ok =
          sentence[at] === s && (want === ids[at] || (want === NUMBER_ID && numeric[at] === true));
      }
      if (ok) {
        hitSentences.push(s);
        hitAtoms.push(a);
      }
    }
  }

  /** Word-run hits (in sentence order) → the include rules that hold, sentence by sentence. */
  private resolve(hitSentences: number[], hitAtoms: number[]): HeldRule[] {
    const { ruleMask, ruleStamp, topicExcluded, rules } = this;
    const matched: HeldRule[] = [];
    const touched: number[] = [];
    let from = 0;
    while (from < hitAtoms.length) {
      const s = hitSentences[from];
      const stamp = this.nextStamp();
      touched.length = 0;
      let to = from;
      for (; to < hitAtoms.length && hitSentences[to] === s; to += 1) {
        const atom = this.atoms[hitAtoms[to] as number] as Atom;
        for (let u = 0; u < atom.uses.length; u += 1) {
          const use = atom.uses[u] as number;
          const r = use >>> PART_BITS;
          this.partText[(rules[r] as Rule).firstPart + (use & PART_MASK)] = atom.texts[u] as string;
          if (ruleStamp[r] !== stamp) {
            ruleStamp[r] = stamp;
            ruleMask[r] = 0;
            touched.push(r);
          }
          ruleMask[r] = (ruleMask[r] as number) | (1 << (use & PART_MASK));
        }
      }
      for (const r of touched) {
        const rule = rules[r] as Rule;
        if (rule.exclude && ruleMask[r] === rule.full) topicExcluded[rule.topic] = stamp;
      }
      for (const r of touched) {
        const rule = rules[r] as Rule;
        if (!rule.exclude && ruleMask[r] === rule.full && topicExcluded[rule.topic] !== stamp) {
          matched.push({ rule: r, said: this.said(rule), sentence: s as number });
        }
      }
      from = to;
    }
    return matched;
  }

  /** The words that satisfied each part of a rule, joined as the definition joins them. */
  private said(rule: Rule): string {
    if (rule.full === 1) return this.partText[rule.firstPart] as string;
    const parts: string[] = [];
    for (let part = 0; (rule.full >>> part) & 1; part += 1) {
      parts.push(this.partText[rule.firstPart + part] as string);
    }
    return parts.join(' + ');
  }

  /** Matched rules → one TopicMatch per topic, in definition order, with what matched. */
  /**
   * Matched rules → one TopicMatch per topic, in definition order, with what matched; for
   * the topics the model judges (all, without a model), also their rules and sentences.
   */
  private group(matched: HeldRule[]): Held {
    const matches: TopicMatch[] = [];
    const details: (PhraseDetail | undefined)[] = [];
    let last: TopicMatch | undefined;
    let detail: PhraseDetail | undefined;
    let lastTopic = -1;
    matched.sort((a, b) => a.rule - b.rule);
    for (const { rule: r, said, sentence } of matched) {
      const rule = this.rules[r] as Rule;
      if (rule.topic !== lastTopic || !last) {
        last = { topicId: this.topicIds[rule.topic] as string, phrases: [] };
        detail = this.tracked[rule.topic] === 1 ? { rules: [], sentences: [] } : undefined;
        matches.push(last);
        details.push(detail);
        lastTopic = rule.topic;
      }
      // The same words may satisfy several rules (say in two languages' lists).
      if (!last.phrases.includes(said)) last.phrases.push(said);
      if (detail) {
        if (!detail.rules.includes(rule.text)) detail.rules.push(rule.text);
        if (!detail.sentences.includes(sentence)) detail.sentences.push(sentence);
      }
    }
    return { matches, details };
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.stamp = 0;
      this.ruleStamp.fill(0);
      this.topicExcluded.fill(0);
    }
    this.stamp += 1;
    return this.stamp;
  }
}
