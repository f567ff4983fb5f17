/**
 * Values that must never be shown, logged or stored: the bot token. Text that came from
 * outside (an error message from Discord or from a proxy in front of it) may quote the
 * request it answers, Authorization header included, so such text passes through here
 * before it is stored, posted or printed.
 */

/** Shorter values are placeholders (tests, typos), and redacting them would garble text. */
const MIN_SECRET_LENGTH = 8;
const secrets = new Map<string, RegExp>();

export function registerSecret(value: string | undefined): void {
  const secret = value?.trim();
  if (!secret || secret.length < MIN_SECRET_LENGTH || secrets.has(secret)) return;
  // Case-insensitive: an error message may have lower-cased what it quotes.
  secrets.set(secret, new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'));
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of secrets.values()) out = out.replace(pattern, '[secret]');
  return out;
}
