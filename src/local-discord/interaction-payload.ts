import { z } from 'zod';
import { apiChannel, apiMember, apiRole, apiUser } from './api-objects.ts';
import { nextSnowflake } from './snowflake.ts';
import type { GuildRecord, LocalState } from './state.ts';

export type OptionValue = string | number | boolean;

export interface CommandInput {
  guildId: string;
  channelId: string;
  userId: string;
  /** The invoking member's permissions; none by default. */
  permissions?: bigint;
  locale?: string;
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Channel, role and user options pass ids. */
  options?: Record<string, OptionValue>;
  /** How long to wait for the bot's final response; 5000 ms by default. */
  timeoutMs?: number;
}

/** A member clicking a button or choosing in a select menu of a message. */
export interface ComponentInput {
  /** Absent for a click in the user's DMs with the bot (`channelId` is that DM channel). */
  guildId?: string;
  channelId: string;
  userId: string;
  /** The message carrying the component (a channel message or an ephemeral reply). */
  messageId: string;
  customId: string;
  /** For a select menu: the values chosen. */
  values?: string[];
  /**
   * Sends `customId` even though the message has no such component, as a modified client
   * can: for tests that the bot trusts nothing a custom id claims. Given `values`, the
   * click is on a select menu, otherwise on a button.
   */
  forged?: boolean;
  permissions?: bigint;
  locale?: string;
  /** How long to wait for the bot's final response; 5000 ms by default. */
  timeoutMs?: number;
}

const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Number: 10,
};

const optionDefsSchema = z.array(
  z.looseObject({ name: z.string(), type: z.number().int(), options: z.unknown().optional() }),
);
type OptionDef = z.infer<typeof optionDefsSchema>[number];

function asDefs(raw: unknown): OptionDef[] {
  const parsed = optionDefsSchema.safeParse(raw ?? []);
  return parsed.success ? parsed.data : [];
}

/** Without a registered definition, guess the type the way a user's input would resolve. */
function inferType(guild: GuildRecord, state: LocalState, value: OptionValue): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  }
  if (state.channels.get(value)?.guildId === guild.id) return OptionType.Channel;
  if (guild.roles.has(value)) return OptionType.Role;
  if (guild.members.has(value)) return OptionType.User;
  return OptionType.String;
}

interface Resolved {
  users?: Record<string, unknown>;
  members?: Record<string, unknown>;
  channels?: Record<string, unknown>;
  roles?: Record<string, unknown>;
}

/** Discord sends the objects behind user/channel/role options in `data.resolved`. */
function resolve(
  state: LocalState,
  guild: GuildRecord,
  input: CommandInput,
  type: number,
  id: string,
  into: Resolved,
) {
  const unknown = () => new Error(`option value ${id} (type ${type}) is unknown in ${guild.name}`);
  if (type === OptionType.User) {
    const member = apiMember(state, guild, id);
    if (!member) throw unknown();
    const { user, ...rest } = member;
    into.users = { ...into.users, [id]: user };
    into.members = {
      ...into.members,
      [id]: { ...rest, permissions: state.memberPermissions(guild, id).toString() },
    };
  } else if (type === OptionType.Channel) {
    const channel = state.channels.get(id);
    if (channel?.guildId !== guild.id) throw unknown();
    const permissions = (input.permissions ?? 0n).toString();
    const { name, type: channelType } = channel;
    into.channels = {
      ...into.channels,
      [id]: { id, name, type: channelType, guild_id: guild.id, permissions },
    };
  } else if (type === OptionType.Role) {
    const role = guild.roles.get(id);
    if (!role) throw unknown();
    into.roles = { ...into.roles, [id]: apiRole(role) };
  }
}

