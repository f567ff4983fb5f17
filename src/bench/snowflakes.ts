/**
 * Stable, valid Discord ids for generated guilds, channels and members: the same index gives
 * the same id, so the settings written to SQLite line up with the local Discord's guilds.
 */
const GUILD_BASE = 300_000_000_000_000_000n;
const CHANNEL_BASE = 400_000_000_000_000_000n;
const USER_BASE = 500_000_000_000_000_000n;

export const guildIdFor = (index: number): string => String(GUILD_BASE + BigInt(index));
export const channelIdFor = (index: number): string => String(CHANNEL_BASE + BigInt(index));
export const userIdFor = (index: number): string => String(USER_BASE + BigInt(index));
const ROLE_BASE = 600_000_000_000_000_000n;
export const roleIdFor = (index: number): string => String(ROLE_BASE + BigInt(index));
