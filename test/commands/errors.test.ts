import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, expect, test } from 'vitest';
import { type CommandHarness, startCommandHarness } from './harness.ts';

let h: CommandHarness;
afterEach(() => h?.close());

function captureLogs(harness: CommandHarness): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  harness.context.logger = pino({ level: 'info' }, sink);
  return lines;
}

test('an unexpected error before replying gives an ephemeral apology with the logged error id', async () => {
  h = await startCommandHarness();
  const logs = captureLogs(h);
  h.context.topics.list = () => {
    throw new Error('topic directory exploded');
  };
  const outcome = await h.asMember({ name: 'topics' });
  expect(outcome.ephemeral).toBe(true);
  const errorId = outcome.reply.content.match(/`([0-9a-f]{8})`/)?.[1];
  expect(outcome.reply.content).toMatch(/^Sorry, something went wrong/);
  expect(logs).toContainEqual(
    expect.objectContaining({ errorId, command: 'topics', msg: 'command failed' }),
  );
  expect(JSON.stringify(logs)).toContain('topic directory exploded');
});

test('an error after deferring edits the deferred reply into the apology, in the caller’s language', async () => {
  h = await startCommandHarness();
  h.context.latest.list = async () => {
    throw new Error('store unavailable');
  };
  const outcome = await h.asMember({ name: 'latest', locale: 'uk' });
  expect(outcome.deferred).toBe(true);
  expect(outcome.ephemeral).toBe(true);
  expect(outcome.reply.content).toMatch(/^Вибачте, у нас щось пішло не так.*`[0-9a-f]{8}`$/);
});

test('the bot keeps answering after a command failed', async () => {
  h = await startCommandHarness();
  const original = h.context.latest.list;
  h.context.latest.list = async () => {
    throw new Error('once');
  };
  await h.asMember({ name: 'latest' });
  h.context.latest.list = original;
  const outcome = await h.asMember({ name: 'latest' });
  expect(outcome.reply.content).toContain('No updates are stored yet');
});
