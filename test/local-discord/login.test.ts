import { ChannelType, PermissionFlagsBits } from 'discord.js';
import { afterEach, expect, test } from 'vitest';
import { type Harness, startHarness } from './client.ts';

let harness: Harness;
afterEach(() => harness.close());

test('the real client logs in and caches the guild, its channels and roles', async () => {
  harness = await startHarness();
  const { client, server, guildId } = harness;
  expect(client.user?.id).toBe(server.botUserId);
  expect(client.application?.id).toBe(server.applicationId);
  const guild = client.guilds.cache.get(guildId)!;
  expect(guild.name).toBe('Newsroom');
  expect(guild.channels.cache.map((channel) => channel.name).sort()).toEqual([
    'alerts',
    'announcements',
    'read-only',
  ]);
  expect(guild.channels.cache.get(harness.channel('announcements'))?.type).toBe(
    ChannelType.GuildAnnouncement,
  );
  expect(guild.roles.everyone.id).toBe(guildId);
  expect(guild.roles.cache.some((role) => role.name === 'air-raid')).toBe(true);
});

test('the bot sees its permissions per channel, including a channel it may not post in', async () => {
  harness = await startHarness();
  const guild = harness.client.guilds.cache.get(harness.guildId)!;
  const me = guild.members.me!;
  const alerts = guild.channels.cache.get(harness.channel('alerts'))!;
  const readOnly = guild.channels.cache.get(harness.channel('read-only'))!;
  expect(alerts.permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(true);
  expect(readOnly.permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(false);
  expect(me.permissions.has(PermissionFlagsBits.ManageRoles)).toBe(true);
  expect(me.permissions.has(PermissionFlagsBits.Administrator)).toBe(false);
});

test('REST calls without a bot token are refused, and the token is never recorded', async () => {
  harness = await startHarness();
  const response = await fetch(`${harness.server.apiUrl}/v10/gateway/bot`);
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(JSON.stringify(harness.server.requests)).not.toContain('any-made-up-token');
});
