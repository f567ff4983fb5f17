import { stemCyrillic } from './cyrillic.ts';
import { stemEnglish } from './english.ts';
import { wordId, wordIdGeneration } from './word-ids.ts';

/**
 * Text → a list of word keys, each tagged with its sentence. Live-blog text and topic phrases
 * both go through here, so they meet half-way: case, apostrophe and dash variants, spelling
 * and inflection are all settled before any comparison.
 */
export interface Words {
  /** The matching key of each word (see stemWord). */
  keys: string[];
  /** The id of each key (word-ids.ts), or UNKNOWN_WORD when no matcher or model knows it. */
  ids: number[];
  /** Whether each word is a number ("40", "1,500" gives two), matched by "#" in a phrase. */
  numeric: boolean[];
  /** The sentence each word belongs to; a title is its own sentence. */
  sentence: number[];
  /** How many sentences were started (the next free sentence number). */
  sentences: number;
  /** How many lines start with a bullet ("• ", "- "): a key-events digest has several. */
  bullets: number;
}

// Character classes of the scanner, one byte per UTF-16 code unit, computed once.
// 0: anything else (punctuation, symbols): a word boundary
const LETTER = 1; // letters, combining marks, non-ASCII digits: part of a word
const DIGIT = 2; // 0-9: a number word of its own ("425m" is "425" and "m")
const APOSTROPHE = 3; // ' ’ ‘ ʼ ʻ ` ´ ′: inside a word only
const STOP = 4; // . ! ? ; …  end a sentence when followed by a space, a closer or the end
const NEWLINE = 5;
const CLOSER = 6; // " ” » ) ] after a full stop still end the sentence
const SPACE = 7;

// Classified on first sight, not all 65,536 up front: that took a regular expression test per
// code unit at every start (tens of milliseconds of every CLI command); text uses a few hundred.
const UNSEEN = 255;
const CLASS = (() => {
  const table = new Uint8Array(0x10000).fill(UNSEEN);
  for (let code = 0xd800; code <= 0xdfff; code += 1) table[code] = 0; // surrogates: emoji, rare scripts
  // Emoji presentation selectors and (zero-width) joiners are marks to \p{M}, but they belong to
  // the emoji before them: "❗️Загроза" is an emoji and a word, not one unknown word.
  for (let code = 0xfe00; code <= 0xfe0f; code += 1) table[code] = 0;
  for (const code of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) table[code] = 0;
  for (let code = 48; code <= 57; code += 1) table[code] = DIGIT;
  for (const ch of "'\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032")
    table[ch.charCodeAt(0)] = APOSTROPHE;
  for (const ch of '.!?;\u2026') table[ch.charCodeAt(0)] = STOP;
  for (const ch of '"\u201d\u00bb)]') table[ch.charCodeAt(0)] = CLOSER;
  table[10] = NEWLINE;
  return table;
})();
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const WHITE_SPACE = /\s/;

/** The scanner class of one UTF-16 code unit (undefined past the end of the text). */
function classOf(code: number): number {
  const known = CLASS[code] as number;
  if (known !== UNSEEN) return known;
  const ch = String.fromCharCode(code);
  const cls = LETTER_OR_DIGIT.test(ch) ? LETTER : WHITE_SPACE.test(ch) ? SPACE : 0;
  CLASS[code] = cls;
  return cls;
}

