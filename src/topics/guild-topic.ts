import { z } from 'zod';
import type { MatchableTopic } from './matcher.ts';
import { phraseKeys } from './normalise.ts';

/** How many custom topics one guild may keep. */
export const MAX_GUILD_TOPICS = 25;

export const GUILD_TOPIC_LIMITS = {
  nameLength: 50,
  slugLength: 32,
  keywords: 25,
  excludes: 25,
  phraseMinLength: 2,
  phraseMaxLength: 60,
} as const;

/**
 * A guild's own keyword topic. Keywords are matched as plain words by the same Matcher as
 * the built-in topics (inflection, spelling and case variants included); regex
 * metacharacters, markdown, mentions and the phrase operators are just text.
 */
export interface GuildTopic {
  /** Lowercase a-z, 0-9 and "-", derived from the name, at most 32 characters. */
  slug: string;
  /** As typed (trimmed); the caller escapes it wherever it is shown. */
  name: string;
  include: string[];
  exclude: string[];
}

/** A limit was passed or an input is unusable; the message is fit to show to the user. */
export class GuildTopicError extends Error {
  override name = 'GuildTopicError';
}

const InputSchema = z.object({
  name: z.string({ error: 'name must be text' }),
  keywords: z.string({ error: 'keywords must be text' }),
  exclude: z.string({ error: 'exclude must be text' }).optional(),
});

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  ё: 'e',
  ы: 'y',
  э: 'e',
  ъ: '',
};

function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** "Kharkiv blackouts!" → "kharkiv-blackouts"; "Харків" → "kharkiv"; never empty. */
export function slugify(name: string): string {
  const latin = [...name.toLowerCase()].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join('');
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, GUILD_TOPIC_LIMITS.slugLength)
    .replace(/-+$/, '');
  return slug !== '' ? slug : `topic-${shortHash(name)}`;
}

const length = (text: string) => [...text].length;
const quote = (text: string) =>
  JSON.stringify(length(text) > 60 ? `${[...text].slice(0, 60).join('')}…` : text);

function parseList(raw: string | undefined, what: 'keyword' | 'exclude', max: number): string[] {
  const items = (raw ?? '')
    .split(',')
    .map((item) => item.trim().replace(/\s+/g, ' '))
    .filter((item) => item !== '');
  const seen = new Set<string>();
  const unique = items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const plural = what === 'keyword' ? 'keywords' : 'excludes';
  if (unique.length > max) {
    throw new GuildTopicError(`Too many ${plural}: at most ${max} allowed, got ${unique.length}.`);
  }
  const { phraseMinLength: min, phraseMaxLength: maxLength } = GUILD_TOPIC_LIMITS;
  for (const item of unique) {
    if (length(item) < min) {
      throw new GuildTopicError(
        `The ${what} ${quote(item)} is too short: at least ${min} characters.`,
      );
    }
    if (length(item) > maxLength) {
      throw new GuildTopicError(
        `The ${what} ${quote(item)} is too long: at most ${maxLength} characters, got ${length(item)}.`,
      );
    }
    if (phraseKeys(item).length === 0) {
      throw new GuildTopicError(`The ${what} ${quote(item)} has no letters or digits to match.`);
    }
  }
  return unique;
}

/** Reads the /topic form: a name and comma-separated keyword and exclude lists. */
export function parseGuildTopic(input: {
  name: string;
  keywords: string;
  exclude?: string;
}): GuildTopic {
  const parsed = InputSchema.safeParse(input);
  if (!parsed.success)
    throw new GuildTopicError(parsed.error.issues[0]?.message ?? 'Invalid topic.');
  const name = parsed.data.name.trim().replace(/\s+/g, ' ');
  if (name === '') throw new GuildTopicError('The topic needs a name.');
  if (length(name) > GUILD_TOPIC_LIMITS.nameLength) {
    throw new GuildTopicError(
      `The name is too long: at most ${GUILD_TOPIC_LIMITS.nameLength} characters, got ${length(name)}.`,
    );
  }
  const include = parseList(parsed.data.keywords, 'keyword', GUILD_TOPIC_LIMITS.keywords);
  if (include.length === 0) throw new GuildTopicError('The topic needs at least one keyword.');
  const exclude = parseList(parsed.data.exclude, 'exclude', GUILD_TOPIC_LIMITS.excludes);
  return { slug: slugify(name), name, include, exclude };
}

/** The Matcher's view of a guild topic; `id` lets the caller namespace it (default: slug). */
export function guildTopicToMatchable(topic: GuildTopic, id: string = topic.slug): MatchableTopic {
  return { id, include: topic.include, exclude: topic.exclude, plain: true };
}

/** Throws when a guild that has `current` topics may not add another one. */
export function assertRoomForGuildTopic(current: number): void {
  if (current >= MAX_GUILD_TOPICS) {
    throw new GuildTopicError(
      `This server already has ${current} custom topics: at most ${MAX_GUILD_TOPICS} allowed. Remove one first.`,
    );
  }
}
