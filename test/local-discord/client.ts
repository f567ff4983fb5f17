import { Client, Events, GatewayIntentBits } from 'discord.js';
import {
  type LocalDiscord,
  type LocalGuildSpec,
  startLocalDiscord,
} from '../../src/local-discord/server.ts';

export const GUILD: LocalGuildSpec = {
  name: 'Newsroom',
  channels: [
    { name: 'alerts', type: 0 },
    { name: 'announcements', type: 5 },
    { name: 'read-only', botCanSend: false },
  ],
  roles: [{ name: 'air-raid' }],
  members: [{ username: 'reader' }],
};

export interface Harness {
  server: LocalDiscord;
  client: Client;
  guildId: string;
  channel: (name: string) => string;
  roleId: string;
  userId: string;
  close: () => Promise<void>;
}

/** A local Discord with one guild and a real discord.js client logged into it. */
export async function startHarness(): Promise<Harness> {
  const server = await startLocalDiscord({ guilds: [GUILD] });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: server.apiUrl },
    waitGuildTimeout: 1000,
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login('any-made-up-token');
  await ready;
  const guild = server.guilds[0]!;
  return {
    server,
    client,
    guildId: guild.id,
    channel: (name) => guild.channels.find((channel) => channel.name === name)!.id,
    roleId: guild.roles[0]!.id,
    userId: guild.members[0]!.id,
    close: async () => {
      await client.destroy();
      await server.close();
    },
  };
}