const CYRILLIC = /[\u0400-\u04ff]/;
const BULLETS = '•-–—*▪●◦';
const LATIN = /^[a-z']+$/;
const NON_ASCII_APOSTROPHE = /[\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032]/g;

const NUMBER_WORDS = new Set(
  (
    'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty ' +
    'forty fifty hundred hundreds thousand thousands dozen dozens million millions ' +
    'один одна два дві двоє три троє чотири четверо пять пятеро шість шестеро сім десять ' +
    'девять девятеро десятки сотні тисячі две двое трое четыре шесть семь сотни тысячи'
  ).split(' '),
);

interface Entry {
  key: string;
  numeric: boolean;
  /** The key's id as of `generation` (ids are handed out as matchers are built). */
  id: number;
  generation: number;
}

const cache = new Map<string, Entry>();
// A cached word costs ~120 bytes of heap (more in Cyrillic): 50,000 words stay under ~6 MB,
// where 200,000 let a long-running bot creep up by 22 MB or more before the first clear.
// A clear costs only stemming the words again as they come back.
const CACHE_LIMIT = 50_000;

/** The matching key of one lowercase word, whatever its script. */
export function stemWord(word: string): string {
  return entryOf(word).key;
}

function entryOf(word: string): Entry {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const plain = word.replace(NON_ASCII_APOSTROPHE, "'");
  let key: string;
  if (LATIN.test(plain)) key = stemEnglish(plain);
  else if (CYRILLIC.test(plain)) key = stemCyrillic(plain.replaceAll("'", ''));
  else key = plain.replaceAll("'", '');
  const entry = {
    key,
    numeric: NUMBER_WORDS.has(plain.replaceAll("'", '')),
    id: wordId(key),
    generation: wordIdGeneration(),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, entry);
  return entry;
}

export function emptyWords(): Words {
  return { keys: [], ids: [], numeric: [], sentence: [], sentences: 0, bullets: 0 };
}

function idOf(entry: Entry): number {
  const generation = wordIdGeneration();
  if (entry.generation !== generation) {
    entry.id = wordId(entry.key);
    entry.generation = generation;
  }
  return entry.id;
}

/** Appends the words of `text` to `into`, starting a new sentence first. */
export function appendWords(into: Words, text: string): Words {
  const composed = (/[\u0080-\uffff]/.test(text) ? text.normalize('NFKC') : text).toLowerCase();
  const { keys, ids, numeric, sentence } = into;
  const n = composed.length;
  let current = into.sentences;
  let inSentence = false;
  let lineStart = true;
  let i = 0;
  while (i < n) {
    const cls = classOf(composed.charCodeAt(i));
    if (lineStart && cls !== SPACE && cls !== NEWLINE) {
      lineStart = false;
      if (BULLETS.includes(composed.charAt(i))) into.bullets += 1;
    }
    if (cls === NEWLINE) lineStart = true;
    if (cls === LETTER) {
      const start = i;
      i += 1;
      for (;;) {
        const c = classOf(composed.charCodeAt(i));
        if (i < n && c === LETTER) i += 1;
        else if (i + 1 < n && c === APOSTROPHE && classOf(composed.charCodeAt(i + 1)) === LETTER)
          i += 2;
        else break;
      }
      const entry = entryOf(composed.slice(start, i));
      keys.push(entry.key);
      ids.push(idOf(entry));
      numeric.push(entry.numeric);
      sentence.push(current);
      inSentence = true;
    } else if (cls === DIGIT) {
      const start = i;
      while (i < n && classOf(composed.charCodeAt(i)) === DIGIT) i += 1;
      const number = composed.slice(start, i);
      keys.push(number);
      ids.push(wordId(number));
      numeric.push(true);
      sentence.push(current);
      inSentence = true;
    } else if (cls === NEWLINE || cls === STOP) {
      i += 1;
      while (i < n && classOf(composed.charCodeAt(i)) === STOP) i += 1;
      const next = i < n ? classOf(composed.charCodeAt(i)) : SPACE;
      if (cls === NEWLINE || next === SPACE || next === NEWLINE || next === CLOSER) {
        if (inSentence) current += 1;
        inSentence = false;
      }
    } else {
      i += 1;
    }
  }
  into.sentences = inSentence ? current + 1 : current;
  return into;
}

/** The words of a title and a body, the title counted as its own sentence. */
export function wordsOf(title: string, body: string): Words {
  const words = emptyWords();
  appendWords(words, title);
  appendWords(words, body);
  return words;
}

/** The keys of a phrase's words, for building a lookup index. */
export function phraseKeys(phrase: string): string[] {
  return appendWords(emptyWords(), phrase).keys;
}
