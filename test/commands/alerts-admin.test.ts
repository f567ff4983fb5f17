import { PermissionFlagsBits } from 'discord.js';
import { afterEach, expect, test } from 'vitest';
import type { Delivery } from '../../src/core/delivery.ts';
import { type CommandHarness, startCommandHarness } from './harness.ts';

let h: CommandHarness;
afterEach(() => h?.close());

const role = (topic: string, roleId: string) => ({
  name: 'alerts',
  subcommand: 'role',
  options: { topic, role: roleId },
});

test('/alerts role makes an existing role the topic’s mention role, which /subscribe then gives', async () => {
  h = await startCommandHarness();
  const readers = h.role('Readers');
  const outcome = await h.asAdmin(role('aid', readers));
  expect(outcome.reply.content).toContain(`Alerts about 🤝 Aid will mention <@&${readers}>`);
  expect(outcome.reply.content).toContain('is not mentionable');
  expect(h.context.stored(h.guildId).roles).toEqual({ aid: readers });

  await h.asMember({ name: 'subscribe', options: { topic: 'aid' } });
  expect(h.server.memberRoles(h.guildId, h.user('olena'))).toEqual([readers]);
});

test('/alerts role refuses @everyone and roles managed by an integration', async () => {
  h = await startCommandHarness();
  const everyone = await h.asAdmin(role('aid', h.guildId));
  expect(everyone.reply.content).toContain('@everyone can’t be a topic role');
  const botRole = h.server.guilds[0]!.botRoleId;
  const managed = await h.asAdmin(role('aid', botRole));
  expect(managed.reply.content).toContain('managed by an integration');
  expect(h.context.stored(h.guildId).roles).toEqual({});
});

test('/alerts topic add and remove manage the guild’s keyword topics', async () => {
  h = await startCommandHarness();
  const topic = { name: 'alerts', subcommandGroup: 'topic' };
  const added = await h.asAdmin({
    ...topic,
    subcommand: 'add',
    options: { name: 'Kharkiv **city**', keywords: 'Kharkiv, Kharkov', exclude: 'football' },
  });
  expect(added.reply.content).toContain('Created the topic **Kharkiv \\*\\*city\\*\\***');
  const [stored] = h.context.stored(h.guildId).customTopics;
  expect(stored).toMatchObject({ include: ['Kharkiv', 'Kharkov'], exclude: ['football'] });
  const slug = stored!.slug;

  // The new topic is usable at once: a channel carries it and a member follows it by DM.
  await h.asAdmin({
    name: 'alerts',
    subcommandGroup: 'channel',
    subcommand: 'add',
    options: { channel: h.channel('alerts'), topics: slug },
  });
  await h.asMember({ name: 'subscribe', options: { topic: slug, delivery: 'dm' } });
  expect(h.context.stored(h.guildId).dmSubscribers).toEqual({ [slug]: [h.user('olena')] });

  const builtin = await h.asAdmin({
    ...topic,
    subcommand: 'add',
    options: { name: 'Nuclear', keywords: 'reactor' },
  });
  expect(builtin.reply.content).toContain('`nuclear` is a built-in topic');

  const invalid = await h.asAdmin({
    ...topic,
    subcommand: 'add',
    options: { name: 'Odesa', keywords: 'x' },
  });
  expect(invalid.reply.content).toBe('❌ The keyword "x" is too short: at least 2 characters.');
  expect(h.context.stored(h.guildId).customTopics).toHaveLength(1);

  const removed = await h.asAdmin({ ...topic, subcommand: 'remove', options: { name: slug } });
  expect(removed.reply.content).toContain(`(\`${slug}\`)`);
  expect(removed.reply.content).toContain(`<#${h.channel('alerts')}>`);
  const after = h.context.stored(h.guildId);
  expect(after.customTopics).toEqual([]);
  expect(after.channels).toEqual([]);
  expect(after.dmSubscribers).toEqual({});
});

test('/alerts test names every permission the bot lacks and posts nothing there', async () => {
  h = await startCommandHarness({
    botPermissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages,
  });
  const outcome = await h.asAdmin({
    name: 'alerts',
    subcommand: 'test',
    options: { channel: h.channel('read-only') },
  });
  const text = outcome.reply.content;
  expect(text).toContain('✅ View Channel');
  expect(text).toContain('❌ Send Messages');
  expect(text).toContain('❌ Embed Links');
  expect(text).toContain('❌ Manage Roles');
  expect(text).toContain('give my role: **Send Messages**, **Embed Links**');
  expect(h.server.messages(h.channel('read-only'))).toEqual([]);
});

test('/alerts test posts the sample alert, pinging only the topic role', async () => {
  h = await startCommandHarness();
  await h.context.settings.update(h.guildId, (s) => {
    s.roles['air-raid'] = h.role('Readers');
  });
  const outcome = await h.asAdmin({
    name: 'alerts',
    subcommand: 'test',
    options: { channel: h.channel('alerts') },
  });
  const [posted] = h.server.messages(h.channel('alerts'));
  expect(outcome.reply.content).toContain(
    `Posted a sample alert: https://discord.com/channels/${h.guildId}/${h.channel('alerts')}/${posted?.id}`,
  );
  expect(posted?.content).toContain(`<@&${h.role('Readers')}>`);
  expect(posted?.allowedMentions).toEqual({ parse: [], roles: [h.role('Readers')] });
  expect(posted?.embeds).toEqual([
    expect.objectContaining({ title: 'Sample: air-raid alert in Kyiv' }),
  ]);
});

test('/alerts status lists sources, channels with pauses, and the delay of each alert', async () => {
  h = await startCommandHarness();
  h.context.operatorSources = ['https://operator.example/live'];
  await h.context.settings.update(h.guildId, (s) => {
    s.channels.push({
      channelId: h.channel('alerts'),
      topics: ['air-raid'],
      announcement: false,
      paused: { reason: 'Missing Permissions (50013)', code: 50013, since: '2024-05-01T10:00:00Z' },
    });
  });
  const delivery: Delivery = {
    id: 'd1',
    action: 'post',
    updateKey: 'k',
    guildId: h.guildId,
    target: { kind: 'channel', channelId: h.channel('alerts'), announcement: false },
    topicIds: ['air-raid'],
    roleIds: [],
    matched: { 'air-raid': ['sirens'] },
    nonce: 'n',
    state: 'sent',
    attempts: 1,
    seenAt: '2024-05-01T10:00:00Z',
    createdAt: '2024-05-01T10:00:01Z',
    sentAt: '2024-05-01T10:01:05Z',
  };
  h.context.deliveries = [delivery, { ...delivery, id: 'd2', guildId: '1'.repeat(18) }];

  const outcome = await h.asAdmin({ name: 'alerts', subcommand: 'status' });
  const text = [outcome.reply, ...outcome.followUps()].map((m) => m.content).join('\n');
  expect(outcome.ephemeral).toBe(true);
  expect(text).toContain('<https://operator.example/live> (set by the bot’s operator)');
  expect(text).toContain('⏸️ paused <t:1714557600:R>: Missing Permissions (50013)');
  expect(text).toContain(
    `• <t:1714557665:R> · <#${h.channel('alerts')}> · 🚨 Air raid · ✅ sent · 1 min 5 s after the update was seen`,
  );
  expect(text.match(/✅ sent/g)).toHaveLength(1);
});
