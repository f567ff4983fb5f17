import { nextSnowflake } from './snowflake.ts';

export const Permission = {
  Administrator: 1n << 3n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  ManageRoles: 1n << 28n,
} as const;

const ALL_PERMISSIONS = (1n << 53n) - 1n;

export const DEFAULT_BOT_PERMISSIONS =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.ReadMessageHistory |
  Permission.ManageRoles;

export const ChannelType = { Text: 0, DM: 1, Announcement: 5 } as const;

export interface LocalGuildSpec {
  id?: string;
  name: string;
  channels: { id?: string; name: string; type?: 0 | 5; botCanSend?: boolean }[];
  roles?: { id?: string; name: string; permissions?: string }[];
  members?: { id?: string; username: string }[];
  /** The server's language as its admins set it in Discord; `en-US` by default. */
  preferredLocale?: string;
}

export interface UserRecord {
  id: string;
  username: string;
  bot: boolean;
}

export interface ChannelRecord {
  id: string;
  /** null for DM channels */
  guildId: string | null;
  name: string;
  type: 0 | 1 | 5;
  botCanSend: boolean;
  recipientId?: string;
}

export interface RoleRecord {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  color: number;
  hoist: boolean;
  mentionable: boolean;
}

export interface MemberRecord {
  userId: string;
  roleIds: string[];
  joinedAt: string;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  botRoleId: string;
  roles: Map<string, RoleRecord>;
  members: Map<string, MemberRecord>;
  channelIds: string[];
  preferredLocale: string;
}

/** A message as Discord would show it now (edits applied). */
export interface RecordedMessage {
  id: string;
  channelId: string;
  authorId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  allowedMentions?: unknown;
  nonce?: string | number;
  flags: number;
  crossposted: boolean;
  ephemeral: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Set on interaction responses and follow-ups. */
  interactionId?: string;
}

export interface StoredCommand {
  id: string;
  name: string;
  [key: string]: unknown;
}

/** Everything the fake Discord knows: guilds, channels, users, messages, commands. */
export class LocalState {
  readonly bot: UserRecord = { id: nextSnowflake(), username: 'LocalBot', bot: true };
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, RecordedMessage[]>();
  readonly dmChannelByUser = new Map<string, string>();
  readonly closedDms = new Set<string>();
  /** Keyed by guild id; '' holds global commands. */
  readonly commands = new Map<string, StoredCommand[]>();
  /** How far a test moved this server's clock ahead (nonce memory, message times). */
  clockOffsetMs = 0;

