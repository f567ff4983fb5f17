import { createHash } from 'node:crypto';

/** Every key the bot writes starts with this, so the bot can share a database or Redis. */
export const KEY_PREFIX = 'liveblog-alerts:';
/** PostgreSQL's keyv table holds keys of up to 255 characters; keep well under. */
const LONGEST_KEY = 200;

/**
 * The key as stored: prefixed, and, when too long for the engine, cut and completed by a
 * hash of the whole so two long keys never meet. Short keys are stored as they are, which
 * keeps stores written by earlier releases readable.
 */
export function storedKey(key: string, prefix = KEY_PREFIX): string {
  const full = `${prefix}${key}`;
  if (full.length <= LONGEST_KEY) return full;
  const digest = createHash('sha256').update(full).digest('base64url');
  return `${full.slice(0, LONGEST_KEY - digest.length - 1)}#${digest}`;
}
