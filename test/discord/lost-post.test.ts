import { REST } from 'discord.js';
import { afterEach, describe, expect, test } from 'vitest';
import { findLostPost, NONCE_TRUST_MS } from '../../src/app/lost-post.ts';
import type { AlertView } from '../../src/core/alert.ts';
import { type Delivery, newPostDelivery, updateKey } from '../../src/core/delivery.ts';
import type { DeliveryTarget } from '../../src/core/route.ts';
import { DiscordAlertSender } from '../../src/discord/alert-sender.ts';
import { renderAlert } from '../../src/discord/render.ts';
import { type LocalDiscord, startLocalDiscord } from '../../src/local-discord/server.ts';
import { Permission } from '../../src/local-discord/state.ts';
import { silentLogger } from '../../src/logger.ts';
import { BUILTIN_TOPICS } from '../support/memory-context.ts';
import { RecordingSender } from '../support/recording-sender.ts';

let server: LocalDiscord | undefined;
afterEach(() => server?.close());

const BLOG = 'https://news.example/live';

function view(id: string, title: string, url = `${BLOG}#${id}`): AlertView {
  return {
    update: {
      source: BLOG,
      id,
      title,
      body: 'Sirens sounded across the region.',
      url,
      published: '2024-11-18T09:02:00Z',
      pinned: false,
    },
    sourceName: 'news.example',
    topics: [{ ...BUILTIN_TOPICS[0]!, phrases: ['air raid'] }],
    roleIds: [],
    locale: 'en',
  };
}

async function senderFor(botPermissions?: bigint) {
  server = await startLocalDiscord({
    guilds: [{ name: 'G', channels: [{ name: 'alerts' }] }],
    ...(botPermissions === undefined ? {} : { botPermissions }),
  });
  const rest = new REST({ api: server.apiUrl, version: '10' }).setToken('made-up-token');
  const channelId = server.guilds[0]!.channels[0]!.id;
  const target: DeliveryTarget = { kind: 'channel', channelId, announcement: false };
  return { sender: new DiscordAlertSender(rest), target, channelId, server };
}

describe('finding the bot’s own alert for an update in a channel', () => {
  test('finds it by its update, never another update of a blog without per-update links', async () => {
    const { sender, target, server } = await senderFor();
    const kyiv = view('1', 'Air raid alert in Kyiv', BLOG);
    const posted = await sender.post(kyiv, target, 'nonce-1');
    // A second update with the same link and time but another headline; and a later one.
    await sender.post(view('2', 'All clear in Kyiv', BLOG), target, 'nonce-2');
    await sender.post(view('3', 'Air raid alert in Lviv'), target, 'nonce-3');

    expect(await sender.findPosted(kyiv, target)).toBe(posted);
    expect(await sender.findPosted(view('4', 'Air raid alert in Odesa'), target)).toBeUndefined();
    expect(
      server.requests.filter((r) => r.method === 'GET' && r.path === '/users/@me'),
    ).toHaveLength(1);
  });

  test('finds nothing, rather than failing, without Read Message History', async () => {
    const { sender, target } = await senderFor(
      Permission.ViewChannel | Permission.SendMessages | Permission.EmbedLinks,
    );
    const alert = view('1', 'Air raid alert in Kyiv');
    await sender.post(alert, target, 'nonce-1');
    expect(await sender.findPosted(alert, target)).toBeUndefined();
  });

  test('the local Discord forgets a nonce when its clock moves past five minutes', async () => {
    const { sender, target, channelId, server } = await senderFor();
    const alert = view('1', 'Air raid alert in Kyiv');
    const first = await sender.post(alert, target, 'same-nonce');
    expect(await sender.post(alert, target, 'same-nonce')).toBe(first);
    server.advanceClock(10 * 60_000);
    expect(await sender.post(alert, target, 'same-nonce')).not.toBe(first);
    expect(server.messages(channelId)).toHaveLength(2);
  });
});

describe('when to look before posting again', () => {
  const target: DeliveryTarget = {
    kind: 'channel',
    channelId: '123456789012345678',
    announcement: false,
  };
  const alert = view('1', 'Air raid alert in Kyiv');
  const delivery = (createdAt: Date): Delivery =>
    newPostDelivery(
      updateKey(BLOG, '1'),
      { guildId: '1', target, topicIds: ['air-raid'], roleIds: [] },
      {},
      createdAt.toISOString(),
      createdAt.toISOString(),
    );
  const deps = (sender: RecordingSender) => ({ sender, logger: silentLogger() });

  test('a post queued within the nonce window trusts the nonce: no look, even if posted', async () => {
    const sender = new RecordingSender();
    await sender.post(alert, target);
    const now = new Date('2024-11-18T10:00:00Z');
    const young = delivery(new Date(now.getTime() - NONCE_TRUST_MS + 1_000));
    expect(await findLostPost(deps(sender), alert, young, now)).toBeUndefined();
  });

  test('an older one adopts the alert already there, and posts when there is none', async () => {
    const now = new Date('2024-11-18T10:00:00Z');
    const old = delivery(new Date(now.getTime() - 10 * 60_000));
    const empty = new RecordingSender();
    expect(await findLostPost(deps(empty), alert, old, now)).toBeUndefined();
    const posted = new RecordingSender();
    const id = await posted.post(alert, target);
    expect(await findLostPost(deps(posted), alert, old, now)).toBe(id);
  });
});

describe('the "Wrong topic?" button', () => {
  const withKey = (v: AlertView): AlertView => ({
    ...v,
    feedbackKey: updateKey(BLOG, v.update.id),
  });

  test('is on channel alerts only, after the link, and names the update', () => {
    const plain = renderAlert(view('1', 'Air raid alert in Kyiv'));
    const reportable = renderAlert(withKey(view('1', 'Air raid alert in Kyiv')));
    const buttons = (body: typeof plain) =>
      (body.components as { components: { custom_id?: string; label?: string }[] }[]).flatMap(
        (row) => row.components,
      );
    expect(buttons(plain).map((b) => b.label)).toEqual(['Read the full update']);
    expect(buttons(reportable).map((b) => b.label)).toEqual([
      'Read the full update',
      'Wrong topic?',
    ]);
    expect(buttons(reportable)[1]?.custom_id).toBe(`wrong-topic:${updateKey(BLOG, '1')}`);
    const uk = renderAlert({ ...withKey(view('1', 'Тривога')), locale: 'uk' });
    expect(buttons(uk).map((b) => b.label)).toContain('Не та тема?');
  });

  test('lets a lost post be found even after the blog edited its headline', async () => {
    const { sender, target } = await senderFor();
    const before = withKey(view('1', 'Air raid alert in Kyiv'));
    const posted = await sender.post(before, target, 'nonce-1');
    const after = withKey(view('1', 'Air raid alert in Kyiv and the region'));
    expect(await sender.findPosted(after, target)).toBe(posted);
    expect(
      await sender.findPosted(withKey(view('2', 'Air raid alert in Kyiv')), target),
    ).toBeUndefined();
  });
});
