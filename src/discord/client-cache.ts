import { type CacheFactory, Collection, LimitedCollection } from 'discord.js';

/**
 * What the bot reads from discord.js's caches: guilds (locale, interactions in a cached
 * guild), their channels, roles and permission overwrites (permission checks, mention roles)
 * and its own member in each guild. discord.js warns that the first five must stay whole.
 */
const KEPT = new Set([
  'GuildManager',
  'ChannelManager',
  'GuildChannelManager',
  'RoleManager',
  'PermissionOverwriteManager',
]);

/** Kept only for the bot itself: `guild.members.me`, `client.users` for the bot's user. */
const OWN_ONLY = new Set(['GuildMemberManager', 'UserManager']);

/** One function for every guild's member cache (a closure per guild costs 50 bytes × 10,000). */
function isTheBot(entry: { id: string; client: { user: { id: string } | null } }): boolean {
  return entry.id === entry.client.user?.id;
}

/**
 * A cache factory for a bot in thousands of guilds. Every other cache (messages, threads,
 * emojis, stickers, bans, invites, voice states, presences, scheduled events, other members
 * and users…) is never read here, so all of them share one collection that never stores:
 * each guild and channel then costs its few kept maps instead of twenty, and the member and
 * user caches no longer grow with everyone who ever ran a command.
 */
export function botCacheFactory(): CacheFactory {
  const nothing = new LimitedCollection<unknown, unknown>({ maxSize: 0 });
  const factory = (
    managerType: { name: string },
    _holds: unknown,
    manager: { name: string },
  ): Collection<unknown, unknown> => {
    if (KEPT.has(manager.name) || KEPT.has(managerType.name)) return new Collection();
    if (OWN_ONLY.has(manager.name)) {
      return new LimitedCollection({ maxSize: 0, keepOverLimit: isTheBot }) as Collection<
        unknown,
        unknown
      >;
    }
    return nothing;
  };
  return factory as unknown as CacheFactory;
}
