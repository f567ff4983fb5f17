import { z } from 'zod';
import { discordError } from './api-error.ts';
import { apiMember, apiRole } from './api-objects.ts';
import { type Gateway, Intent } from './gateway.ts';
import { del, get, noContent, ok, patch, post, put, type Route } from './router.ts';
import { nextSnowflake } from './snowflake.ts';
import {
  type GuildRecord,
  type LocalState,
  Permission,
  type RoleRecord,
  type StoredCommand,
} from './state.ts';

const createRoleSchema = z.object({
  name: z.string().max(100).optional(),
  permissions: z.string().regex(/^\d+$/).optional(),
  color: z.number().int().min(0).max(0xffffff).optional(),
  hoist: z.boolean().optional(),
  mentionable: z.boolean().optional(),
});
const editRoleSchema = createRoleSchema.omit({ permissions: true });

/** Tells the shard holding the guild that one of its roles was created or changed. */
export function announceRole(
  gateway: Gateway,
  event: 'GUILD_ROLE_CREATE' | 'GUILD_ROLE_UPDATE',
  guildId: string,
  role: RoleRecord,
): void {
  gateway.dispatch(event, { guild_id: guildId, role: apiRole(role) }, Intent.Guilds);
}

// Chat-input command names are lowercase, 1-32 letters, digits, '-' or '_'.
const commandSchema = z
  .looseObject({
    name: z.string().regex(/^[-_'\p{L}\p{N}]{1,32}$/u),
    type: z.number().int().optional(),
    description: z.string().max(100).optional(),
  })
  .refine((command) => (command.type ?? 1) !== 1 || command.name === command.name.toLowerCase(), {
    message: 'Command name must be lowercase',
  })
  .refine((command) => (command.type ?? 1) !== 1 || (command.description ?? '').length > 0, {
    message: 'Chat input commands need a description',
  });

/** Guilds, roles, members and application commands. */
export function guildRoutes(state: LocalState, gateway: Gateway): Route[] {
  const guildOrThrow = (guildId: string): GuildRecord => {
    const guild = state.guilds.get(guildId);
    if (!guild) throw discordError(404, 10004);
    return guild;
  };

  const requireManageRoles = (guild: GuildRecord) => {
    if (!(state.memberPermissions(guild, state.bot.id) & Permission.ManageRoles)) {
      throw discordError(403, 50013);
    }
  };

  /** Role changes: Discord only lets the bot touch roles below its own highest role. */
  const changeMemberRole = (guildId: string, userId: string, roleId: string, add: boolean) => {
    const guild = guildOrThrow(guildId);
    const member = guild.members.get(userId);
    if (!member) throw discordError(404, 10007);
    const role = guild.roles.get(roleId);
    if (!role || role.id === guild.id) throw discordError(404, 10011);
    requireManageRoles(guild);
    if (role.managed || role.position >= state.botHighestRolePosition(guild)) {
      throw discordError(403, 50013);
    }
    const without = member.roleIds.filter((id) => id !== roleId);
    member.roleIds = add ? [...without, roleId] : without;
    const event = { guild_id: guild.id, ...apiMember(state, guild, userId) };
    gateway.dispatch('GUILD_MEMBER_UPDATE', event, Intent.GuildMembers);
    return noContent();
  };

  const commandRoutes = (pattern: string, scope: (params: Record<string, string>) => string) => {
    const scopeOf = (params: Record<string, string>) => {
      if (params.appId !== state.applicationId) throw discordError(403, 50001);
      const guildId = scope(params);
      if (guildId) guildOrThrow(guildId);
      return guildId;
    };
    const stored = (guildId: string, raw: z.infer<typeof commandSchema>): StoredCommand => ({
      ...raw,
      id: state.commands.get(guildId)?.find((old) => old.name === raw.name)?.id ?? nextSnowflake(),
      application_id: state.applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      type: raw.type ?? 1,
      version: nextSnowflake(),
      default_member_permissions: raw.default_member_permissions ?? null,
    });
    return [
      get(pattern, ({ params }) => ok(state.commands.get(scopeOf(params)) ?? [])),
      put(pattern, ({ params, body }) => {
        const guildId = scopeOf(params);
        const parsed = z.array(commandSchema).max(100).safeParse(body);
        if (!parsed.success) throw discordError(400, 50035, parsed.error.issues);
        const commands = parsed.data.map((raw) => stored(guildId, raw));
        state.commands.set(guildId, commands);
        return ok(commands);
      }),
      post(pattern, ({ params, body }) => {
        const guildId = scopeOf(params);
        const parsed = commandSchema.safeParse(body);
        if (!parsed.success) throw discordError(400, 50035, parsed.error.issues);
        const command = stored(guildId, parsed.data);
        const others = (state.commands.get(guildId) ?? []).filter(
          (old) => old.name !== command.name,
        );
        state.commands.set(guildId, [...others, command]);
        return ok(command);
      }),
    ];
  };

  return [
    get('/guilds/:guildId/roles', ({ params }) =>
      ok([...guildOrThrow(params.guildId!).roles.values()].map(apiRole)),
    ),

    post('/guilds/:guildId/roles', ({ params, body }) => {
      const guild = guildOrThrow(params.guildId!);
      requireManageRoles(guild);
      const parsed = createRoleSchema.safeParse(body ?? {});
      if (!parsed.success) throw discordError(400, 50035, parsed.error.issues);
      const permissions = BigInt(parsed.data.permissions ?? '0');
      // A bot cannot hand out permissions it does not have itself.
      const botPermissions = state.memberPermissions(guild, state.bot.id);
      if ((permissions & botPermissions) !== permissions) throw discordError(403, 50013);
      const { name = 'new role', color = 0, hoist = false, mentionable = false } = parsed.data;
      const role = state.createRole(guild, { name, permissions, color, hoist, mentionable });
      announceRole(gateway, 'GUILD_ROLE_CREATE', guild.id, role);
      // The roles above it moved up one position; clients keep their caches in order from these.
      for (const moved of guild.roles.values()) {
        if (moved.position > role.position)
          announceRole(gateway, 'GUILD_ROLE_UPDATE', guild.id, moved);
      }
      return ok(apiRole(role));
    }),

    patch('/guilds/:guildId/roles/:roleId', ({ params, body }) => {
      const guild = guildOrThrow(params.guildId!);
      const role = guild.roles.get(params.roleId!);
      if (!role) throw discordError(404, 10011);
      requireManageRoles(guild);
      // Like Discord: a bot edits only roles below its own highest one.
      if (role.managed || role.position >= state.botHighestRolePosition(guild)) {
        throw discordError(403, 50013);
      }
      const parsed = editRoleSchema.safeParse(body ?? {});
      if (!parsed.success) throw discordError(400, 50035, parsed.error.issues);
      Object.assign(role, parsed.data);
      announceRole(gateway, 'GUILD_ROLE_UPDATE', guild.id, role);
      return ok(apiRole(role));
    }),

    get('/guilds/:guildId/members/:userId', ({ params }) => {
      const member = apiMember(state, guildOrThrow(params.guildId!), params.userId!);
      if (!member) throw discordError(404, 10007);
      return ok(member);
    }),

    put('/guilds/:guildId/members/:userId/roles/:roleId', ({ params }) =>
      changeMemberRole(params.guildId!, params.userId!, params.roleId!, true),
    ),

    del('/guilds/:guildId/members/:userId/roles/:roleId', ({ params }) =>
      changeMemberRole(params.guildId!, params.userId!, params.roleId!, false),
    ),

    ...commandRoutes('/applications/:appId/commands', () => ''),
    ...commandRoutes('/applications/:appId/guilds/:guildId/commands', (params) => params.guildId!),
  ];
}
