import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiChannel, apiGuild } from './api-objects.ts';
import type { FaultMatch, FaultResponse } from './faults.ts';
import { Gateway, Intent } from './gateway.ts';
import type { CommandInput, ComponentInput } from './interaction-payload.ts';
import { type Choice, type InteractionOutcome, Interactions } from './interactions.ts';
import { announceRole } from './rest-guilds.ts';
import { allRoutes } from './rest-routes.ts';
import { type RecordedRequest, RestServer } from './rest-server.ts';
import { nextSnowflake } from './snowflake.ts';
import {
  DEFAULT_BOT_PERMISSIONS,
  type LocalGuildSpec,
  LocalState,
  type RecordedMessage,
} from './state.ts';

export type { FaultMatch, FaultResponse } from './faults.ts';
export type { CommandInput, ComponentInput } from './interaction-payload.ts';
export type { Choice, InteractionOutcome } from './interactions.ts';
export type { RecordedRequest } from './rest-server.ts';
export type { LocalGuildSpec, RecordedMessage } from './state.ts';

export interface LocalDiscordOptions {
  guilds: LocalGuildSpec[];
  /** 0 (default) picks a free port. */
  port?: number;
  applicationId?: string;
  /** Permissions of the bot's role; by default ViewChannel, SendMessages, EmbedLinks, ManageRoles. */
  botPermissions?: bigint;
  /** The shard count GET /gateway/bot recommends; like Discord, one per 1,000 guilds by default. */
  recommendedShards?: number;
  /** A shard holding more guilds than this is refused with close code 4011; 2,500 by default. */
  guildsPerShard?: number;
}

export interface ResolvedGuild {
  id: string;
  name: string;
  botRoleId: string;
  channels: { id: string; name: string; type: 0 | 5; botCanSend: boolean }[];
  roles: { id: string; name: string }[];
  members: { id: string; username: string }[];
}

export interface LocalDiscord {
  /** Pass as `rest: { api }` to the discord.js Client. */
  apiUrl: string;
  applicationId: string;
  botUserId: string;
  /** The guilds as created, with every id filled in. */
  guilds: ResolvedGuild[];
  runCommand(input: CommandInput): Promise<InteractionOutcome>;
  autocomplete(input: CommandInput & { focused: string }): Promise<Choice[]>;
  /** A member clicks a button or picks from a select menu on a message the bot sent. */
  clickComponent(input: ComponentInput): Promise<InteractionOutcome>;
  messages(channelId: string): RecordedMessage[];
  dms(userId: string): RecordedMessage[];
  memberRoles(guildId: string, userId: string): string[];
  roles(guildId: string): { id: string; name: string }[];
  /** An admin renames a role in the server's settings (GUILD_ROLE_UPDATE to its shard). */
  renameRole(guildId: string, roleId: string, name: string): void;
  /** Every REST call so far (tokens are never recorded). */
  readonly requests: RecordedRequest[];
  /** How many 429 responses were served (real or injected). */
  readonly rateLimitHits: number;
  registeredCommands(guildId?: string): unknown[];
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  failNext(match: FaultMatch, response: FaultResponse, times?: number): void;
  deleteChannel(channelId: string): void;
  setChannelSendable(channelId: string, sendable: boolean): void;
  /** An admin changes the server's language in its settings (GUILD_UPDATE to its shard). */
  setGuildLocale(guildId: string, locale: string): void;
  closeDms(userId: string): void;
  delayResponses(ms: number): void;
  /** Moves this server's clock ahead: nonces it remembered may be forgotten. */
  advanceClock(ms: number): void;
  /** Cuts every gateway socket abruptly; clients are expected to RESUME. */
  dropSockets(): void;
  /** The next RESUME of any current session gets op 9, forcing a fresh IDENTIFY. */
  invalidateSessions(): void;
  close(): Promise<void>;
}

