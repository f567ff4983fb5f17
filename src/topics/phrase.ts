import { phraseKeys } from './normalise.ts';

/**
 * The phrase language of topic definitions (guild keywords are plain words: compilePlainPhrase).
 *
 *   words          consecutive words, matched after normalising (case, inflection, spelling,
 *                  apostrophes, dashes): "air raid alert" finds "Air-raid alerts"
 *   #              any number: "# killed" finds "40 killed", "two killed"
 *   a | b          either alternative
 *   a + b          both, anywhere in the same sentence: "missile | drone + hit"
 *
 * "+" binds loosest: "missile | drone + hit | struck" is (missile or drone) and (hit or struck).
 * The operators count only with spaces around them, so "c++" or "a|b" are plain text.
 */
export const NUMBER_KEY = '#';
/** A sentence check is a bit mask, so a phrase has at most this many "+" parts. */
export const MAX_PARTS = 8;

/** parts → alternatives → word keys. */
export type CompiledPhrase = string[][][];

/** One alternative of one part: its word keys, and its text as written (to say why it matched). */
export interface PhraseAlternative {
  text: string;
  keys: string[];
}

const AND = /\s+\+\s+/;
const OR = /\s+\|\s+/;

function compileAlternative(text: string): string[] {
  const keys: string[] = [];
  for (const chunk of text.trim().split(/\s+/)) {
    if (chunk === NUMBER_KEY) keys.push(NUMBER_KEY);
    else if (chunk !== '') keys.push(...phraseKeys(chunk));
  }
  return keys;
}

/** A phrase read as plain words, every operator character just text (guild keywords). */
export function compilePlainPhrase(phrase: string): CompiledPhrase | undefined {
  return plainPhraseParts(phrase)?.map((part) => part.map((alt) => alt.keys));
}

export function plainPhraseParts(phrase: string): PhraseAlternative[][] | undefined {
  const keys = phraseKeys(phrase);
  return keys.length > 0 ? [[{ text: phrase.trim(), keys }]] : undefined;
}

/**
 * Compiles one phrase; undefined when some part has no word at all (such a phrase could never
 * match, which in a definition is a mistake worth reporting).
 */
export function compilePhrase(phrase: string): CompiledPhrase | undefined {
  return phraseParts(phrase)?.map((part) => part.map((alt) => alt.keys));
}

// Definitions are checked when loaded and compiled again into the matcher: compile each once.
const compiled = new Map<string, PhraseAlternative[][] | undefined>();
const COMPILED_LIMIT = 20_000;

/** Like compilePhrase, keeping each alternative's text. The result is shared: never change it. */
export function phraseParts(phrase: string): PhraseAlternative[][] | undefined {
  if (compiled.has(phrase)) return compiled.get(phrase);
  const parts = compileParts(phrase);
  if (compiled.size >= COMPILED_LIMIT) compiled.clear();
  compiled.set(phrase, parts);
  return parts;
}

function compileParts(phrase: string): PhraseAlternative[][] | undefined {
  const parts: PhraseAlternative[][] = [];
  for (const partText of phrase.trim().split(AND)) {
    const alternatives = partText
      .split(OR)
      .map((text) => ({ text: text.trim(), keys: compileAlternative(text) }))
      .filter((alt) => alt.keys.length > 0);
    if (alternatives.length === 0) return undefined;
    parts.push(alternatives);
  }
  if (parts.length === 0 || parts.length > MAX_PARTS) return undefined;
  return parts;
}

/** Why a phrase is unusable, or undefined when it is fine; for validation messages. */
export function phraseProblem(phrase: string): string | undefined {
  if (phrase.trim() === '') return 'is empty';
  if (phrase.trim().split(AND).length > MAX_PARTS) return `has more than ${MAX_PARTS} "+" parts`;
  if (compilePhrase(phrase) === undefined) return 'has a part with no letters or digits';
  return undefined;
}
