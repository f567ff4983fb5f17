import { expect, test } from 'vitest';
import { en, localeOf, type MessageKey, placeholdersOf, t, uk } from '../../src/i18n/index.ts';

const keys = Object.keys(en) as MessageKey[];

test('Ukrainian has every English string, with the same placeholders, and nothing extra', () => {
  expect(Object.keys(uk).sort()).toEqual([...keys].sort());
  for (const key of keys) {
    expect({ key, placeholders: placeholdersOf(uk[key]) }).toEqual({
      key,
      placeholders: placeholdersOf(en[key]),
    });
    expect(uk[key].trim(), key).not.toBe('');
  }
});

test('command and option descriptions fit Discord’s 100 characters in both languages', () => {
  for (const key of keys.filter((k) => k.startsWith('cmd.') || k.startsWith('opt.'))) {
    expect(en[key].length, key).toBeLessThanOrEqual(100);
    expect(uk[key].length, key).toBeLessThanOrEqual(100);
  }
});

test('the caller’s Discord locale picks the language; anything but Ukrainian reads English', () => {
  expect(localeOf('uk')).toBe('uk');
  expect(localeOf('en-US')).toBe('en');
  expect(localeOf('de')).toBe('en');
  expect(localeOf(undefined)).toBe('en');
  expect(t('uk', 'unsubscribe.notSubscribed', { topic: 'X' })).toBe('Ви не були підписані на X.');
  expect(t('en', 'unsubscribe.notSubscribed', { topic: 'X' })).toBe('You weren’t subscribed to X.');
});
