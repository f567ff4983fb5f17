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
