import type { LocalizationMap } from 'discord.js';
import { ukCommandName } from '../i18n/command-names.ts';
import { type MessageKey, t } from '../i18n/index.ts';

interface Describable {
  readonly name: string;
  setNameLocalizations(localizations: LocalizationMap | null): unknown;
  setDescription(description: string): unknown;
  setDescriptionLocalizations(localizations: LocalizationMap | null): unknown;
}

/**
 * Gives a command, subcommand group, subcommand or option (already named with `setName`) its
 * Ukrainian name and its English and Ukrainian descriptions. Call it after `setName`: the
 * Ukrainian name is looked up from the English one (src/i18n/command-names.ts).
 */
export function describe<T extends Describable>(builder: T, key: MessageKey): T {
  builder.setNameLocalizations({ uk: ukCommandName(builder.name) });
  builder.setDescription(t('en', key));
  builder.setDescriptionLocalizations({ uk: t('uk', key) });
  return builder;
}

/** A fixed choice with its Ukrainian display name (the value stays the same). */
export function localizedChoice(key: MessageKey, value: string) {
  return { name: t('en', key), name_localizations: { uk: t('uk', key) }, value };
}
