import { describe, expect, test } from 'vitest';
import { exportFeedback, guessLanguage, parseSince } from '../../src/app/feedback-export.ts';
import { FeedbackStore } from '../../src/app/feedback-store.ts';
import { FEEDBACK_RATE, type FeedbackReport } from '../../src/core/feedback.ts';
import {
  parseFeedbackId,
  wrongTopicButtonId,
  wrongTopicPickId,
} from '../../src/discord/feedback/ids.ts';
import { silentLogger } from '../../src/logger.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { Records } from '../../src/store/records.ts';

const NOW = new Date('2026-12-07T10:00:00Z');

function report(overrides: Partial<FeedbackReport> = {}): FeedbackReport {
  return {
    guildId: '111111111111111111',
    channelId: '222222222222222222',
    messageId: '333333333333333333',
    memberId: '444444444444444444',
    updateKey: 'aaaaaaaaaaaaaaaaaaaaaaaa',
    topicId: 'air-raid',
    matched: { 'air-raid': ['explosions'], frontline: ['troops + withdraw'] },
    update: {
      source: 'https://news.example/live',
      id: 'p1',
      title: 'Troops withdraw after explosions near the base',
      body: 'Explosions were heard as the last units left.',
      url: 'https://news.example/live#p1',
    },
    reportedAt: NOW.toISOString(),
    ...overrides,
  };
}

function store(now = () => NOW) {
  const kv = new MemoryStore();
  return new FeedbackStore(kv, new Records(kv, silentLogger()), now);
}

describe('the feedback store', () => {
  test('a second identical report changes nothing; the guild sees its own only', async () => {
    const reports = store();
    expect(await reports.add(report())).toBe('recorded');
    expect(await reports.add(report())).toBe('duplicate');
    expect(await reports.add(report({ guildId: '999999999999999999' }))).toBe('recorded');
    const ours = await reports.recentForGuild('111111111111111111', 10);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.guildId).toBe('111111111111111111');
    expect(await reports.since(new Date(0))).toHaveLength(2);
    expect(await reports.since(new Date(NOW.getTime() + 1))).toEqual([]);
  });

  test('a member gets FEEDBACK_RATE.reports per window; the window moves on', async () => {
    let now = NOW;
    const reports = store(() => now);
    const nth = (i: number) => report({ updateKey: `key${String(i).padStart(21, '0')}` });
    for (let i = 0; i < FEEDBACK_RATE.reports; i += 1) {
      expect(await reports.add(nth(i))).toBe('recorded');
    }
    expect(await reports.add(nth(99))).toBe('rate-limited');
    expect(
      await reports.add(report({ memberId: '555555555555555555', updateKey: 'b'.repeat(24) })),
    ).toBe('recorded');
    now = new Date(NOW.getTime() + FEEDBACK_RATE.windowMs + 1);
    expect(await reports.add(nth(99))).toBe('recorded');
  });

  test('reports made at once by several processes are all indexed', async () => {
    const kv = new MemoryStore();
    const make = () => new FeedbackStore(kv, new Records(kv, silentLogger()), () => NOW);
    const a = make();
    const b = make();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? a : b).add(report({ memberId: `6${String(i).padStart(17, '0')}` })),
      ),
    );
    expect(await a.recentForGuild('111111111111111111', 100)).toHaveLength(8);
  });

  test('a malformed report is refused before anything is written', async () => {
    const reports = store();
    await expect(reports.add(report({ reportedAt: 'yesterday' }))).rejects.toThrow();
    expect(await reports.since(new Date(0))).toEqual([]);
  });
});

describe('export as labelled corpus lines', () => {
  const builtin = new Set(['air-raid', 'frontline', 'casualties']);

  test('one line per update: reported topics out of "topics", told in "why", no ids of people', () => {
    const lines = exportFeedback(
      [
        report(),
        report({ memberId: '777777777777777777' }),
        report({ topicId: 'guild:111:kharkiv', matched: { 'guild:111:kharkiv': ['base'] } }),
      ],
      builtin,
    );
    expect(lines).toEqual([
      {
        id: 'feedback-aaaaaaaaaaaaaaaaaaaaaaaa',
        title: 'Troops withdraw after explosions near the base',
        body: 'Explosions were heard as the last units left.',
        lang: 'en',
        topics: ['frontline'],
        optional: [],
        why: expect.stringContaining('air-raid reported wrong by 2 members, matched "explosions"'),
      },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(
      /444444444444444444|777777777777777777|111111111111111111/,
    );
  });

  test('reports on a server’s own keyword topics are not exported', () => {
    expect(
      exportFeedback([report({ topicId: 'guild:1:x', matched: { 'guild:1:x': ['y'] } })], builtin),
    ).toEqual([]);
  });

  test('language is guessed from the letters, and left out when unsure', () => {
    expect(guessLanguage('Sirens in Kyiv')).toBe('en');
    expect(guessLanguage('Повітряна тривога в Києві')).toBe('uk');
    expect(guessLanguage('Воздушная тревога в Харькове, объявлена эвакуация')).toBe('ru');
    expect(guessLanguage('Тревога')).toBeUndefined();
  });

  test('--since takes an ISO date or a duration back from now, and refuses anything else', () => {
    expect(parseSince('2026-12-01', NOW).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseSince('2026-12-01T08:00Z', NOW).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(parseSince('7d', NOW).toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(parseSince('12h', NOW).toISOString()).toBe('2026-12-06T22:00:00.000Z');
    expect(parseSince('30m', NOW).toISOString()).toBe('2026-12-07T09:30:00.000Z');
    for (const bad of ['last week', '7', '-3d', '2026-13-45']) {
      expect(() => parseSince(bad, NOW), bad).toThrow(/neither an ISO date .* nor a duration/);
    }
  });
});

test('control ids name the update and nothing a member could use to reach another server', () => {
  const key = 'aaaaaaaaaaaaaaaaaaaaaaaa';
  expect(parseFeedbackId(wrongTopicButtonId(key))).toEqual({ kind: 'button', updateKey: key });
  expect(parseFeedbackId(wrongTopicPickId(key))).toEqual({ kind: 'pick', updateKey: key });
  for (const other of ['wrong-topic', 'wrong-topic:', 'wrong-topic:a b', 'other:abc', 'x']) {
    expect(parseFeedbackId(other), other).toBeUndefined();
  }
});

test('a DM alert’s control names the guild it was sent for, and nothing else parses as one', () => {
  const key = 'aaaaaaaaaaaaaaaaaaaaaaaa';
  const guild = '111111111111111111';
  expect(wrongTopicButtonId(key, guild)).toBe(`wrong-topic-dm:${guild}:${key}`);
  expect(parseFeedbackId(wrongTopicButtonId(key, guild))).toEqual({
    kind: 'button',
    updateKey: key,
    dmGuildId: guild,
  });
  expect(parseFeedbackId(wrongTopicPickId(key, guild))).toEqual({
    kind: 'pick',
    updateKey: key,
    dmGuildId: guild,
  });
  for (const other of [
    `wrong-topic-dm:${key}`,
    `wrong-topic-dm:guild:${key}`,
    `wrong-topic-dm:${guild}:${key}:extra`,
    `wrong-topic:${guild}:${key}`,
    `wrong-topic-dm:${guild}:`,
    'toString:abc',
  ]) {
    expect(parseFeedbackId(other), other).toBeUndefined();
  }
});
