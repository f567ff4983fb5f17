import { afterEach, expect, test } from 'vitest';
import { type CommandHarness, GUILD, startCommandHarness } from './harness.ts';

let h: CommandHarness;
afterEach(() => h?.close());

const language = (choice?: string) => ({
  name: 'alerts',
  subcommand: 'language',
  ...(choice === undefined ? {} : { options: { language: choice } }),
});

/** The "Read the full update" button of a posted alert, which names its language. */
function readMoreLabel(message: { components: unknown[] } | undefined): string | undefined {
  const rows = (message?.components ?? []) as { components: { label?: string }[] }[];
  return rows[0]?.components[0]?.label;
}

test('a Ukrainian server: its language is noted with its settings, and the sample alert uses it', async () => {
  h = await startCommandHarness({ guild: { ...GUILD, preferredLocale: 'uk' } });
  const before = await h.asAdmin(language());
  expect(before.reply.content).toContain('written in **Ukrainian**, the server’s language');
  // Asking stores nothing: a server with no settings keeps none.
  expect(h.context.writes).toEqual([]);

  await h.asAdmin({
    name: 'alerts',
    subcommandGroup: 'channel',
    subcommand: 'add',
    options: { channel: h.channel('alerts'), topics: 'all' },
  });
  // Noted just after the command's reply, with the settings the command created.
  await h.server.waitFor(() => h.context.stored(h.guildId).serverLanguage === 'uk');
  expect(h.context.stored(h.guildId).language).toBeUndefined();

  await h.asAdmin({
    name: 'alerts',
    subcommand: 'test',
    options: { channel: h.channel('alerts') },
  });
  expect(readMoreLabel(h.server.messages(h.channel('alerts')).at(-1))).toBe('Читати повністю');
});

test('/alerts language: an admin’s choice wins over the server’s language until set back', async () => {
  h = await startCommandHarness({ guild: { ...GUILD, preferredLocale: 'uk' } });
  const chosen = await h.asAdmin(language('en'));
  expect(chosen.reply.content).toBe(
    '✅ From now on alerts on this server are written in **English**.',
  );
  expect(h.context.stored(h.guildId)).toMatchObject({ language: 'en', serverLanguage: 'uk' });
  expect((await h.asAdmin(language())).reply.content).toContain(
    'written in **English**, as chosen with `/alerts language`',
  );
  await h.asAdmin({
    name: 'alerts',
    subcommand: 'test',
    options: { channel: h.channel('alerts') },
  });
  expect(readMoreLabel(h.server.messages(h.channel('alerts')).at(-1))).toBe('Read the full update');

  // The reply is in the admin's own language; the choice is about the alerts.
  const back = await h.asAdmin({ ...language('server'), locale: 'uk' });
  expect(back.reply.content).toBe(
    '✅ Відтепер сповіщення на цьому сервері пишуться мовою сервера в Discord: зараз **українською**.',
  );
  expect(h.context.stored(h.guildId).language).toBeUndefined();

  const bad = await h.asAdmin(language('de'));
  expect(bad.reply.content).toBe('Language must be `server`, `en` or `uk`. Nothing was changed.');
  expect(h.context.stored(h.guildId).language).toBeUndefined();
});

test('/alerts language needs Manage Server', async () => {
  h = await startCommandHarness();
  const outcome = await h.asMember(language('uk'));
  expect(outcome.reply.content).not.toContain('✅');
  expect(h.context.writes).toEqual([]);
});

test('/alerts language renames the mention roles the bot made; one an admin renamed keeps its name', async () => {
  h = await startCommandHarness();
  await h.context.settings.update(h.guildId, (s) => {
    s.channels.push({ channelId: h.channel('alerts'), topics: 'all', announcement: false });
  });
  await h.asMember({ name: 'subscribe', options: { topic: 'air-raid' } });
  await h.asMember({ name: 'subscribe', options: { topic: 'aid' } });
  const { roles } = h.context.stored(h.guildId);
  const [airRaid, aid] = [roles['air-raid']!, roles.aid!];
  const nameOf = (id: string) => h.server.roles(h.guildId).find((r) => r.id === id)?.name;
  const airRaidTopic = h.context.topics.get(h.guildId, 'air-raid')!;
  const english = nameOf(airRaid);
  expect(english).toBe(`${airRaidTopic.emoji} ${airRaidTopic.name.en}`);

  // An admin gives the aid role a name of the server's own.
  h.server.renameRole(h.guildId, aid, 'Aid watchers');
  await h.server.waitFor(
    () => h.client.guilds.cache.get(h.guildId)?.roles.cache.get(aid)?.name === 'Aid watchers',
  );

  const chosen = await h.asAdmin(language('uk'));
  expect(chosen.reply.content).toBe(
    '✅ From now on alerts on this server are written in **Ukrainian**.\n' +
      '🏷️ Mention roles renamed to match: 1.',
  );
  expect(nameOf(airRaid)).toBe(`${airRaidTopic.emoji} ${airRaidTopic.name.uk}`);
  expect(nameOf(aid)).toBe('Aid watchers');

  // Choosing the language it already has renames nothing; going back renames it back.
  const again = await h.asAdmin(language('uk'));
  expect(again.reply.content).not.toContain('🏷️');
  await h.asAdmin(language('en'));
  expect(nameOf(airRaid)).toBe(english);
  const edits = h.server.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/roles/'));
  expect(edits).toHaveLength(2);
});

test('/alerts language: a mention role Discord will not let the bot rename is reported, the language still set', async () => {
  h = await startCommandHarness();
  await h.context.settings.update(h.guildId, (s) => {
    s.channels.push({ channelId: h.channel('alerts'), topics: 'all', announcement: false });
  });
  await h.asMember({ name: 'subscribe', options: { topic: 'air-raid' } });
  h.server.failNext({ method: 'PATCH', path: /\/roles\/\d+$/ }, { status: 403, code: 50013 });
  const chosen = await h.asAdmin(language('uk'));
  expect(chosen.reply.content).toContain('written in **Ukrainian**');
  expect(chosen.reply.content).toContain('⚠️ Mention roles that could not be renamed: 1.');
  expect(h.context.stored(h.guildId).language).toBe('uk');
});
