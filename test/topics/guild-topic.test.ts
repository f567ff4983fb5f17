import { describe, expect, it } from 'vitest';
import {
  assertRoomForGuildTopic,
  GuildTopicError,
  guildTopicToMatchable,
  MAX_GUILD_TOPICS,
  parseGuildTopic,
  slugify,
} from '../../src/topics/guild-topic.ts';
import { Matcher } from '../../src/topics/matcher.ts';

const list = (count: number, word = 'word') =>
  Array.from({ length: count }, (_, i) => `${word}${i}`).join(', ');

describe('parseGuildTopic', () => {
  it('splits, trims and de-duplicates the comma-separated lists', () => {
    const topic = parseGuildTopic({
      name: '  Kharkiv   blackouts ',
      keywords: 'Kharkiv,  power cut , , kharkiv,Blackout',
      exclude: 'concert',
    });
    expect(topic).toEqual({
      slug: 'kharkiv-blackouts',
      name: 'Kharkiv blackouts',
      include: ['Kharkiv', 'power cut', 'Blackout'],
      exclude: ['concert'],
    });
  });

  it('derives a short lowercase slug from any name', () => {
    expect(slugify('Харків: світло!')).toBe('kharkiv-svitlo');
    expect(slugify('Übergänge & Häfen')).toBe('ubergange-hafen');
    expect(slugify('x'.repeat(50))).toHaveLength(32);
    expect(slugify('🔥🔥🔥')).toMatch(/^topic-[a-z0-9]+$/);
    expect(slugify('🔥🔥🔥')).not.toBe(slugify('🚀🚀🚀'));
  });

  it.each([
    ['an empty name', { name: '', keywords: 'kyiv' }, 'The topic needs a name.'],
    ['a long name', { name: 'n'.repeat(51), keywords: 'kyiv' }, 'at most 50 characters, got 51'],
    ['no keyword', { name: 'Kyiv', keywords: ' , ' }, 'at least one keyword'],
    [
      '26 keywords',
      { name: 'Kyiv', keywords: list(26) },
      'Too many keywords: at most 25 allowed, got 26.',
    ],
    [
      '26 excludes',
      { name: 'Kyiv', keywords: 'kyiv', exclude: list(26) },
      'Too many excludes: at most 25 allowed, got 26.',
    ],
    [
      'a 1-character keyword',
      { name: 'Kyiv', keywords: 'k' },
      'The keyword "k" is too short: at least 2 characters.',
    ],
    [
      'a 61-character keyword',
      { name: 'Kyiv', keywords: 'k'.repeat(61) },
      'is too long: at most 60 characters, got 61.',
    ],
    [
      'a 1-character exclude',
      { name: 'Kyiv', keywords: 'kyiv', exclude: 'x' },
      'The exclude "x" is too short',
    ],
    [
      'a keyword of symbols',
      { name: 'Kyiv', keywords: '.*, kyiv' },
      'The keyword ".*" has no letters or digits to match.',
    ],
  ])('refuses %s with a message naming the limit', (_label, input, message) => {
    expect(() => parseGuildTopic(input)).toThrow(GuildTopicError);
    expect(() => parseGuildTopic(input)).toThrow(message);
  });

  it('accepts exactly the limits', () => {
    const topic = parseGuildTopic({
      name: 'n'.repeat(50),
      keywords: list(25),
      exclude: list(25, 'other'),
    });
    expect(topic.include).toHaveLength(25);
    expect(topic.exclude).toHaveLength(25);
    expect(() =>
      parseGuildTopic({ name: 'K', keywords: 'ab, '.concat('k'.repeat(60)) }),
    ).not.toThrow();
  });

  it('caps the number of topics per guild', () => {
    expect(MAX_GUILD_TOPICS).toBe(25);
    expect(() => assertRoomForGuildTopic(24)).not.toThrow();
    expect(() => assertRoomForGuildTopic(25)).toThrow('at most 25 allowed');
  });
});

describe('guild topics in the Matcher', () => {
  it('are matched with inflection, spelling and exclusions like built-in ones', () => {
    const topic = parseGuildTopic({
      name: 'Port of Odesa',
      keywords: 'Odesa port, grain terminal, Одеський порт',
      exclude: 'football',
    });
    const matcher = new Matcher([guildTopicToMatchable(topic, 'guild:1:port-of-odesa')]);
    const found = (title: string, body = '') => matcher.match({ title, body });
    expect(found('Drones hit Odesa ports overnight')).toEqual([
      { topicId: 'guild:1:port-of-odesa', phrases: ['Odesa port'] },
    ]);
    expect(found('Grain terminals on fire')).toHaveLength(1);
    expect(found('Удар по Одеському порту')).toHaveLength(1);
    expect(found('Odesa port football club wins')).toEqual([]);
    expect(found('Kyiv metro reopens')).toEqual([]);
  });

  it('treat regex characters, markdown and mentions as plain text', () => {
    const topic = parseGuildTopic({
      name: '**Alerts** <@123>',
      keywords: '[a-z]+ drones, **HIMARS**, <@&456> tanks, (Kyiv|Lviv)',
    });
    const matcher = new Matcher([guildTopicToMatchable(topic)]);
    const found = (title: string) => matcher.match({ title, body: '' }).length > 0;
    expect(found('Something completely unrelated')).toBe(false);
    expect(found('Shahed drones over Kyiv')).toBe(false);
    expect(found('HIMARS strike reported')).toBe(true);
    expect(found('Kyiv')).toBe(false);
    expect(found('Kyiv Lviv train')).toBe(true);
    expect(found('456 tanks delivered')).toBe(true);
    expect(topic.name).toBe('**Alerts** <@123>');
    expect(topic.slug).toBe('alerts-123');
  });
});
