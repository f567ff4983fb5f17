import { expect, test } from 'vitest';
import { SettingsRepository } from '../../src/app/settings-repository.ts';
import { alertLanguage, GuildSettingsSchema } from '../../src/core/guild-settings.ts';
import { silentLogger } from '../../src/logger.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { Records } from '../../src/store/records.ts';

const GUILD = '123456789012345678';
const CHANNEL = '223456789012345678';

/** A guild's record as the release before stored languages wrote it. */
const OLD_RECORD = {
  guildId: GUILD,
  channels: [{ channelId: CHANNEL, topics: 'all', announcement: false }],
  sources: [],
  roles: {},
  customTopics: [],
  dmSubscribers: {},
};

async function repositoryWith(guild: unknown): Promise<SettingsRepository> {
  const records = new Records(new MemoryStore(), silentLogger());
  await records.write(`guild:${GUILD}`, guild);
  await records.write('guilds', [GUILD]);
  const settings = new SettingsRepository(records);
  await settings.load();
  return settings;
}

test('a record stored before languages were loads whole, and its language falls back', async () => {
  const settings = await repositoryWith(OLD_RECORD);
  const stored = settings.peek(GUILD);
  expect(stored?.channels).toHaveLength(1);
  expect(stored?.language).toBeUndefined();
  expect(stored?.serverLanguage).toBeUndefined();
  // Only the process that caches the guild knows its language until the holder notes it.
  expect(alertLanguage(stored, 'uk')).toBe('uk');
  expect(alertLanguage(stored, undefined)).toBe('en');
});

test('a language this release does not know reads as unset, and the rest of the record stays', async () => {
  const settings = await repositoryWith({ ...OLD_RECORD, language: 'fr', serverLanguage: 'uk' });
  const stored = settings.peek(GUILD);
  expect(stored?.channels).toHaveLength(1);
  expect(stored?.language).toBeUndefined();
  expect(alertLanguage(stored, 'en')).toBe('uk');
});

test("the admin's choice comes first, then the stored server language, then the cache", () => {
  const guild = (fields: object) => GuildSettingsSchema.parse({ ...OLD_RECORD, ...fields });
  expect(alertLanguage(guild({ language: 'en', serverLanguage: 'uk' }), 'uk')).toBe('en');
  expect(alertLanguage(guild({ serverLanguage: 'uk' }), 'en')).toBe('uk');
  expect(alertLanguage(undefined, 'uk')).toBe('uk');
  expect(alertLanguage(undefined, undefined)).toBe('en');
});
