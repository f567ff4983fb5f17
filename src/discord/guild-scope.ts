import type { ChatInputCommandInteraction, GuildBasedChannel, Role } from 'discord.js';

/**
 * Discord resolves channel and role options within the server a command runs in. The bot
 * checks again before storing or posting, so an option resolved to another server's channel
 * or role (a forged or mis-resolved interaction) can never make one server's settings reach
 * into another.
 */
export function isChannelOfThisGuild(
  interaction: ChatInputCommandInteraction<'cached'>,
  channel: Pick<GuildBasedChannel, 'guildId'>,
): boolean {
  return channel.guildId === interaction.guildId;
}

/**
 * The role must be one the server itself lists. A resolved role carries no server id (and
 * discord.js files it under the interaction's server), so the server's own list is asked.
 */
export async function isRoleOfThisGuild(
  interaction: ChatInputCommandInteraction<'cached'>,
  role: Pick<Role, 'id'>,
): Promise<boolean> {
  const roles = await interaction.guild.roles.fetch();
  return roles.has(role.id);
}
