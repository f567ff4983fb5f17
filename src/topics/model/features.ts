import { emptyWords, type Words } from '../normalise.ts';
import type { HeldPhrases } from './topic-model.ts';

/**
 * What the topic model reads in an update, as readable strings:
 *   w:<word>            a word (its matching key) anywhere in the update
 *   h:<word>            a word of the headline (or of the first sentence when there is none):
 *                       what the update is about, not what it mentions on the way
 *   p:<topic>:<phrase>  a phrase of a topic definition that holds in some sentence
 *   t:<topic>           some phrase of the topic holds
 *   s:<topic>:<word>    a word of a sentence where a phrase of the topic holds
 *   #                   the update has a number
 *   n:<size>            how long the update is (one-line bulletin … long post), see lengthClass
 *   n:digest            a key-events digest (several bulleted lines, one topic per bullet)
 * Training reads these strings; matching reads the same weights word by word (TopicModel.scores),
 * and a test holds the two to the same numbers.
 */
export function updateFeatures(words: Words, heldPhrases: readonly HeldPhrases[]): string[] {
  const features = new Set<string>();
  const { keys, numeric, sentence } = words;
  const headline = keys.length > 0 ? sentence[0] : undefined;
  for (let i = 0; i < keys.length; i += 1) {
    if (numeric[i]) {
      features.add('#');
      continue;
    }
    const key = keys[i] as string;
    if (key.length < 2) continue;
    features.add(`w:${key}`);
    if (sentence[i] === headline) features.add(`h:${key}`);
  }
  features.add(`n:${lengthClass(keys.length)}`);
  if (words.bullets >= DIGEST_BULLETS) features.add('n:digest');
  for (const { topicId, rules, sentences } of heldPhrases) {
    features.add(`t:${topicId}`);
    for (const rule of rules) features.add(`p:${topicId}:${rule}`);
    // The words around what the phrases found: "police", "match", "anniversary" in that sentence.
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] as string;
      if (!numeric[i] && key.length >= 2 && sentences.includes(sentence[i] as number)) {
        features.add(`s:${topicId}:${key}`);
      }
    }
  }
  return [...features];
}

/** Bulleted lines from which an update reads as a digest of several stories. */
export const DIGEST_BULLETS = 3;

/** A bulletin says one thing; a long post mentions many: the same phrase weighs differently. */
export function lengthClass(words: number): string {
  if (words <= 12) return 'line';
  if (words <= 40) return 'short';
  if (words <= 120) return 'post';
  return 'long';
}

/**
 * The update cut down to the sentences where one topic's phrases hold, as if they were a
 * bulletin of their own: the model's second reading, so a sentence about an air-raid alert
 * at the end of a weather story, or one bullet of a digest, is judged on its own words too.
 */
export function phraseSentences(
  words: Words,
  held: HeldPhrases,
): { words: Words; held: HeldPhrases } {
  const order = [...held.sentences].sort((a, b) => a - b);
  const local = emptyWords();
  local.sentences = order.length;
  for (let i = 0; i < words.keys.length; i += 1) {
    const at = order.indexOf(words.sentence[i] as number);
    if (at === -1) continue;
    local.keys.push(words.keys[i] as string);
    local.ids.push(words.ids[i] as number);
    local.numeric.push(words.numeric[i] === true);
    local.sentence.push(at);
  }
  return { words: local, held: { ...held, sentences: order.map((_, i) => i) } };
}

/**
 * The readings of a topic's phrase sentences alone: all of them together and, when there are
 * several, each on its own (a one-line alert inside a longer post reads as the bulletin it is).
 */
export function sentenceReadings(held: HeldPhrases): HeldPhrases[] {
  if (held.sentences.length < 2) return [held];
  return [held, ...held.sentences.map((s) => ({ ...held, sentences: [s] }))];
}
