/**
 * Small integer ids for the word keys that some matcher or model looks up. Matching reads
 * every word of every update against the phrase index and the model's word table; an array
 * read by id is several times cheaper than a string-keyed Map lookup, and a word no phrase
 * or weight knows (most words) gets the id UNKNOWN_WORD and costs no lookup at all.
 *
 * Only keys that a matcher or model registers get an id, so the table grows with phrases and
 * keyword topics, never with the text that is read. Ids are never reused: an index built
 * earlier simply does not know a later id.
 */
const ids = new Map<string, number>();
let generation = 0;

export const UNKNOWN_WORD = -1;

/** The id of a key, giving it one if it has none (matchers and models, at build time). */
export function registerWord(key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
    generation += 1;
  }
  return id;
}

/** The id of a key some matcher or model knows, or UNKNOWN_WORD. */
export function wordId(key: string): number {
  return ids.get(key) ?? UNKNOWN_WORD;
}

/** Changes whenever a key is registered: a cached UNKNOWN_WORD may then be stale. */
export function wordIdGeneration(): number {
  return generation;
}

/**
 * An empty table with one slot per id known now. Filled to its length up front: holes would
 * make the array a dictionary, and such a table is read once per word of every update.
 */
export function tableByWordId<T>(): (T | undefined)[] {
  return new Array<T | undefined>(ids.size).fill(undefined);
}

/** What `table` holds for `id`: nothing for UNKNOWN_WORD or for an id newer than the table. */
export function atWordId<T>(table: readonly (T | undefined)[], id: number): T | undefined {
  return id >= 0 && id < table.length ? table[id] : undefined;
}
