import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionOutcome, RecordedMessage } from '../../src/local-discord/server.ts';
import { FIGURE_PREFIX } from '../support/summary-reporter.ts';
import {
  type Command,
  pingsAtMost,
  type Rig,
  replyText,
  startRig,
  visibleText,
} from './support-bot.ts';
import { type FeedItem, RSS_TYPE, rssFeed } from './support-feeds.ts';

/** The apology a member gets when a command crashed: never an acceptable answer to bad input. */
const CRASHED = /something went wrong/i;
const RAW_MENTION = /@everyone|@here|<@&?\d+>/;

const topicAdd = (options: Record<string, string>): Command => ({
  name: 'alerts',
  subcommandGroup: 'topic',
  subcommand: 'add',
  options,
});

describe('slash-command options at and past every limit, through the real bot', () => {
  let rig: Rig;
  let alertChannel: string;
  let refusals = 0;
  const feed: FeedItem[] = [{ id: 'quiet', title: 'A quiet morning in the city' }];

  /** The guild's stored settings, as JSON, to prove a refused command changed nothing. */
  const stored = () => JSON.stringify(rig.bot.services.settings.get(rig.guildId()));

  /** Runs a command that must be refused: a clear private answer, no ping, nothing stored. */
  async function refused(command: Command, expected: RegExp, asMember = false) {
    const before = stored();
    const outcome = asMember ? await rig.member(command) : await rig.admin(command);
    expectPrivateAndSilent(outcome);
    expect(replyText(outcome)).toMatch(expected);
    expect(stored()).toBe(before);
    refusals += 1;
    return outcome;
  }

  function expectPrivateAndSilent(outcome: InteractionOutcome) {
    expect(outcome.ephemeral).toBe(true);
    for (const message of [outcome.reply, ...outcome.followUps()]) {
      expect(pingsAtMost(message), message.content).toBe(true);
      expect(message.content).not.toMatch(CRASHED);
      expect(message.content.length).toBeLessThanOrEqual(2000);
    }
  }

  async function publish(...items: FeedItem[]) {
    feed.unshift(...items);
    rig.blog.publish(rssFeed(feed), RSS_TYPE);
    await rig.pollAndDeliver();
  }

  const alertsAbout = (word: string): RecordedMessage[] =>
    rig.discord
      .messages(alertChannel)
      .filter((message) => visibleText(message).toLowerCase().includes(word.toLowerCase()));

  beforeAll(async () => {
    rig = await startRig({ env: { MAX_ALERTS_PER_SOURCE_POLL: '50' } });
    alertChannel = rig.channelId('air-raid-alerts');
    await publish();
  });

  afterAll(async () => {
    console.log(
      `${FIGURE_PREFIX}command input: ${refusals} inputs past a limit answered with a clear private error (0 crashes, 0 pings, nothing stored)`,
    );
    await rig?.close();
  });

  it('refuses topic names and keywords past their limits, saying which limit', async () => {
    const word = (n: number) => 'w'.repeat(n);
    await refused(topicAdd({ name: word(51), keywords: 'flood' }), /name is too long.*at most 50/);
    await refused(topicAdd({ name: word(100_000), keywords: 'flood' }), /got 100000/);
    await refused(topicAdd({ name: '   ', keywords: 'flood' }), /needs a name/);
    await refused(topicAdd({ name: 'Floods', keywords: word(61) }), /too long: at most 60/);
    await refused(topicAdd({ name: 'Floods', keywords: `x${word(200_000)}` }), /too long/);
    await refused(topicAdd({ name: 'Floods', keywords: 'x' }), /too short/);
    await refused(topicAdd({ name: 'Floods', keywords: ' , ,, ' }), /at least one keyword/);
    const many = Array.from({ length: 26 }, (_, i) => `flood${i}`).join(', ');
    await refused(topicAdd({ name: 'Floods', keywords: many }), /Too many keywords.*25.*26/);
    await refused(
      topicAdd({ name: 'Floods', keywords: 'flood', exclude: many }),
      /Too many excludes/,
    );
    for (const noWord of ['..', '***', '\u200B\u200B\u200B', '🚀🚀', '—–-', '( )']) {
      await refused(topicAdd({ name: 'Floods', keywords: noWord }), /no letters or digits/);
    }
  });

  it('accepts a topic exactly at every limit', async () => {
    const phrases = (letter: string) =>
      Array.from({ length: 25 }, (_, i) => `${letter.repeat(56)}${i}`.padEnd(60, 'q'));
    const outcome = await rig.admin(
      topicAdd({
        name: 'n'.repeat(50),
        keywords: phrases('k').join(', '),
        exclude: phrases('e').join(', '),
      }),
    );
    expectPrivateAndSilent(outcome);
    expect(replyText(outcome)).toMatch(/Created the topic/);
    const topic = rig.bot.services.settings.get(rig.guildId()).customTopics.at(-1);
    expect(topic?.include).toHaveLength(25);
    expect(topic?.exclude).toHaveLength(25);
  });

  it('stores names of emoji, combining marks, zero-width and right-to-left text, or says why not', async () => {
    const names = [
      '🚀'.repeat(50),
      'Z̴̡a̷l̶g̸o̵ s̷t̸o̶r̵m̴',
      `${'e\u0301'.repeat(25)}`,
      'Zero\u200Bwidth\u200Dnews',
      'غارة جوية',
      '\u202Eevil override',
      'Харків blackout',
    ];
    for (const name of names) {
      const before = rig.bot.services.settings.get(rig.guildId()).customTopics.length;
      const outcome = await rig.admin(topicAdd({ name, keywords: `marker${before}` }));
      expectPrivateAndSilent(outcome);
      const text = replyText(outcome);
      const after = rig.bot.services.settings.get(rig.guildId()).customTopics;
      if (after.length > before) {
        expect(text, name).toMatch(/Created the topic/);
        expect(after.at(-1)?.slug).toMatch(/^[a-z0-9][a-z0-9-]{0,31}$/);
      } else {
        expect(text, name).toMatch(/❌|too long|already/);
      }
      // Bidi overrides would flip the rest of the line for everyone reading it.
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    }
    const slugs = rig.bot.services.settings.get(rig.guildId()).customTopics.map((t) => t.slug);
    expect(slugs).toContain('kharkiv-blackout');
  });

  it('reads regex metacharacters and phrase operators in keywords as plain words', async () => {
    await rig.admin({
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel: alertChannel, topics: 'all' },
    });
    // A pattern that reads as one letter would match nearly everything: refused (issue 12).
    const oneLetter = await rig.admin(
      topicAdd({ name: 'Patterns', keywords: '.*(a+)+$, drone.*strike' }),
    );
    expectPrivateAndSilent(oneLetter);
    expect(replyText(oneLetter)).toContain('reads as “a”');
    const outcome = await rig.admin(
      topicAdd({ name: 'Patterns', keywords: 'drone.*strike, tanks | planes, c++ compiler' }),
    );
    expectPrivateAndSilent(outcome);
    // Markdown in the echoed keywords is escaped, so `*` shows as typed.
    expect(replyText(outcome)).toContain('drone.\\*strike');

    await publish(
      { id: 'regex-1', title: 'Drone attack on the depot; strike follows later' },
      { id: 'regex-2', title: 'Tanks seen near the border crossing' },
      { id: 'regex-3', title: `ReDoS bait ${'a'.repeat(60_000)}!` },
      { id: 'regex-4', title: 'Drone strike hits the bridge' },
    );
    const patterns = (message: RecordedMessage) => visibleText(message).includes('Patterns');
    const alerted = rig.discord.messages(alertChannel).filter(patterns).map(visibleText);
    // `drone.*strike` means the words "drone strike", not a pattern spanning the sentence;
    // `tanks | planes` means those two words, not "tanks or planes".
    expect(alerted.some((text) => text.includes('Drone strike hits the bridge'))).toBe(true);
    expect(alerted.some((text) => text.includes('Drone attack on the depot'))).toBe(false);
    expect(alerted.some((text) => text.includes('Tanks seen near the border'))).toBe(false);
  });

  it('shows mentions and markdown in a topic name escaped, and its alerts ping only its role', async () => {
    const name = '@everyone <@&123456789012345678> **x** @here';
    const outcome = await rig.admin(topicAdd({ name, keywords: 'zeppelin' }));
    expectPrivateAndSilent(outcome);
    const text = replyText(outcome);
    expect(text).toMatch(/Created the topic/);
    expect(text).not.toMatch(RAW_MENTION);
    expect(text).toContain('\\*\\*x\\*\\*');
    const slug = rig.bot.services.settings.get(rig.guildId()).customTopics.at(-1)!.slug;

    const subscribed = await rig.member({ name: 'subscribe', options: { topic: slug } });
    expectPrivateAndSilent(subscribed);
    expect(replyText(subscribed)).toMatch(/<@&\d+>/);
    const roleId = rig.bot.services.settings.get(rig.guildId()).roles[slug]!;
    expect(roleId).toBeDefined();

    for (const command of ['topics', 'subscriptions']) {
      const listed = await rig.member({ name: command });
      expectPrivateAndSilent(listed);
      expect(replyText(listed)).not.toMatch(/@everyone|@here|<@&123456789012345678>/);
    }

    await publish({
      id: 'zeppelin-1',
      title: 'Zeppelin over the harbour @everyone <@&987654321098765432> **now**',
      body: 'Zeppelin seen. @here [click](https://evil.example) <@111111111111111111>',
    });
    const [alert] = alertsAbout('zeppelin over the harbour');
    expect(alert).toBeDefined();
    expect(pingsAtMost(alert!, [roleId])).toBe(true);
    expect((alert!.allowedMentions as { roles?: string[] }).roles).toEqual([roleId]);
    const shown = visibleText(alert!).replaceAll(`<@&${roleId}>`, '');
    expect(shown).not.toMatch(RAW_MENTION);
    // The bracket is escaped, so no masked link can hide where it leads.
    expect(shown).toContain('\\[click](https://evil.example)');
  });

  it('answers other commands past their limits with a clear private message', async () => {
    const channelAdd = (topics: string): Command => ({
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel: rig.channelId('mods'), topics },
    });
    const unknown = await refused(channelAdd('x'.repeat(5_000)), /Unknown topic/);
    expect(replyText(unknown).length).toBeLessThan(2000);
    const mention = await refused(channelAdd('@everyone, **x**'), /Unknown topic/);
    expect(replyText(mention)).not.toMatch(RAW_MENTION);

    const sourceAdd = (url: string): Command => ({
      name: 'alerts',
      subcommandGroup: 'source',
      subcommand: 'add',
      options: { url },
    });
    await refused(sourceAdd(`https://${'a'.repeat(3_000)}.example/`), /at most 2000 characters/);
    await refused(sourceAdd('@everyone'), /not a valid URL/);
    await refused(sourceAdd('   '), /Give the address/);

    await refused({ name: 'subscribe', options: { topic: 'x'.repeat(10_000) } }, /no topic/i, true);
    await refused({ name: 'subscribe', options: { topic: '@everyone' } }, /no topic/i, true);
    await refused(
      { name: 'subscribe', options: { topic: 'air-raid', delivery: 'sms' } },
      /ping.*dm/,
      true,
    );
    for (const count of [0, 11, -5, 2_147_483_647]) {
      await refused({ name: 'latest', options: { count } }, /1.*10/, true);
    }
    await refused(
      {
        name: 'alerts',
        subcommandGroup: 'topic',
        subcommand: 'remove',
        options: { name: 'x'.repeat(10_000) },
      },
      /No topic of this server/,
    );
    await refused(
      { name: 'alerts', subcommand: 'role', options: { topic: 'air-raid', role: rig.guildId() } },
      /can’t be a topic role/,
    );
  });
});
