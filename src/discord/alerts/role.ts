import { isRoleOfThisGuild } from '../guild-scope.ts';
import { topicFromOption, topicShortName } from '../member-topics.ts';
import { assignProblem, roleProblemText } from '../mention-roles.ts';
import { botMember } from '../permissions.ts';
import { respond } from '../replies.ts';
import type { AdminHandler } from './handler.ts';

/** `/alerts role`: an existing role becomes the one `/subscribe` gives and alerts mention. */
export const setTopicRole: AdminHandler = async (interaction, context, speaker) => {
  const { say } = speaker;
  const topic = await topicFromOption(interaction, context, speaker);
  if (!topic) return;
  const role = interaction.options.getRole('role', true);
  const mention = `<@&${role.id}>`;
  if (role.id === interaction.guildId) return respond(interaction, say('role.everyone'));
  if (role.managed) return respond(interaction, say('role.managedRefused', { role: mention }));
  if (!(await isRoleOfThisGuild(interaction, role))) {
    return respond(interaction, say('admin.otherGuild'));
  }

  const name = topicShortName(topic, speaker.locale);
  let previous: string | undefined;
  await context.settings.update(interaction.guildId, (settings) => {
    previous = settings.roles[topic.id];
    settings.roles[topic.id] = role.id;
  });

  const lines = [say('role.set', { topic: name, role: mention })];
  if (previous && previous !== role.id) {
    lines.push(say('role.replaced', { previous: `<@&${previous}>` }));
  }
  if (!role.mentionable) lines.push(say('role.notMentionable', { role: mention }));
  const full = interaction.guild.roles.cache.get(role.id);
  const problem = full ? assignProblem(await botMember(interaction.guild), full) : undefined;
  if (problem) lines.push(roleProblemText(problem, speaker, name));
  await respond(interaction, lines.join('\n'));
};
