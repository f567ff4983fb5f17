import { afterAll, beforeAll, expect, test } from 'vitest';
import { type CommandHarness, startCommandHarness } from './harness.ts';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(() => h?.close());

const addTopic = (options: Record<string, string>, locale?: string) =>
  h.asAdmin({
    name: 'alerts',
    subcommandGroup: 'topic',
    subcommand: 'add',
    options,
    ...(locale ? { locale } : {}),
  });

test('a keyword that reduces to one letter is refused, saying what it reads as; nothing stored', async () => {
  const outcome = await addTopic({ name: 'Everything', keywords: 'Kharkiv, .*(a+)+$' });
  expect(outcome.ephemeral).toBe(true);
  expect(outcome.reply.content).toContain('reads as “a”');
  expect(outcome.reply.content).toContain('fewer than two letters or digits');
  expect(h.context.stored(h.guildId).customTopics).toEqual([]);

  const uk = await addTopic({ name: 'Усе', keywords: '~я~' }, 'uk');
  expect(uk.reply.content).toContain('читається як «я»');
  expect(h.context.stored(h.guildId).customTopics).toEqual([]);
});

test('keywords matching more than a quarter of the labelled corpus are refused, with the share', async () => {
  const outcome = await addTopic({ name: 'Common words', keywords: 'the, and, та, на, что' });
  expect(outcome.reply.content).toMatch(/would match \d+ of \d+ sample live-blog updates \(\d+%\)/);
  expect(outcome.reply.content).toContain('more than a quarter');
  expect(outcome.reply.content).toContain('“the” (');
  expect(outcome.reply.allowedMentions).toEqual({ parse: [] });
  expect(h.context.stored(h.guildId).customTopics).toEqual([]);

  const uk = await addTopic({ name: 'Слова', keywords: 'the, and' }, 'uk');
  expect(uk.reply.content).toContain('більше чверті');
});

test('a specific keyword topic is still created', async () => {
  const outcome = await addTopic({ name: 'Kharkiv', keywords: 'Kharkiv, Харків, F-16' });
  expect(outcome.reply.content).toContain('Created the topic **Kharkiv**');
  expect(h.context.stored(h.guildId).customTopics.map((t) => t.slug)).toEqual(['kharkiv']);
});