  /** This server's time: the real clock, moved by `clockOffsetMs`. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  constructor(
    readonly applicationId: string,
    specs: LocalGuildSpec[],
    botPermissions: bigint,
  ) {
    this.users.set(this.bot.id, this.bot);
    for (const spec of specs) this.addGuild(spec, botPermissions);
  }

  private addGuild(spec: LocalGuildSpec, botPermissions: bigint): void {
    const id = spec.id ?? nextSnowflake();
    const joinedAt = new Date().toISOString();
    const roles = new Map<string, RoleRecord>();
    const addRole = (roleId: string, name: string, permissions: bigint, managed = false) =>
      roles.set(roleId, {
        id: roleId,
        name,
        permissions,
        position: roles.size,
        managed,
        color: 0,
        hoist: false,
        mentionable: false,
      });
    // @everyone shares the guild id and grants nothing, so the bot's role alone decides.
    addRole(id, '@everyone', 0n);
    for (const role of spec.roles ?? []) {
      addRole(role.id ?? nextSnowflake(), role.name, BigInt(role.permissions ?? '0'));
    }
    const botRoleId = nextSnowflake();
    addRole(botRoleId, this.bot.username, botPermissions, true);

    const members = new Map<string, MemberRecord>();
    members.set(this.bot.id, { userId: this.bot.id, roleIds: [botRoleId], joinedAt });
    for (const member of spec.members ?? []) {
      const user: UserRecord = {
        id: member.id ?? nextSnowflake(),
        username: member.username,
        bot: false,
      };
      this.users.set(user.id, user);
      members.set(user.id, { userId: user.id, roleIds: [], joinedAt });
    }

    const channelIds = spec.channels.map((channel) => {
      const channelId = channel.id ?? nextSnowflake();
      this.channels.set(channelId, {
        id: channelId,
        guildId: id,
        name: channel.name,
        type: channel.type ?? ChannelType.Text,
        botCanSend: channel.botCanSend ?? true,
      });
      return channelId;
    });
    // The owner is nobody the tests drive, so no member gets owner-only powers by accident.
    this.guilds.set(id, {
      id,
      name: spec.name,
      ownerId: nextSnowflake(),
      botRoleId,
      roles,
      members,
      channelIds,
      preferredLocale: spec.preferredLocale ?? 'en-US',
    });
  }

  guildOf(channel: ChannelRecord): GuildRecord | undefined {
    return channel.guildId === null ? undefined : this.guilds.get(channel.guildId);
  }

  /** Guild-level permissions of a member: @everyone plus every role it holds. */
  memberPermissions(guild: GuildRecord, userId: string): bigint {
    const member = guild.members.get(userId);
    let permissions = guild.roles.get(guild.id)?.permissions ?? 0n;
    for (const roleId of member?.roleIds ?? [])
      permissions |= guild.roles.get(roleId)?.permissions ?? 0n;
    return permissions & Permission.Administrator ? ALL_PERMISSIONS : permissions;
  }

  /** What the bot may do in a channel, after the channel's overwrite for it. */
  botPermissionsIn(channel: ChannelRecord): bigint {
    const guild = this.guildOf(channel);
    if (!guild) {
      return (
        Permission.ViewChannel |
        Permission.SendMessages |
        Permission.EmbedLinks |
        Permission.ReadMessageHistory
      );
    }
    const base = this.memberPermissions(guild, this.bot.id);
    if (base & Permission.Administrator) return base;
    return channel.botCanSend ? base : base & ~Permission.SendMessages;
  }

  botHighestRolePosition(guild: GuildRecord): number {
    const roleIds = guild.members.get(this.bot.id)?.roleIds ?? [];
    return Math.max(0, ...roleIds.map((id) => guild.roles.get(id)?.position ?? 0));
  }

  /** Discord puts a new role just above @everyone and shifts the others up. */
  createRole(guild: GuildRecord, fields: Partial<RoleRecord> & { name: string }): RoleRecord {
    for (const role of guild.roles.values()) if (role.position >= 1) role.position += 1;
    const role: RoleRecord = {
      id: nextSnowflake(),
      permissions: 0n,
      position: 1,
      managed: false,
      color: 0,
      hoist: false,
      mentionable: false,
      ...fields,
    };
    guild.roles.set(role.id, role);
    return role;
  }

  dmChannelFor(userId: string): ChannelRecord {
    const existing = this.channels.get(this.dmChannelByUser.get(userId) ?? '');
    if (existing) return existing;
    const channel: ChannelRecord = {
      id: nextSnowflake(),
      guildId: null,
      name: '',
      type: ChannelType.DM,
      botCanSend: true,
      recipientId: userId,
    };
    this.channels.set(channel.id, channel);
    this.dmChannelByUser.set(userId, channel.id);
    return channel;
  }

  addMessage(message: RecordedMessage): void {
    const list = this.messages.get(message.channelId) ?? [];
    list.push(message);
    this.messages.set(message.channelId, list);
  }

  findMessage(channelId: string, messageId: string): RecordedMessage | undefined {
    return this.messages.get(channelId)?.find((message) => message.id === messageId);
  }

  /** Looks up a command definition the bot registered, guild commands first. */
  findCommand(guildId: string, name: string): StoredCommand | undefined {
    const byName = (command: StoredCommand) => command.name === name;
    return this.commands.get(guildId)?.find(byName) ?? this.commands.get('')?.find(byName);
  }
}
