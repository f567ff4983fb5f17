/** `<t:…:R>` renders in each reader's own time zone and language ("5 minutes ago"). */
export function discordTime(
  iso: string | undefined,
  style: 'R' | 'f' | 't' = 'R',
): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : `<t:${Math.floor(time / 1000)}:${style}>`;
}

/** The http(s) URL, or undefined for anything else (file paths, javascript:, junk). */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function percentEncode(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * A masked link whose URL cannot break out of the markdown: characters that would end it
 * are percent-encoded, and `<…>` stops Discord from adding a preview under the reply.
 */
export function markdownLink(escapedText: string, url: string): string | undefined {
  const safe = httpUrl(url);
  if (!safe) return undefined;
  const encoded = safe.replace(/[()<>\s]/g, percentEncode);
  return `[${escapedText}](<${encoded}>)`;
}

/** A bare link without a preview, or the text in code when it is not a web address. */
export function plainLink(value: string): string {
  const safe = httpUrl(value);
  if (safe) return `<${safe.replace(/[<>\s]/g, percentEncode)}>`;
  return `\`${value.replaceAll('`', "'")}\``;
}

/** "12 s", "3 min 5 s", "2 h 4 min": the units come from the caller's language. */
export function formatDuration(ms: number, units: { s: string; min: string; h: string }): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} ${units.s}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} ${units.min} ${seconds % 60} ${units.s}`;
  return `${Math.floor(minutes / 60)} ${units.h} ${minutes % 60} ${units.min}`;
}
