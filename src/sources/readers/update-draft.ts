/**
 * What a reader pulls out of one entry, and how it becomes a normalised `Update`:
 * the same id, title, date and URL rules for every format.
 */
import { createHash } from 'node:crypto';
import type { Update } from '../../core/update.ts';
import { clipAtWord, MAX_BODY_CHARS, titleFromBody, toTitle } from './text.ts';

export interface UpdateDraft {
  /** The format's own identity (JSON-LD @id/url, guid, Atom id, JSON Feed id). */
  id?: string | undefined;
  title?: string | undefined;
  /** Already plain text (readers convert HTML before handing it over). */
  body: string;
  url?: string | undefined;
  published?: unknown;
  modified?: unknown;
  pinned?: boolean | undefined;
}

/** What every reader hands back to `readDocument`. */
export interface ReaderOutput {
  drafts: UpdateDraft[];
  warnings: string[];
}

/** How many words of title + body make the fallback id. */
const ID_WORDS = 24;

export function finishUpdate(draft: UpdateDraft, source: string, base: string | undefined): Update {
  const body = clipAtWord(draft.body, MAX_BODY_CHARS);
  const title = toTitle(draft.title) || titleFromBody(body);
  const update: Update = {
    source,
    id: draft.id?.trim() || contentId(title, body),
    title,
    body,
    pinned: draft.pinned === true,
  };
  const url = absoluteUrl(draft.url, base);
  if (url) update.url = url;
  const published = toIsoDate(draft.published);
  if (published) update.published = published;
  const modified = toIsoDate(draft.modified);
  if (modified) update.modified = modified;
  return update;
}

/** A short, stable hash of the first words: survives later additions to the update. */
export function contentId(title: string, body: string): string {
  const words = `${title} ${body}`.toLowerCase().split(/\s+/).filter(Boolean).slice(0, ID_WORDS);
  return createHash('sha256').update(words.join(' ')).digest('hex').slice(0, 16);
}

/** Resolves `href` against `base`; only http(s) results count as permalinks. */
export function absoluteUrl(
  href: string | undefined,
  base: string | undefined,
): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Zone abbreviations JavaScript's Date does not know but feeds use. */
const ZONES: Record<string, string> = {
  BST: '+0100',
  IST: '+0100',
  CET: '+0100',
  CEST: '+0200',
  MEZ: '+0100',
  MESZ: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  JST: '+0900',
  AEST: '+1000',
  AEDT: '+1100',
};

const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** ISO 8601 UTC for any date a feed gives; undefined for anything unreadable. */
export function toIsoDate(value: unknown): string | undefined {
  let time: number;
  if (typeof value === 'number') {
    time = value < 1e11 ? value * 1000 : value;
  } else if (typeof value === 'string') {
    time = parseDateString(value.trim());
  } else {
    return undefined;
  }
  if (!Number.isFinite(time) || time < EARLIEST || time > LATEST) return undefined;
  return new Date(time).toISOString();
}

function parseDateString(raw: string): number {
  if (raw === '' || raw.length > 80) return Number.NaN;
  if (/^\d{10}$/.test(raw)) return Number(raw) * 1000;
  if (/^\d{13}$/.test(raw)) return Number(raw);
  // Without a zone, JavaScript would use the machine's; feeds that omit it mean UTC at best.
  const zoneless = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(raw);
  if (zoneless) return Date.parse(`${zoneless[1]}T${zoneless[2]}Z`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return Date.parse(`${raw}T00:00:00Z`);
  // "+0000" style offsets in ISO strings ("2023-12-13T17:25:40+0000") need a colon.
  const compactOffset = /^(\d{4}-\d{2}-\d{2}T[\d:.]+)([+-]\d{2})(\d{2})$/.exec(raw);
  if (compactOffset)
    return Date.parse(`${compactOffset[1]}${compactOffset[2]}:${compactOffset[3]}`);
  // Without an "hh:mm", Date.parse guesses ("03 Apr 02 1500 GMT" → midnight): not a date.
  if (!/\d:\d\d/.test(raw)) return Number.NaN;
  const zone = /\s([A-Z]{3,4})$/.exec(raw);
  const withZone =
    zone?.[1] && ZONES[zone[1]] ? `${raw.slice(0, zone.index)} ${ZONES[zone[1]]}` : raw;
  // Only strings with a zone (or a Z) are trusted; Date.parse would guess local time.
  if (!/(Z|[+-]\d{2}:?\d{2}|\b(GMT|UTC|UT|[ECMP][SD]T))\s*$/i.test(withZone)) return Number.NaN;
  return Date.parse(withZone);
}
