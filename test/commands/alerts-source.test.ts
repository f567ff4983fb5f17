import { afterEach, expect, test } from 'vitest';
import { type CommandHarness, startCommandHarness } from './harness.ts';

let h: CommandHarness;
afterEach(() => h?.close());

const source = (subcommand: 'add' | 'remove' | 'list', url?: string) => ({
  name: 'alerts',
  subcommandGroup: 'source',
  subcommand,
  ...(url === undefined ? {} : { options: { url } }),
});

test('/alerts source add defers, validates, and stores the normalised URL', async () => {
  h = await startCommandHarness();
  const seen: string[] = [];
  h.context.validateSource = async (url) => {
    seen.push(url);
    return 'https://news.example/live';
  };
  const outcome = await h.asAdmin(source('add', '  HTTPS://News.Example/live  '));
  expect(outcome.deferred).toBe(true);
  expect(outcome.ephemeral).toBe(true);
  expect(seen).toEqual(['HTTPS://News.Example/live']);
  expect(outcome.reply.content).toContain('Following <https://news.example/live>');
  expect(h.context.stored(h.guildId).sources).toEqual(['https://news.example/live']);

  const again = await h.asAdmin(source('add', 'https://news.example/live'));
  expect(again.reply.content).toContain('already followed');
  expect(h.context.stored(h.guildId).sources).toEqual(['https://news.example/live']);
});

test('a URL the validator refuses is explained with its own message and not stored', async () => {
  h = await startCommandHarness();
  h.context.validateSource = async () => {
    throw new Error('10.0.0.1 is a private address; only public sites can be followed');
  };
  const outcome = await h.asAdmin(source('add', 'http://10.0.0.1/feed'));
  expect(outcome.reply.content).toBe(
    '❌ 10.0.0.1 is a private address; only public sites can be followed',
  );
  expect(h.context.stored(h.guildId).sources).toEqual([]);
});

test('an operator source cannot be removed; a guild source can', async () => {
  h = await startCommandHarness();
  h.context.operatorSources = ['https://operator.example/live'];
  await h.context.settings.update(h.guildId, (s) => {
    s.sources.push('https://own.example/live');
  });

  const refused = await h.asAdmin(source('remove', 'https://operator.example/live'));
  expect(refused.reply.content).toContain('set by the bot’s operator');

  const missing = await h.asAdmin(source('remove', 'https://other.example/'));
  expect(missing.reply.content).toContain('not followed by this server');
  expect(missing.reply.content).toContain('<https://own.example/live>');

  const removed = await h.asAdmin(source('remove', 'https://own.example/live'));
  expect(removed.reply.content).toContain('Stopped following <https://own.example/live>');
  expect(h.context.stored(h.guildId).sources).toEqual([]);
});

test('/alerts source list shows health, and marks what the operator set', async () => {
  h = await startCommandHarness();
  h.context.operatorSources = ['https://operator.example/live'];
  await h.context.settings.update(h.guildId, (s) => {
    s.sources.push('https://own.example/live');
  });
  h.context.healthBySource.set('https://own.example/live', {
    source: 'https://own.example/live',
    lastSuccessAt: '2024-05-01T09:00:00Z',
    lastErrorAt: '2024-05-01T10:00:00Z',
    lastError: 'HTTP 503 from own.example **oops** @everyone',
    consecutiveFailures: 3,
    updatesKnown: 12,
  });
  const outcome = await h.asAdmin(source('list'));
  const text = outcome.reply.content;
  expect(text).toContain('• <https://operator.example/live> (set by the bot’s operator)');
  expect(text).toContain('never read yet');
  expect(text).toContain('• <https://own.example/live>\n');
  expect(text).toContain('last read <t:1714554000:R> · failures in a row: 3 · updates stored: 12');
  expect(text).toContain('last error <t:1714557600:R>: HTTP 503 from own.example \\*\\*oops\\*\\*');
  expect(text).not.toMatch(/@everyone/);
});

test('source autocomplete offers the guild’s own sources only', async () => {
  h = await startCommandHarness();
  h.context.operatorSources = ['https://operator.example/live'];
  await h.context.settings.update(h.guildId, (s) => {
    s.sources.push('https://own.example/live', 'https://second.example/blog');
  });
  const choices = await h.choices({ ...source('remove', 'own'), focused: 'url' }, true);
  expect(choices).toEqual([
    { name: 'https://own.example/live', value: 'https://own.example/live' },
  ]);
});
