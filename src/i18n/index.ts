import { en, type MessageKey } from './en.ts';
import { uk } from './uk.ts';

export type { MessageKey };
export type Locale = 'en' | 'uk';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, uk };

/** Discord sends locales such as `uk` or `en-US`; everything not Ukrainian reads English. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('uk') ? 'uk' : 'en';
}

/** The string for `key` in `locale`, with `{name}` placeholders filled from `vars`. */
export function t(
  locale: Locale,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** The placeholders a template uses, so tests can compare the two languages. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export { en, uk };