/** Starts a Discord-compatible REST + gateway server on 127.0.0.1 for the real discord.js client. */
export async function startLocalDiscord(options: LocalDiscordOptions): Promise<LocalDiscord> {
  const state = new LocalState(
    options.applicationId ?? nextSnowflake(),
    options.guilds,
    options.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
  );
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const gateway = new Gateway(
    state,
    gatewayUrl,
    options.guildsPerShard === undefined ? {} : { guildsPerShard: options.guildsPerShard },
  );
  const interactions = new Interactions(state, gateway);
  const rest = new RestServer(
    allRoutes(
      state,
      gateway,
      interactions,
      gatewayUrl,
      options.recommendedShards ?? Math.max(1, Math.ceil(options.guilds.length / 1000)),
    ),
  );

  const http = createServer((request, response) => {
    rest.handle(request, response).catch(() => response.destroy());
  });
  http.on('upgrade', (request, socket, head) => gateway.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (http.address() as AddressInfo).port;

  const snapshot = (messages: RecordedMessage[] | undefined) => structuredClone(messages ?? []);
  const announceChannel = (channelId: string, event: 'CHANNEL_UPDATE' | 'CHANNEL_DELETE') => {
    const channel = state.channels.get(channelId);
    if (channel) gateway.dispatch(event, apiChannel(state, channel), Intent.Guilds);
  };

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    applicationId: state.applicationId,
    botUserId: state.bot.id,
    guilds: [...state.guilds.values()].map((guild) => ({
      id: guild.id,
      name: guild.name,
      botRoleId: guild.botRoleId,
      channels: guild.channelIds.map((id) => {
        const channel = state.channels.get(id)!;
        return {
          id,
          name: channel.name,
          type: channel.type as 0 | 5,
          botCanSend: channel.botCanSend,
        };
      }),
      roles: [...guild.roles.values()]
        .filter((role) => role.id !== guild.id && !role.managed)
        .map(({ id, name }) => ({ id, name })),
      members: [...guild.members.keys()]
        .filter((id) => id !== state.bot.id)
        .map((id) => ({ id, username: state.users.get(id)?.username ?? '' })),
    })),
    runCommand: (input) => interactions.runCommand(input),
    autocomplete: (input) => interactions.autocomplete(input),
    clickComponent: (input) => interactions.clickComponent(input),
    messages: (channelId) => snapshot(state.messages.get(channelId)),
    dms: (userId) => snapshot(state.messages.get(state.dmChannelByUser.get(userId) ?? '')),
    memberRoles: (guildId, userId) => [
      ...(state.guilds.get(guildId)?.members.get(userId)?.roleIds ?? []),
    ],
    roles: (guildId) =>
      [...(state.guilds.get(guildId)?.roles.values() ?? [])].map(({ id, name }) => ({ id, name })),
    renameRole(guildId, roleId, name) {
      const role = state.guilds.get(guildId)?.roles.get(roleId);
      if (!role) return;
      role.name = name;
      announceRole(gateway, 'GUILD_ROLE_UPDATE', guildId, role);
    },
    get requests() {
      return rest.requests;
    },
    get rateLimitHits() {
      return rest.rateLimitHits;
    },
    registeredCommands: (guildId) => structuredClone(state.commands.get(guildId ?? '') ?? []),
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) {
          throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
        }
        await sleep(10);
      }
    },
    failNext: (match, response, times) => rest.faults.failNext(match, response, times),
    deleteChannel(channelId) {
      const channel = state.channels.get(channelId);
      if (!channel) return;
      announceChannel(channelId, 'CHANNEL_DELETE');
      state.channels.delete(channelId);
      const guild = state.guildOf(channel);
      if (guild) guild.channelIds = guild.channelIds.filter((id) => id !== channelId);
    },
    setChannelSendable(channelId, sendable) {
      const channel = state.channels.get(channelId);
      if (!channel) return;
      channel.botCanSend = sendable;
      announceChannel(channelId, 'CHANNEL_UPDATE');
    },
    setGuildLocale(guildId, locale) {
      const guild = state.guilds.get(guildId);
      if (!guild) return;
      guild.preferredLocale = locale;
      // Like Discord, the update carries the guild's own fields, not its channels or members.
      const { channels, members, threads, voice_states, presences, ...fields } = apiGuild(
        state,
        guild,
        false,
      );
      gateway.dispatch('GUILD_UPDATE', fields, Intent.Guilds, guildId);
    },
    closeDms: (userId) => void state.closedDms.add(userId),
    delayResponses(ms) {
      rest.faults.delayMs = ms;
    },
    advanceClock(ms) {
      state.clockOffsetMs += ms;
    },
    dropSockets: () => gateway.dropSockets(),
    invalidateSessions: () => gateway.invalidateSessions(),
    async close() {
      await gateway.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
