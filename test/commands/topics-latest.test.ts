import { afterEach, expect, test } from 'vitest';
import { type CommandHarness, startCommandHarness } from './harness.ts';

let h: CommandHarness;
afterEach(() => h?.close());

test('/topics lists every topic, the channels that carry it and the caller’s subscriptions', async () => {
  h = await startCommandHarness();
  await h.context.settings.update(h.guildId, (s) => {
    s.channels.push(
      { channelId: h.channel('alerts'), topics: ['air-raid'], announcement: false },
      { channelId: h.channel('announcements'), topics: 'all', announcement: true },
    );
    s.customTopics.push({
      slug: 'kyiv',
      name: '**Kyiv** @everyone',
      include: ['Kyiv'],
      exclude: [],
    });
  });
  await h.asMember({ name: 'subscribe', options: { topic: 'air-raid' } });
  await h.asMember({ name: 'subscribe', options: { topic: 'aid', delivery: 'dm' } });

  const outcome = await h.asMember({ name: 'topics' });
  const text = outcome.reply.content;
  expect(outcome.ephemeral).toBe(true);
  const alerts = `<#${h.channel('alerts')}>`;
  const news = `<#${h.channel('announcements')}>`;
  expect(text).toContain(
    `🚨 **Air raid** \`air-raid\` — Air-raid alerts, strikes and the all-clear\n-# posted in ${alerts}, ${news} · 🔔 you get pinged`,
  );
  expect(text).toContain(`-# posted in ${news} · ✉️ you get DMs`);
  expect(text).toContain('☢️ **Nuclear** `nuclear`');
  expect(text).toContain('🏷️ **\\*\\*Kyiv\\*\\* @\u200Beveryone** `kyiv`');

  const other = await h.asMember({ name: 'topics' }, 'taras');
  expect(other.reply.content).not.toContain('you get pinged');
  expect(other.reply.content).toContain('you don’t follow it');
});

test('/latest shows the newest stored updates with link, time and topics', async () => {
  h = await startCommandHarness();
  h.context.operatorSources = ['https://www.theguardian.com/live'];
  h.context.latestItems = [
    {
      update: {
        source: 'https://www.theguardian.com/live',
        id: 'b2',
        title: 'Explosions heard in Kyiv (update)',
        body: 'Air defence active.',
        url: 'https://www.theguardian.com/live#block-(2)',
        published: '2024-05-01T10:00:00Z',
        pinned: false,
      },
      matches: [{ topicId: 'air-raid', phrases: ['explosions'] }],
    },
    {
      update: {
        source: 'https://www.theguardian.com/live',
        id: 'b1',
        title: '',
        body: 'US announces new aid package worth $1bn.',
        pinned: false,
      },
      matches: [{ topicId: 'aid', phrases: ['aid package'] }],
    },
    {
      update: {
        source: 'https://not-followed.example/',
        id: 'x',
        title: 'Elsewhere',
        body: '',
        pinned: false,
      },
      matches: [],
    },
  ];

  const outcome = await h.asMember({ name: 'latest' });
  expect(outcome.deferred).toBe(true);
  expect(outcome.ephemeral).toBe(true);
  expect(outcome.reply.content).toBe(
    [
      '**Latest updates**',
      '1. **[Explosions heard in Kyiv (update)](<https://www.theguardian.com/live#block-%282%29>)**',
      '-# <t:1714557600:R> · theguardian.com · 🚨 Air raid',
      '2. **US announces new aid package worth $1bn.**',
      '-# no time given · theguardian.com · 🤝 Aid',
    ].join('\n'),
  );

  const aidOnly = await h.asMember({ name: 'latest', options: { topic: 'aid', count: 1 } });
  expect(aidOnly.reply.content).toContain('**Latest updates about 🤝 Aid**');
  expect(aidOnly.reply.content).not.toContain('Explosions');

  const none = await h.asMember({ name: 'latest', options: { topic: 'nuclear' } });
  expect(none.reply.content).toBe('No stored update is about ☢️ Nuclear yet.');
});
