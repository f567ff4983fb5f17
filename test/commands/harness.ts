import { Client, Events, GatewayIntentBits, PermissionFlagsBits } from 'discord.js';
import { commandPayloads, loadCommands } from '../../src/discord/command-registry.ts';
import { handleInteraction } from '../../src/discord/interactions.ts';
import {
  type CommandInput,
  type InteractionOutcome,
  type LocalDiscord,
  type LocalGuildSpec,
  startLocalDiscord,
} from '../../src/local-discord/server.ts';
import { type MemoryContext, memoryContext } from '../support/memory-context.ts';

export const GUILD: LocalGuildSpec = {
  name: 'Newsroom',
  channels: [
    { name: 'alerts' },
    { name: 'announcements', type: 5 },
    { name: 'read-only', botCanSend: false },
    { name: 'admins' },
  ],
  roles: [{ name: 'Readers' }],
  members: [{ username: 'admin' }, { username: 'olena' }, { username: 'taras' }],
};

/** A command as a test writes it: the harness fills in the guild, the user and the channel. */
export type CommandRun = Omit<CommandInput, 'guildId' | 'channelId' | 'userId'> & {
  channelId?: string;
};

export interface CommandHarness {
  server: LocalDiscord;
  client: Client;
  context: MemoryContext;
  guildId: string;
  channel(name: string): string;
  role(name: string): string;
  user(name: string): string;
  /** Runs a command as `olena`, who has no permissions. */
  asMember(input: CommandRun, user?: string): Promise<InteractionOutcome>;
  /** Runs a command as `admin`, who has Manage Server, in #admins. */
  asAdmin(input: CommandRun): Promise<InteractionOutcome>;
  choices(input: CommandRun & { focused: string }, admin?: boolean): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * The local Discord server, a real discord.js client logged into it with the project's
 * commands registered and dispatched through `handleInteraction`, and an in-memory context.
 */
export async function startCommandHarness(
  options: { botPermissions?: bigint; guild?: LocalGuildSpec } = {},
): Promise<CommandHarness> {
  const server = await startLocalDiscord({
    guilds: [options.guild ?? GUILD],
    ...(options.botPermissions === undefined ? {} : { botPermissions: options.botPermissions }),
  });
  const context = memoryContext();
  const commands = await loadCommands();
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: server.apiUrl },
    waitGuildTimeout: 1000,
  });
  client.on(Events.InteractionCreate, (interaction) =>
    handleInteraction(interaction, commands, context),
  );
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login('made-up-token-for-tests');
  await ready;

  const guild = server.guilds[0]!;
  const find = <T extends { id: string; name?: string; username?: string }>(
    list: T[],
    name: string,
  ) => {
    const found = list.find((item) => (item.name ?? item.username) === name);
    if (!found) throw new Error(`no ${name} in the test guild`);
    return found.id;
  };
  await client.application!.commands.set(commandPayloads(commands), guild.id);

  const harness: CommandHarness = {
    server,
    client,
    context,
    guildId: guild.id,
    channel: (name) => find(guild.channels, name),
    role: (name) => find(server.roles(guild.id), name),
    user: (name) => find(guild.members, name),
    asMember: ({ channelId, ...input }, user = 'olena') =>
      server.runCommand({
        guildId: guild.id,
        channelId: channelId ?? harness.channel('alerts'),
        userId: harness.user(user),
        ...input,
      }),
    asAdmin: ({ channelId, ...input }) =>
      server.runCommand({
        guildId: guild.id,
        channelId: channelId ?? harness.channel('admins'),
        userId: harness.user('admin'),
        permissions: PermissionFlagsBits.ManageGuild,
        ...input,
      }),
    choices: ({ channelId, ...input }, admin = false) =>
      server.autocomplete({
        guildId: guild.id,
        channelId: channelId ?? harness.channel('alerts'),
        userId: harness.user(admin ? 'admin' : 'olena'),
        ...(admin ? { permissions: PermissionFlagsBits.ManageGuild } : {}),
        ...input,
      }),
    async close() {
      await client.destroy();
      await server.close();
    },
  };
  return harness;
}
