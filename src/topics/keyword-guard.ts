import type { GuildTopic } from './guild-topic.ts';
import { guildTopicToMatchable } from './guild-topic.ts';
import { Matcher } from './matcher.ts';
import { phraseKeys } from './normalise.ts';

/**
 * Guards against keyword topics that would alert on nearly everything: a keyword that is one
 * letter once its punctuation is gone (`.*(a+)+$` reads as "a"), or a set of keywords that
 * finds a large share of real live-blog updates ("the", "war").
 */

/** A keyword needs this many letters or digits once normalised (digits count: "F-16"). */
export const MIN_KEYWORD_CHARACTERS = 2;
/** A keyword topic may match at most this share of the labelled corpus. */
export const MAX_CORPUS_SHARE = 0.25;

const WORD_CHARACTER = /[\p{L}\p{N}]/gu;

/** What a keyword reads as once normalised, e.g. ".*(a+)+$" → "a". */
export function normalisedKeyword(keyword: string): string {
  return phraseKeys(keyword).join(' ');
}

/** The keywords (include or exclude) with fewer than two letters or digits once normalised. */
export function tooShortKeywords(topic: GuildTopic): { keyword: string; reads: string }[] {
  return [...topic.include, ...topic.exclude]
    .map((keyword) => ({ keyword, reads: normalisedKeyword(keyword) }))
    .filter(({ reads }) => (reads.match(WORD_CHARACTER) ?? []).length < MIN_KEYWORD_CHARACTERS);
}

export interface CorpusUpdate {
  title: string;
  body: string;
}

export interface CorpusBreadth {
  matched: number;
  total: number;
  /** Keywords by how many updates each matched, most first (only those that matched). */
  byKeyword: { keyword: string; updates: number }[];
}

/** How many updates of `corpus` the topic (its excludes included) would alert on. */
export function corpusBreadth(topic: GuildTopic, corpus: readonly CorpusUpdate[]): CorpusBreadth {
  const matcher = new Matcher([guildTopicToMatchable(topic, 'candidate')]);
  const perKeyword = new Map<string, number>();
  let matched = 0;
  for (const update of corpus) {
    const match = matcher.match(update)[0];
    if (!match) continue;
    matched += 1;
    for (const phrase of new Set(match.phrases)) {
      perKeyword.set(phrase, (perKeyword.get(phrase) ?? 0) + 1);
    }
  }
  const byKeyword = [...perKeyword]
    .map(([keyword, updates]) => ({ keyword, updates }))
    .sort((a, b) => b.updates - a.updates || a.keyword.localeCompare(b.keyword));
  return { matched, total: corpus.length, byKeyword };
}

export function isTooBroad(breadth: CorpusBreadth): boolean {
  return breadth.total > 0 && breadth.matched / breadth.total > MAX_CORPUS_SHARE;
}
