import type { AutocompleteInteraction } from 'discord.js';
import type { CommandContext } from '../../app/context.ts';
import { localeOf } from '../../i18n/index.ts';
import { isManager } from '../permissions.ts';
import { textChoices, topicChoices, topicListChoices } from '../topic-options.ts';

/**
 * Suggestions for `/alerts` options. Only managers get any: the guild's sources and topic
 * keywords are theirs to see.
 */
export async function answerAdminAutocomplete(
  interaction: AutocompleteInteraction,
  context: CommandContext,
): Promise<void> {
  const guildId = interaction.guildId;
  if (!guildId || !isManager(interaction.memberPermissions)) return interaction.respond([]);
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  const locale = localeOf(interaction.locale);
  const settings = context.settings.get(guildId);

  switch (focused.name) {
    case 'topics':
      return interaction.respond(topicListChoices(context.topics.list(guildId), typed, locale));
    case 'topic':
      return interaction.respond(topicChoices(context.topics.list(guildId), typed, locale));
    case 'url':
      return interaction.respond(
        textChoices(
          settings.sources.map((source) => ({ name: source, value: source })),
          typed,
        ),
      );
    case 'name':
      return interaction.respond(
        textChoices(
          settings.customTopics.map((topic) => ({
            name: `${topic.name} (${topic.slug})`,
            value: topic.slug,
          })),
          typed,
        ),
      );
    default:
      return interaction.respond([]);
  }
}
