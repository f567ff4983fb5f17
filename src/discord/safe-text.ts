import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200B';
/** Bidi embeddings, overrides and isolates: one could reverse the rest of an alert's line. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes text from a feed or a member safe to show: no markdown takes effect, no mention
 * can form (`@everyone`, `<@123>`, `<@&456>` all get a zero-width space after the `@`) and
 * no bidi override can flip the text around it.
 * allowed_mentions already stops pings; this also stops them from rendering as mentions.
 */
export function safeText(text: string): string {
  const escaped = escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
  return escaped
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2')
    .replaceAll('@', `@${ZERO_WIDTH_SPACE}`)
    .replace(BIDI_CONTROLS, '');
}

/** One line of feed text: whitespace (newlines included) collapsed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shortens text to at most `max` characters, preferring to end at a sentence, then at a
 * word, and marks the cut with "…".
 */
export function clip(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const room = trimmed.slice(0, Math.max(0, max - 1));
  const sentenceEnd = Math.max(
    ...['. ', '! ', '? ', '.\n', '!\n', '?\n'].map((mark) => room.lastIndexOf(mark)),
  );
  if (sentenceEnd >= room.length * 0.5) return `${room.slice(0, sentenceEnd + 1)} …`.trim();
  const wordEnd = room.search(/\s\S*$/);
  const cut = wordEnd >= room.length * 0.5 ? room.slice(0, wordEnd) : room;
  return `${cut.replace(/[\s,;:–—-]+$/, '')}…`;
}

/** `safeText(clip(text))` that still fits `max` once the escapes are added. */
export function safeClip(text: string, max: number): string {
  let budget = max;
  for (;;) {
    const result = safeText(clip(text, budget));
    if (result.length <= max || budget <= 1) return result.slice(0, max);
    budget -= Math.max(1, result.length - max);
  }
}
