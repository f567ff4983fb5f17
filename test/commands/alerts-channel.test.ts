import { afterEach, expect, test } from 'vitest';
import { type CommandHarness, type CommandRun, startCommandHarness } from './harness.ts';

let h: CommandHarness;
afterEach(() => h?.close());

const add = (channel: string, topics: string) => ({
  name: 'alerts',
  subcommandGroup: 'channel',
  subcommand: 'add',
  options: { channel, topics },
});

test('a member without Manage Server is refused every /alerts subcommand and nothing changes', async () => {
  h = await startCommandHarness();
  const attempts: CommandRun[] = [
    add(h.channel('alerts'), 'all'),
    {
      name: 'alerts',
      subcommandGroup: 'source',
      subcommand: 'add',
      options: { url: 'https://x.example/' },
    },
    { name: 'alerts', subcommand: 'role', options: { topic: 'aid', role: h.role('Readers') } },
    { name: 'alerts', subcommand: 'status' },
  ];
  for (const attempt of attempts) {
    const outcome = await h.asMember(attempt);
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.reply.content).toContain('**Manage Server**');
    expect(outcome.reply.content).toContain('Nothing was changed');
  }
  expect(h.context.writes).toEqual([]);
  expect(h.server.messages(h.channel('alerts'))).toEqual([]);
});

test('the /alerts command is registered for Manage Server only', async () => {
  h = await startCommandHarness();
  const alerts = h.server
    .registeredCommands(h.guildId)
    .find((c) => (c as { name: string }).name === 'alerts') as Record<string, unknown>;
  expect(alerts.default_member_permissions).toBe('32');
});

test('/alerts channel add stores the channel, its topics and where to send notices', async () => {
  h = await startCommandHarness();
  const outcome = await h.asAdmin(add(h.channel('alerts'), 'air-raid, Aid'));
  expect(outcome.ephemeral).toBe(true);
  expect(outcome.reply.content).toContain(
    `<#${h.channel('alerts')}> will get alerts about: 🚨 Air raid, 🤝 Aid`,
  );
  expect(outcome.reply.content).toContain(`I will say so in <#${h.channel('admins')}>`);
  const stored = h.context.stored(h.guildId);
  expect(stored.channels).toEqual([
    { channelId: h.channel('alerts'), topics: ['air-raid', 'aid'], announcement: false },
  ]);
  expect(stored.noticeChannelId).toBe(h.channel('admins'));
});

test('an announcement channel is recorded as one, and "all" carries every topic', async () => {
  h = await startCommandHarness();
  const outcome = await h.asAdmin(add(h.channel('announcements'), 'all'));
  expect(outcome.reply.content).toContain('announcement channel');
  expect(h.context.stored(h.guildId).channels).toEqual([
    { channelId: h.channel('announcements'), topics: 'all', announcement: true },
  ]);
});

test('adding a paused channel again lifts the pause and replaces its topics', async () => {
  h = await startCommandHarness();
  await h.context.settings.update(h.guildId, (s) => {
    s.channels.push({
      channelId: h.channel('alerts'),
      topics: ['aid'],
      announcement: false,
      paused: { reason: 'Missing Permissions', code: 50013, since: '2024-05-01T10:00:00Z' },
    });
  });
  const outcome = await h.asAdmin(add(h.channel('alerts'), 'nuclear'));
  expect(outcome.reply.content).toContain('now gets alerts about: ☢️ Nuclear');
  expect(outcome.reply.content).toContain('pause on this channel is lifted');
  expect(h.context.stored(h.guildId).channels).toEqual([
    { channelId: h.channel('alerts'), topics: ['nuclear'], announcement: false },
  ]);
});

test('unknown topic ids are refused with the valid ids, and nothing is stored', async () => {
  h = await startCommandHarness();
  const outcome = await h.asAdmin(add(h.channel('alerts'), 'aid, weather, sport'));
  expect(outcome.reply.content).toContain('“weather”, “sport”');
  expect(outcome.reply.content).toContain('`air-raid`, `aid`, `nuclear`');
  expect(h.context.stored(h.guildId).channels).toEqual([]);
});

test('a channel where the bot cannot post is added with a warning naming the permission', async () => {
  h = await startCommandHarness();
  const outcome = await h.asAdmin(add(h.channel('read-only'), 'all'));
  expect(outcome.reply.content).toContain('**Send Messages**');
  expect(outcome.reply.content).not.toContain('**View Channel**');
});

test('/alerts channel list shows each channel with its topics and pause; remove stops it', async () => {
  h = await startCommandHarness();
  await h.asAdmin(add(h.channel('alerts'), 'air-raid'));
  await h.context.settings.update(h.guildId, (s) => {
    s.channels.push({
      channelId: h.channel('announcements'),
      topics: 'all',
      announcement: true,
      paused: { reason: 'Missing Access to the channel', since: '2024-05-01T10:00:00Z' },
    });
  });
  const list = await h.asAdmin({ name: 'alerts', subcommandGroup: 'channel', subcommand: 'list' });
  expect(list.reply.content).toContain(`<#${h.channel('alerts')}> — 🚨 Air raid`);
  expect(list.reply.content).toContain(`<#${h.channel('announcements')}> — every topic · 📢`);
  expect(list.reply.content).toContain('⏸️ paused <t:1714557600:R>: Missing Access to the channel');

  const remove = { name: 'alerts', subcommandGroup: 'channel', subcommand: 'remove' };
  const removed = await h.asAdmin({ ...remove, options: { channel: h.channel('alerts') } });
  expect(removed.reply.content).toContain('no longer gets alerts');
  expect(h.context.stored(h.guildId).channels.map((c) => c.channelId)).toEqual([
    h.channel('announcements'),
  ]);
  const again = await h.asAdmin({ ...remove, options: { channel: h.channel('alerts') } });
  expect(again.reply.content).toContain('is not an alert channel');
});

test('topics autocomplete completes only the last item of the list, for admins only', async () => {
  h = await startCommandHarness();
  const ask = { name: 'alerts', subcommandGroup: 'channel', subcommand: 'add', focused: 'topics' };
  const first = await h.choices(
    { ...ask, options: { channel: h.channel('alerts'), topics: 'a' } },
    true,
  );
  expect(first.map((c) => (c as { value: string }).value)).toEqual([
    'all',
    'air-raid',
    'aid',
    'nuclear',
  ]);
  const next = await h.choices(
    { ...ask, options: { channel: h.channel('alerts'), topics: 'air-raid, nu' } },
    true,
  );
  expect(next).toEqual([{ name: 'air-raid, ☢️ Nuclear (nuclear)', value: 'air-raid, nuclear' }]);
  const member = await h.choices({
    ...ask,
    options: { channel: h.channel('alerts'), topics: 'a' },
  });
  expect(member).toEqual([]);
});
