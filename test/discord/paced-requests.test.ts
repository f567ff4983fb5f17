import { REST, Routes } from 'discord.js';
import { afterEach, expect, test } from 'vitest';
import { pacedRequests } from '../../src/discord/paced-requests.ts';
import type { SendPacer } from '../../src/fleet/send-pacer.ts';
import { type LocalDiscord, startLocalDiscord } from '../../src/local-discord/server.ts';

let server: LocalDiscord | undefined;
afterEach(() => server?.close());

/** Counts the turns taken; each turn is granted at once. */
class CountingPacer implements SendPacer {
  turns = 0;
  async wait(): Promise<void> {
    this.turns += 1;
  }
}

async function pacedRest() {
  server = await startLocalDiscord({ guilds: [{ name: 'G', channels: [{ name: 'alerts' }] }] });
  const pacer = new CountingPacer();
  const rest = new REST({
    api: server.apiUrl,
    version: '10',
    makeRequest: pacedRequests(pacer),
  }).setToken('made-up-token');
  return { rest, pacer, server, channelId: server.guilds[0]!.channels[0]!.id };
}

test('every request with the bot token waits its turn, whatever sends it', async () => {
  const { rest, pacer, channelId } = await pacedRest();
  await rest.post(Routes.channelMessages(channelId), { body: { content: 'one' } });
  await rest.get(Routes.channelMessages(channelId));
  await rest.get(Routes.gatewayBot());
  expect(pacer.turns).toBe(3);
});

test('a retry after a 429 waits its turn again instead of leaving with the others', async () => {
  const { rest, pacer, channelId, server } = await pacedRest();
  server.failNext(
    { method: 'POST', path: `/channels/${channelId}/messages` },
    { status: 429, retryAfter: 0.01, global: true },
  );
  await rest.post(Routes.channelMessages(channelId), { body: { content: 'after a 429' } });
  expect(server.messages(channelId)).toHaveLength(1);
  expect(pacer.turns).toBe(2);
});

test('requests without the bot token (interaction responses) are not held up', async () => {
  const { rest, pacer } = await pacedRest();
  await rest.get(Routes.gateway(), { auth: false });
  expect(pacer.turns).toBe(0);
});