function buildOptions(
  state: LocalState,
  guild: GuildRecord,
  input: CommandInput,
  focused?: string,
) {
  const command = state.findCommand(guild.id, input.name);
  let defs: OptionDef[] | undefined = command ? asDefs(command.options) : undefined;
  const path: { name: string; type: number }[] = [];
  const descend = (name: string | undefined, type: number) => {
    if (name === undefined) return;
    path.push({ name, type });
    if (!defs) return;
    const def = defs.find((option) => option.name === name && option.type === type);
    if (!def) throw new Error(`/${input.name} has no subcommand (group) "${name}"`);
    defs = asDefs(def.options);
  };
  descend(input.subcommandGroup, OptionType.SubcommandGroup);
  descend(input.subcommand, OptionType.Subcommand);

  const resolved: Resolved = {};
  let options: unknown[] = Object.entries(input.options ?? {}).map(([name, value]) => {
    const def = defs?.find((option) => option.name === name);
    if (defs && !def) throw new Error(`/${input.name} has no option "${name}"`);
    const type = def?.type ?? inferType(guild, state, value);
    if (name !== focused) resolve(state, guild, input, type, String(value), resolved);
    return { name, type, value, ...(name === focused ? { focused: true } : {}) };
  });
  for (const step of path.reverse()) options = [{ ...step, options }];
  return { commandId: command?.id ?? nextSnowflake(), options, resolved };
}

/** The INTERACTION_CREATE payload a user running this command would produce. */
export function buildInteractionPayload(
  state: LocalState,
  input: CommandInput,
  ids: { id: string; token: string; type: 2 | 4; focused?: string },
) {
  const base = interactionBase(state, input, ids);
  const { commandId, options, resolved } = buildOptions(state, base.guild, input, ids.focused);
  return {
    ...base.payload,
    data: {
      id: commandId,
      name: input.name,
      type: 1,
      options,
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    },
  };
}

/** The INTERACTION_CREATE payload of a click on a component of `message` (an API message). */
export function buildComponentPayload(
  state: LocalState,
  input: ComponentInput,
  ids: { id: string; token: string },
  message: unknown,
  componentType: number,
) {
  const payload =
    input.guildId === undefined
      ? dmInteractionBase(state, input, { ...ids, type: 3 })
      : interactionBase(state, { ...input, guildId: input.guildId }, { ...ids, type: 3 }).payload;
  return {
    ...payload,
    message,
    data: {
      custom_id: input.customId,
      component_type: componentType,
      ...(input.values ? { values: input.values } : {}),
    },
  };
}

/** What every guild interaction carries: who, where, with which permissions and locale. */
function interactionBase(
  state: LocalState,
  input: Pick<CommandInput, 'guildId' | 'channelId' | 'userId' | 'permissions' | 'locale'>,
  ids: { id: string; token: string; type: 2 | 3 | 4 },
) {
  const guild = state.guilds.get(input.guildId);
  if (!guild) throw new Error(`unknown guild ${input.guildId}`);
  const channel = state.channels.get(input.channelId);
  if (channel?.guildId !== guild.id) {
    throw new Error(`unknown channel ${input.channelId} in guild ${guild.id}`);
  }
  const member = apiMember(state, guild, input.userId);
  if (!member) throw new Error(`user ${input.userId} is not a member of guild ${guild.id}`);
  const payload = {
    id: ids.id,
    application_id: state.applicationId,
    type: ids.type,
    token: ids.token,
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    channel_id: channel.id,
    channel: apiChannel(state, channel),
    member: { ...member, permissions: (input.permissions ?? 0n).toString() },
    app_permissions: state.botPermissionsIn(channel).toString(),
    locale: input.locale ?? 'en-US',
    guild_locale: guild.preferredLocale,
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
  return { guild, payload };
}

/** What an interaction in a user's DMs with the bot carries: the user, no guild or member. */
function dmInteractionBase(
  state: LocalState,
  input: Pick<CommandInput, 'channelId' | 'userId' | 'locale'>,
  ids: { id: string; token: string; type: 3 },
) {
  const channel = state.channels.get(input.channelId);
  const user = state.users.get(input.userId);
  if (channel?.guildId !== null || channel.recipientId !== input.userId || !user) {
    throw new Error(`${input.channelId} is not the DM channel of user ${input.userId}`);
  }
  return {
    id: ids.id,
    application_id: state.applicationId,
    type: ids.type,
    token: ids.token,
    version: 1,
    channel_id: channel.id,
    channel: apiChannel(state, channel),
    user: apiUser(user),
    app_permissions: state.botPermissionsIn(channel).toString(),
    locale: input.locale ?? 'en-US',
    entitlements: [],
    // Installed to guilds, the app is reached in its bot's DMs under guild id "0".
    authorizing_integration_owners: { '0': '0' },
    context: 1,
    attachment_size_limit: 10_485_760,
  };
}
