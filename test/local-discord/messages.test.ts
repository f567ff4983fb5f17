import { DiscordAPIError, PermissionFlagsBits, type TextChannel } from 'discord.js';
import { afterEach, expect, test } from 'vitest';
import { type Harness, startHarness } from './client.ts';

let harness: Harness;
afterEach(() => harness.close());

const textChannel = (name: string) =>
  harness.client.channels.cache.get(harness.channel(name)) as TextChannel;

test('the same nonce with enforce_nonce twice gives one message', async () => {
  harness = await startHarness();
  const channel = textChannel('alerts');
  const first = await channel.send({
    content: 'Sirens in Kyiv',
    nonce: 'update-42',
    enforceNonce: true,
  });
  const second = await channel.send({
    content: 'Sirens in Kyiv',
    nonce: 'update-42',
    enforceNonce: true,
  });
  expect(second.id).toBe(first.id);
  const messages = harness.server.messages(channel.id);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ content: 'Sirens in Kyiv', nonce: 'update-42' });
});

test('edits and crossposts are recorded; crossposting needs an announcement channel', async () => {
  harness = await startHarness();
  const channel = textChannel('announcements');
  const message = await channel.send({
    content: 'Air raid alert',
    embeds: [{ title: 'Kyiv', description: 'Take shelter' }],
    allowedMentions: { parse: [] },
  });
  await message.edit({ content: 'Air raid alert (updated)' });
  await message.crosspost();
  const [recorded] = harness.server.messages(channel.id);
  expect(recorded).toMatchObject({
    content: 'Air raid alert (updated)',
    embeds: [{ title: 'Kyiv', description: 'Take shelter' }],
    allowedMentions: { parse: [] },
    crossposted: true,
  });
  expect(recorded?.editedAt).not.toBeNull();

  const plain = await textChannel('alerts').send('not news');
  await expect(plain.crosspost()).rejects.toMatchObject({ code: 50024 });
});

test('Discord limits on messages are enforced', async () => {
  harness = await startHarness();
  const channel = textChannel('alerts');
  await expect(channel.send('x'.repeat(2001))).rejects.toMatchObject({ status: 400, code: 50035 });
  await expect(channel.send({ embeds: [{ title: 't'.repeat(257) }] })).rejects.toMatchObject({
    code: 50035,
  });
  expect(harness.server.messages(channel.id)).toEqual([]);
});

test('the bot creates a role and gives it to a member', async () => {
  harness = await startHarness();
  const { client, server, guildId, userId } = harness;
  const guild = client.guilds.cache.get(guildId)!;
  const role = await guild.roles.create({ name: 'aid' });
  expect(guild.roles.cache.get(role.id)?.name).toBe('aid');
  const member = await guild.members.fetch(userId);
  await member.roles.add(role);
  expect(server.memberRoles(guildId, userId)).toEqual([role.id]);
  expect(server.roles(guildId).map((r) => r.name)).toContain('aid');

  await member.roles.remove(role);
  expect(server.memberRoles(guildId, userId)).toEqual([]);
});

test('the bot cannot assign a role above its own', async () => {
  harness = await startHarness();
  const { client, guildId, userId } = harness;
  const guild = client.guilds.cache.get(guildId)!;
  const botRole = harness.server.guilds[0]!.botRoleId;
  await expect(guild.members.addRole({ user: userId, role: botRole })).rejects.toMatchObject({
    code: 50013,
  });
});

test('DMs are recorded per user, and closed DMs fail with 50007', async () => {
  harness = await startHarness();
  const { client, server, userId } = harness;
  const user = await client.users.fetch(userId);
  await user.send('Your daily digest');
  expect(server.dms(userId).map((message) => message.content)).toEqual(['Your daily digest']);

  server.closeDms(userId);
  await expect(user.send('again')).rejects.toMatchObject({ code: 50007 });
  expect(server.dms(userId)).toHaveLength(1);
});

test('a channel the bot may not post in surfaces as DiscordAPIError 50013', async () => {
  harness = await startHarness();
  const error = await textChannel('read-only')
    .send('hello')
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DiscordAPIError);
  expect((error as DiscordAPIError).code).toBe(50013);
  expect(harness.server.messages(harness.channel('read-only'))).toEqual([]);
});

test('a deleted channel answers 10003 Unknown Channel', async () => {
  harness = await startHarness();
  const channel = textChannel('alerts');
  harness.server.deleteChannel(channel.id);
  await expect(channel.send('late')).rejects.toMatchObject({ status: 404, code: 10003 });
});

test('a channel made read-only reaches the client cache and refuses messages', async () => {
  harness = await startHarness();
  const { client, server } = harness;
  const channel = textChannel('alerts');
  const me = client.guilds.cache.get(harness.guildId)!.members.me!;
  server.setChannelSendable(channel.id, false);
  await server.waitFor(() => !channel.permissionsFor(me).has(PermissionFlagsBits.SendMessages));
  await expect(channel.send('blocked')).rejects.toMatchObject({ code: 50013 });
});
