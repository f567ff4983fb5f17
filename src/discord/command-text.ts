import type { LocalizationMap } from 'discord.js';
import { type MessageKey, t } from '../i18n/index.ts';

interface Describable {
  setDescription(description: string): unknown;
  setDescriptionLocalizations(localizations: LocalizationMap | null): unknown;
}

/**
 * Gives a command, subcommand or option its English description and the Ukrainian one.
 * Names stay ASCII and the same in every language, so docs and muscle memory agree.
 */
export function describe<T extends Describable>(builder: T, key: MessageKey): T {
  builder.setDescription(t('en', key));
  builder.setDescriptionLocalizations({ uk: t('uk', key) });
  return builder;
}

/** A fixed choice with its Ukrainian display name (the value stays the same). */
export function localizedChoice(key: MessageKey, value: string) {
  return { name: t('en', key), name_localizations: { uk: t('uk', key) }, value };
}
