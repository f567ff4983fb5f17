import { Events, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterEach, expect, test } from 'vitest';
import { type Harness, startHarness } from './client.ts';

let harness: Harness;
afterEach(() => harness.close());

const COMMAND = {
  name: 'alerts',
  description: 'Manage alerts',
  options: [
    {
      type: 2,
      name: 'topic',
      description: 'Topics',
      options: [
        {
          type: 1,
          name: 'add',
          description: 'Add a topic',
          options: [
            { type: 3, name: 'name', description: 'Topic', autocomplete: true },
            { type: 7, name: 'channel', description: 'Where' },
            { type: 8, name: 'role', description: 'Who to ping' },
            { type: 4, name: 'limit', description: 'Per hour' },
          ],
        },
      ],
    },
  ],
};

test('a subcommand with options reaches the bot, and its ephemeral reply is returned', async () => {
  harness = await startHarness();
  const { client, server, guildId } = harness;
  await client.application!.commands.set([COMMAND], guildId);
  expect(server.registeredCommands(guildId)).toEqual([expect.objectContaining({ name: 'alerts' })]);

  client.on(Events.InteractionCreate, async (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    const channel = interaction.options.getChannel('channel', true);
    const role = interaction.options.getRole('role', true);
    const canManage = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild);
    await interaction.reply({
      content: [
        interaction.options.getSubcommandGroup(),
        interaction.options.getSubcommand(),
        interaction.options.getString('name'),
        channel.name,
        role.name,
        interaction.options.getInteger('limit'),
        canManage ? 'manager' : 'member',
        interaction.locale,
      ].join(' '),
      flags: MessageFlags.Ephemeral,
    });
  });

  const outcome = await server.runCommand({
    guildId,
    channelId: harness.channel('alerts'),
    userId: harness.userId,
    permissions: PermissionFlagsBits.ManageGuild,
    locale: 'de',
    name: 'alerts',
    subcommandGroup: 'topic',
    subcommand: 'add',
    options: {
      name: 'air-raid',
      channel: harness.channel('alerts'),
      role: harness.roleId,
      limit: 3,
    },
  });
  expect(outcome.ephemeral).toBe(true);
  expect(outcome.deferred).toBe(false);
  expect(outcome.reply.content).toBe('topic add air-raid alerts air-raid 3 manager de');
  // Ephemeral replies are for the user only, not part of the channel.
  expect(server.messages(harness.channel('alerts'))).toEqual([]);
});

test('runCommand refuses options the registered command does not define', async () => {
  harness = await startHarness();
  const { client, server, guildId } = harness;
  await client.application!.commands.set([COMMAND], guildId);
  const run = server.runCommand({
    guildId,
    channelId: harness.channel('alerts'),
    userId: harness.userId,
    name: 'alerts',
    subcommandGroup: 'topic',
    subcommand: 'add',
    options: { colour: 'red' },
  });
  await expect(run).rejects.toThrow(/no option "colour"/);
});

test('a deferred reply resolves with the edit, and follow-ups are recorded', async () => {
  harness = await startHarness();
  const { client, server, guildId } = harness;
  client.on(Events.InteractionCreate, async (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    await interaction.deferReply();
    await interaction.editReply({ content: 'Subscribed', embeds: [{ title: 'air-raid' }] });
    await interaction.followUp({ content: 'Also: aid', flags: MessageFlags.Ephemeral });
  });

  const channelId = harness.channel('alerts');
  const outcome = await server.runCommand({
    guildId,
    channelId,
    userId: harness.userId,
    name: 'subscribe',
  });
  expect(outcome.deferred).toBe(true);
  expect(outcome.reply.content).toBe('Subscribed');
  expect(outcome.reply.embeds).toEqual([expect.objectContaining({ title: 'air-raid' })]);
  await server.waitFor(() => outcome.followUps().length === 1);
  expect(outcome.followUps()[0]).toMatchObject({ content: 'Also: aid', ephemeral: true });
  expect(server.messages(channelId).map((message) => message.content)).toEqual(['Subscribed']);
});

test('autocomplete sends the focused value and returns the bot choices', async () => {
  harness = await startHarness();
  const { client, server, guildId } = harness;
  await client.application!.commands.set([COMMAND], guildId);
  client.on(Events.InteractionCreate, async (interaction) => {
    if (!interaction.isAutocomplete()) return;
    const typed = interaction.options.getFocused();
    const topics = ['air-raid', 'aid', 'evacuation'].filter((topic) => topic.startsWith(typed));
    await interaction.respond(topics.map((topic) => ({ name: topic, value: topic })));
  });

  const choices = await server.autocomplete({
    guildId,
    channelId: harness.channel('alerts'),
    userId: harness.userId,
    name: 'alerts',
    subcommandGroup: 'topic',
    subcommand: 'add',
    options: { name: 'ai' },
    focused: 'name',
  });
  expect(choices).toEqual([
    { name: 'air-raid', value: 'air-raid' },
    { name: 'aid', value: 'aid' },
  ]);
});

test('an interaction the bot never answers fails runCommand instead of hanging', async () => {
  harness = await startHarness();
  const { server, guildId } = harness;
  const run = server.runCommand({
    guildId,
    channelId: harness.channel('alerts'),
    userId: harness.userId,
    name: 'ignored',
    timeoutMs: 300,
  });
  await expect(run).rejects.toThrow(/gave no final response/);
});

test('after the gateway drops, the client resumes and still receives interactions', async () => {
  harness = await startHarness();
  const { client, server, guildId } = harness;
  let resumed = false;
  client.on(Events.ShardResume, () => {
    resumed = true;
  });
  client.on(Events.InteractionCreate, async (interaction) => {
    if (interaction.isChatInputCommand()) await interaction.reply('pong');
  });

  server.dropSockets();
  const channelId = harness.channel('alerts');
  const outcome = await server.runCommand({
    guildId,
    channelId,
    userId: harness.userId,
    name: 'ping',
  });
  expect(outcome.reply.content).toBe('pong');
  await server.waitFor(() => resumed);
});

test('an invalidated session makes the client identify again and keep working', async () => {
  harness = await startHarness();
  const { client, server, guildId } = harness;
  client.on(Events.InteractionCreate, async (interaction) => {
    if (interaction.isChatInputCommand()) await interaction.reply('still here');
  });
  const readies: unknown[] = [];
  client.on(Events.ShardReady, (id) => readies.push(id));

  server.invalidateSessions();
  server.dropSockets();
  await server.waitFor(() => readies.length === 1, 10_000);
  const channelId = harness.channel('alerts');
  const outcome = await server.runCommand({
    guildId,
    channelId,
    userId: harness.userId,
    name: 'ping',
  });
  expect(outcome.reply.content).toBe('still here');
});
