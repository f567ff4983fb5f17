import type { TextChannel } from 'discord.js';
import { afterEach, expect, test } from 'vitest';
import { type Harness, startHarness } from './client.ts';

let harness: Harness;
afterEach(() => harness.close());

const alerts = () => harness.client.channels.cache.get(harness.channel('alerts')) as TextChannel;

test('an injected 429 is waited out by discord.js and the message lands once', async () => {
  harness = await startHarness();
  const { server } = harness;
  const path = `/channels/${harness.channel('alerts')}/messages`;
  server.failNext({ method: 'POST', path }, { status: 429, retryAfter: 0.2 });
  await alerts().send('after the rate limit');
  expect(server.messages(harness.channel('alerts')).map((m) => m.content)).toEqual([
    'after the rate limit',
  ]);
  expect(server.rateLimitHits).toBe(1);
  expect(server.requests.filter((r) => r.path === path).map((r) => r.status)).toEqual([429, 200]);
});

test('a 502 is retried by discord.js; an injected 403 surfaces with its code', async () => {
  harness = await startHarness();
  const { server } = harness;
  server.failNext({ path: /\/messages$/ }, { status: 502 });
  await alerts().send('survived a 502');
  expect(server.messages(harness.channel('alerts'))).toHaveLength(1);

  server.failNext({ path: /\/messages$/ }, { status: 403, code: 50001 });
  await expect(alerts().send('no access')).rejects.toMatchObject({ status: 403, code: 50001 });
});

test('the 6th message in 5 s to one channel is rate limited with bucket headers', async () => {
  harness = await startHarness();
  const url = `${harness.server.apiUrl}/v10/channels/${harness.channel('alerts')}/messages`;
  const send = (i: number) =>
    fetch(url, {
      method: 'POST',
      headers: { Authorization: 'Bot t', 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: `#${i}` }),
    });
  const first = await send(1);
  expect(first.headers.get('x-ratelimit-limit')).toBe('5');
  expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
  for (let i = 2; i <= 5; i++) expect((await send(i)).status).toBe(200);
  const limited = await send(6);
  expect(limited.status).toBe(429);
  expect(limited.headers.get('x-ratelimit-global')).toBeNull();
  const body = (await limited.json()) as { retry_after: number };
  expect(body.retry_after).toBeGreaterThan(0);
  expect(harness.server.messages(harness.channel('alerts'))).toHaveLength(5);
});

test('discord.js paces itself from the bucket headers: 7 sends land without a 429', async () => {
  harness = await startHarness();
  const sends = Array.from({ length: 7 }, (_, i) => alerts().send(`alert ${i}`));
  await Promise.all(sends);
  const contents = harness.server.messages(harness.channel('alerts')).map((m) => m.content);
  expect(contents).toEqual(Array.from({ length: 7 }, (_, i) => `alert ${i}`));
  expect(harness.server.rateLimitHits).toBe(0);
});

test('more than 50 requests in a second hit the global limit', async () => {
  harness = await startHarness();
  const responses = await Promise.all(
    Array.from({ length: 60 }, () =>
      fetch(`${harness.server.apiUrl}/v10/users/@me`, { headers: { Authorization: 'Bot t' } }),
    ),
  );
  const limited = responses.filter((response) => response.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  expect(limited[0]?.headers.get('x-ratelimit-global')).toBe('true');
  expect(limited[0]?.headers.get('x-ratelimit-scope')).toBe('global');
});
