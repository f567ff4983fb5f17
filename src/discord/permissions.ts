import {
  type ChatInputCommandInteraction,
  type Guild,
  type GuildBasedChannel,
  type GuildMember,
  PermissionFlagsBits,
} from 'discord.js';
import type { MessageKey } from '../i18n/index.ts';
import { respond, speakerFor } from './replies.ts';

/** What the bot needs in an alert channel to post an alert at all. */
export const POSTING_PERMISSIONS = ['ViewChannel', 'SendMessages', 'EmbedLinks'] as const;
/** What it needs to create and hand out mention roles for `/subscribe`. */
export const PING_PERMISSIONS = ['ManageRoles'] as const;

export type PermissionName = (typeof POSTING_PERMISSIONS)[number] | 'ManageRoles';

export function permissionLabelKey(name: PermissionName): MessageKey {
  return `permission.${name}`;
}

/**
 * Discord hides `/alerts` from members without Manage Server, but server admins can change
 * that in Integrations, so every admin command checks again before touching settings.
 */
export async function ensureManageGuild(
  interaction: ChatInputCommandInteraction,
): Promise<boolean> {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  await respond(interaction, speakerFor(interaction).say('admin.refused'));
  return false;
}

export function isManager(permissions: { has(bit: bigint): boolean } | null): boolean {
  return permissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

/** The bot's own member in a guild, fetched when the cache does not have it. */
export async function botMember(guild: Guild): Promise<GuildMember> {
  return guild.members.me ?? (await guild.members.fetchMe());
}

/** Which of `wanted` the bot lacks in `channel`, after the channel's overwrites. */
export function missingIn(
  channel: GuildBasedChannel,
  me: GuildMember,
  wanted: readonly PermissionName[],
): PermissionName[] {
  const granted = channel.permissionsFor(me);
  return wanted.filter((name) => !granted?.has(PermissionFlagsBits[name]));
}
