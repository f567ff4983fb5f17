import {
  type ChannelRecord,
  type GuildRecord,
  type LocalState,
  Permission,
  type RecordedMessage,
  type RoleRecord,
  type UserRecord,
} from './state.ts';

// Shapes follow Discord's API v10 objects, with only the fields discord.js reads.

export function apiUser(user: UserRecord) {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: null,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
  };
}

export function apiRole(role: RoleRecord) {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    hoist: role.hoist,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: role.mentionable,
    flags: 0,
  };
}

export function apiMember(state: LocalState, guild: GuildRecord, userId: string) {
  const member = guild.members.get(userId);
  const user = state.users.get(userId);
  if (!member || !user) return undefined;
  return {
    user: apiUser(user),
    roles: [...member.roleIds],
    joined_at: member.joinedAt,
    deaf: false,
    mute: false,
    flags: 0,
  };
}

export function apiChannel(state: LocalState, channel: ChannelRecord) {
  if (channel.guildId === null) {
    const recipient = state.users.get(channel.recipientId ?? '');
    return {
      id: channel.id,
      type: channel.type,
      last_message_id: null,
      recipients: recipient ? [apiUser(recipient)] : [],
    };
  }
  const guild = state.guildOf(channel);
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: guild?.channelIds.indexOf(channel.id) ?? 0,
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: state.messages.get(channel.id)?.at(-1)?.id ?? null,
    // The real way a server stops a bot posting in one channel: a member overwrite denying it.
    permission_overwrites: channel.botCanSend
      ? []
      : [{ id: state.bot.id, type: 1, allow: '0', deny: Permission.SendMessages.toString() }],
  };
}

export function apiGuild(state: LocalState, guild: GuildRecord, withAllMembers: boolean) {
  const memberIds = withAllMembers ? [...guild.members.keys()] : [state.bot.id];
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: guild.ownerId,
    unavailable: false,
    member_count: guild.members.size,
    joined_at: guild.members.get(state.bot.id)?.joinedAt,
    large: false,
    features: [],
    preferred_locale: guild.preferredLocale,
    channels: guild.channelIds.flatMap((id) => {
      const channel = state.channels.get(id);
      return channel ? [apiChannel(state, channel)] : [];
    }),
    roles: [...guild.roles.values()].map(apiRole),
    members: memberIds.map((id) => apiMember(state, guild, id)).filter(Boolean),
    emojis: [],
    stickers: [],
    threads: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

export function apiMessage(state: LocalState, message: RecordedMessage) {
  const channel = state.channels.get(message.channelId);
  const author = state.users.get(message.authorId) ?? state.bot;
  return {
    id: message.id,
    channel_id: message.channelId,
    ...(channel?.guildId ? { guild_id: channel.guildId } : {}),
    type: 0,
    content: message.content,
    author: apiUser(author),
    timestamp: message.createdAt,
    edited_timestamp: message.editedAt,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
    ...(message.nonce === undefined ? {} : { nonce: message.nonce }),
    ...(message.interactionId ? { webhook_id: state.applicationId } : {}),
  };
}
