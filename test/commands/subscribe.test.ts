import { PermissionFlagsBits } from 'discord.js';
import { afterEach, expect, test } from 'vitest';
import { type CommandHarness, type CommandRun, startCommandHarness } from './harness.ts';

let h: CommandHarness;
afterEach(() => h?.close());

const subscribe = (topic: string, delivery?: 'ping' | 'dm'): CommandRun => ({
  name: 'subscribe',
  options: delivery ? { topic, delivery } : { topic },
});

test('/subscribe creates a mentionable topic role, gives it, stores it, and answers privately', async () => {
  h = await startCommandHarness();
  await h.context.settings.update(h.guildId, (s) => {
    s.channels.push({ channelId: h.channel('alerts'), topics: ['air-raid'], announcement: false });
  });

  const outcome = await h.asMember(subscribe('air-raid'));

  expect(outcome.ephemeral).toBe(true);
  const roleId = h.context.stored(h.guildId).roles['air-raid'];
  expect(roleId).toBeDefined();
  expect(h.server.roles(h.guildId)).toContainEqual({ id: roleId, name: '🚨 Air raid' });
  expect(h.server.memberRoles(h.guildId, h.user('olena'))).toEqual([roleId]);
  expect(outcome.reply.content).toContain(`<@&${roleId}>`);
  expect(outcome.reply.content).toContain(`<#${h.channel('alerts')}>`);
  const created = h.server.requests.find((r) => r.method === 'POST' && r.path.endsWith('/roles'));
  expect(created?.body).toMatchObject({ mentionable: true });

  // A second member gets the same role, not a new one.
  await h.asMember(subscribe('air-raid'), 'taras');
  expect(h.server.memberRoles(h.guildId, h.user('taras'))).toEqual([roleId]);
  expect(h.server.roles(h.guildId).filter((r) => r.name.includes('Air raid'))).toHaveLength(1);

  const again = await h.asMember(subscribe('air-raid'));
  expect(again.reply.content).toContain('already get pinged');
});

test('/subscribe without Manage Roles tells the member exactly what an admin must do', async () => {
  h = await startCommandHarness({
    botPermissions:
      PermissionFlagsBits.ViewChannel |
      PermissionFlagsBits.SendMessages |
      PermissionFlagsBits.EmbedLinks,
  });
  const outcome = await h.asMember(subscribe('air-raid'));
  expect(outcome.ephemeral).toBe(true);
  expect(outcome.reply.content).toContain('**Manage Roles**');
  expect(outcome.reply.content).toContain('/alerts role');
  expect(h.context.stored(h.guildId).roles).toEqual({});
  expect(h.server.memberRoles(h.guildId, h.user('olena'))).toEqual([]);
});

test('/subscribe when Discord refuses the role (above the bot) asks an admin to move the bot role', async () => {
  h = await startCommandHarness();
  h.server.failNext(
    { method: 'PUT', path: /\/members\/\d+\/roles\/\d+$/ },
    { status: 403, code: 50013 },
  );
  const outcome = await h.asMember(subscribe('air-raid'));
  expect(outcome.reply.content).toMatch(/above my highest role/);
  expect(h.server.memberRoles(h.guildId, h.user('olena'))).toEqual([]);
});

test('/subscribe by DM stores the member and sends a confirmation DM', async () => {
  h = await startCommandHarness();
  const outcome = await h.asMember(subscribe('aid', 'dm'));
  expect(outcome.ephemeral).toBe(true);
  expect(outcome.reply.content).toContain('direct message');
  expect(h.context.stored(h.guildId).dmSubscribers).toEqual({ aid: [h.user('olena')] });
  const [dm] = h.server.dms(h.user('olena'));
  expect(dm?.content).toContain('Aid');
  expect(dm?.content).toContain('Newsroom');
});

test('/subscribe by DM with closed DMs takes the subscription back and explains how to open them', async () => {
  h = await startCommandHarness();
  h.server.closeDms(h.user('olena'));
  const outcome = await h.asMember(subscribe('aid', 'dm'));
  expect(outcome.reply.content).toMatch(/Allow direct messages from server members/);
  expect(h.context.stored(h.guildId).dmSubscribers).toEqual({});
});

test('/subscribe to an unknown topic lists the topics that exist', async () => {
  h = await startCommandHarness();
  const outcome = await h.asMember(subscribe('weather'));
  expect(outcome.ephemeral).toBe(true);
  expect(outcome.reply.content).toContain('“weather”');
  expect(outcome.reply.content).toContain('`air-raid`, `aid`, `nuclear`');
});

test('/unsubscribe takes the role and the DM subscription away; /subscriptions shows what is left', async () => {
  h = await startCommandHarness();
  await h.asMember(subscribe('air-raid'));
  await h.asMember(subscribe('aid', 'dm'));

  const listed = await h.asMember({ name: 'subscriptions' });
  expect(listed.reply.content).toContain('🚨 **Air raid** `air-raid` — 🔔 ping');
  expect(listed.reply.content).toContain('🤝 **Aid** `aid` — ✉️ direct message');

  const off = await h.asMember({ name: 'unsubscribe', options: { topic: 'air-raid' } });
  expect(off.reply.content).toContain('Removed your role');
  expect(h.server.memberRoles(h.guildId, h.user('olena'))).toEqual([]);
  await h.asMember({ name: 'unsubscribe', options: { topic: 'aid' } });
  expect(h.context.stored(h.guildId).dmSubscribers).toEqual({});

  const none = await h.asMember({ name: 'unsubscribe', options: { topic: 'aid' } });
  expect(none.reply.content).toContain('weren’t subscribed');
  const empty = await h.asMember({ name: 'subscriptions' });
  expect(empty.reply.content).toContain('don’t follow any topic');
});

test('a Ukrainian member is answered in Ukrainian', async () => {
  h = await startCommandHarness();
  const outcome = await h.asMember({ ...subscribe('aid', 'dm'), locale: 'uk' });
  expect(outcome.reply.content).toContain('особисте повідомлення');
  expect(h.server.dms(h.user('olena'))[0]?.content).toContain('Допомога');
});

test('topic autocomplete suggests matching topics by id or name', async () => {
  h = await startCommandHarness();
  const choices = await h.choices({
    name: 'subscribe',
    options: { topic: 'raid' },
    focused: 'topic',
  });
  expect(choices).toEqual([{ name: '🚨 Air raid (air-raid)', value: 'air-raid' }]);
  const uk = await h.choices({
    name: 'latest',
    options: { topic: 'допом' },
    focused: 'topic',
    locale: 'uk',
  });
  expect(uk).toEqual([{ name: '🤝 Допомога (aid)', value: 'aid' }]);
});
