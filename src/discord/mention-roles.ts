import {
  DiscordAPIError,
  type Guild,
  type GuildMember,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  type Role,
} from 'discord.js';
import type { CommandContext } from '../app/context.ts';
import type { AlertLanguage } from '../core/guild-settings.ts';
import type { TopicInfo } from '../core/topic.ts';
import { t } from '../i18n/index.ts';
import { botMember } from './permissions.ts';
import type { Speaker } from './replies.ts';
import { guildAlertLanguage } from './server-language.ts';

/** Why the bot cannot hand out a topic's mention role; each has its own fix for an admin. */
export type RoleProblem =
  | { kind: 'no-manage-roles' }
  | { kind: 'role-above-bot'; roleId: string }
  | { kind: 'role-managed'; roleId: string };

export type RoleOutcome = { role: Role; created: boolean } | { problem: RoleProblem };

/** The role stored for a topic, if it still exists in the guild. */
export async function storedTopicRole(
  guild: Guild,
  roleId: string | undefined,
): Promise<Role | undefined> {
  if (!roleId) return undefined;
  const cached = guild.roles.cache.get(roleId);
  if (cached) return cached;
  return (await guild.roles.fetch(roleId).catch(() => null)) ?? undefined;
}

/**
 * The topic's mention role; when the guild has none (or it was deleted) a mentionable one is
 * created and stored. Two members subscribing at once may both create one: the first stored
 * wins and the other is deleted again.
 */
export async function ensureTopicRole(
  guild: Guild,
  topic: TopicInfo,
  context: CommandContext,
): Promise<RoleOutcome> {
  const before = context.settings.get(guild.id).roles[topic.id];
  const existing = await storedTopicRole(guild, before);
  if (existing) return { role: existing, created: false };

  const me = await botMember(guild);
  if (!me.permissions.has(PermissionFlagsBits.ManageRoles)) {
    return { problem: { kind: 'no-manage-roles' } };
  }
  // A role is shared by the whole server, so it is named in the language of its alerts.
  const locale = guildAlertLanguage(context.settings, guild);
  const created = await guild.roles.create({
    name: topicRoleName(topic, locale),
    mentionable: true,
    colors: { primaryColor: topic.color },
    reason: t(locale, 'role.reason', { topic: topic.id }),
  });

  let winner: string | undefined;
  await context.settings.update(guild.id, (settings) => {
    const current = settings.roles[topic.id];
    if (current && current !== before) winner = current;
    else settings.roles[topic.id] = created.id;
  });
  if (winner) {
    const stored = await storedTopicRole(guild, winner);
    if (stored) {
      await created.delete().catch(() => undefined);
      return { role: stored, created: false };
    }
  }
  context.logger.info({ guildId: guild.id, topic: topic.id, roleId: created.id }, 'role created');
  return { role: created, created: true };
}

/** The name the bot gives a topic's role in a language. */
function topicRoleName(topic: TopicInfo, locale: AlertLanguage): string {
  return t(locale, 'role.name', { emoji: topic.emoji, name: topic.name[locale] }).slice(0, 100);
}

/**
 * After the server's alert language changed, the topic roles the bot made are renamed into
 * the new one. A role whose name is not the one the bot gave it (an admin renamed it) is
 * left as it is; a role the bot may not edit is counted as failed, nothing else happens.
 */
export async function renameTopicRoles(
  guild: Guild,
  context: CommandContext,
  from: AlertLanguage,
  to: AlertLanguage,
): Promise<{ renamed: number; failed: number }> {
  const result = { renamed: 0, failed: 0 };
  const roles = Object.entries(context.settings.peek(guild.id)?.roles ?? {});
  for (const [topicId, roleId] of roles) {
    const topic = context.topics.get(guild.id, topicId);
    const role = topic && (await storedTopicRole(guild, roleId));
    if (!topic || !role || role.name !== topicRoleName(topic, from)) continue;
    const name = topicRoleName(topic, to);
    if (name === role.name) continue;
    try {
      await role.edit({ name, reason: t(to, 'role.renameReason', { topic: topic.id }) });
      result.renamed += 1;
    } catch (error) {
      result.failed += 1;
      context.logger.warn(
        { guildId: guild.id, roleId, error: (error as Error).message },
        'could not rename a topic role',
      );
    }
  }
  return result;
}

/** Whether the bot may give `role` to members, and if not, why. */
export function assignProblem(me: GuildMember, role: Role): RoleProblem | undefined {
  if (role.managed) return { kind: 'role-managed', roleId: role.id };
  if (!me.permissions.has(PermissionFlagsBits.ManageRoles)) return { kind: 'no-manage-roles' };
  if (me.roles.highest.comparePositionTo(role) <= 0) {
    return { kind: 'role-above-bot', roleId: role.id };
  }
  return undefined;
}

/**
 * Gives or takes a role. Discord's own refusal (50013) is reported as a problem rather than
 * thrown: it means the role hierarchy or the bot's permissions changed under us.
 */
export async function changeMemberRole(
  member: GuildMember,
  role: Role,
  action: 'add' | 'remove',
): Promise<RoleProblem | undefined> {
  const problem = assignProblem(await botMember(member.guild), role);
  if (problem) return problem;
  try {
    if (action === 'add') await member.roles.add(role);
    else await member.roles.remove(role);
    return undefined;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingPermissions) {
      return { kind: 'role-above-bot', roleId: role.id };
    }
    throw error;
  }
}

export function roleProblemText(problem: RoleProblem, speaker: Speaker, topicName: string): string {
  switch (problem.kind) {
    case 'no-manage-roles':
      return speaker.say('role.problem.noManageRoles', { topic: topicName });
    case 'role-above-bot':
      return speaker.say('role.problem.aboveBot', { role: `<@&${problem.roleId}>` });
    case 'role-managed':
      return speaker.say('role.problem.managed', { role: `<@&${problem.roleId}>` });
  }
}

/** Whether the member holds a role, whether discord.js gave a full member or raw data. */
export function memberHasRole(member: GuildMember | null, roleId: string | undefined): boolean {
  if (!member || !roleId) return false;
  return member.roles.cache.has(roleId);
}
