import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedMessage } from '../../src/local-discord/server.ts';
import { type Harness, snapshot, startHarness } from '../support/bot-harness.ts';

/** Which live-blog update a posted alert is about: its permalink's #post-NNNNNN. */
function postIds(messages: RecordedMessage[]): string[] {
  return messages
    .filter((m) => m.embeds.length > 0)
    .map((m) => {
      const url = (m.embeds[0] as { url?: string } | undefined)?.url ?? '';
      return url.slice(url.indexOf('#') + 1);
    });
}

describe('alerts from a changing live blog, end to end', () => {
  let h: Harness;
  let raids: string;
  let allNews: string;
  let olena: string;
  let taras: string;

  beforeAll(async () => {
    h = await startHarness({ env: { BACKFILL_ON_FIRST_SIGHT: '5' } });
    const guild = h.discord.guilds[0]!;
    [raids, allNews] = guild.channels.map((c) => c.id) as [string, string];
    [, olena, taras] = guild.members.map((m) => m.id) as [string, string, string];
    const added = await h.asAdmin({
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel: raids, topics: 'air-raid' },
    });
    expect(added.ephemeral).toBe(true);
    await h.asAdmin({
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel: allNews, topics: 'all' },
    });
    await h.asMember(1, { name: 'subscribe', options: { topic: 'air-raid' } });
    await h.asMember(2, { name: 'subscribe', options: { topic: 'diplomacy', delivery: 'dm' } });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('on first sight alerts the newest updates, each to the channels carrying its topics', async () => {
    h.blog.publish(snapshot('t0.html'));
    await h.pollAndDeliver();
    expect(postIds(h.discord.messages(raids))).toEqual(['post-581301']);
    expect(postIds(h.discord.messages(allNews)).sort()).toEqual([
      'post-581301',
      'post-581302',
      'post-581304',
      'post-581305',
    ]);
  });

  it('pings exactly the subscribed topic role, and nothing else can ping', () => {
    const [alert] = h.discord.messages(raids);
    const roleId = h.discord.memberRoles(h.discord.guilds[0]!.id, olena).at(-1)!;
    expect(alert?.content).toContain(`<@&${roleId}>`);
    expect(alert?.allowedMentions).toEqual({ parse: [], roles: [roleId] });
    expect(alert?.nonce).toBeTruthy();
  });

  it('publishes alerts in an announcement channel and DMs members who asked', () => {
    expect(h.discord.messages(allNews).every((m) => m.crossposted)).toBe(true);
    expect(postIds(h.discord.dms(taras)).sort()).toEqual(['post-581302', 'post-581304']);
  });

  it('alerts updates added later, and nothing for updates with no topic', async () => {
    h.blog.publish(snapshot('t1.html'));
    await h.pollAndDeliver();
    const news = postIds(h.discord.messages(allNews));
    expect(news).toContain('post-581307');
    expect(news).toContain('post-581308');
    expect(news).not.toContain('post-581306');
    expect(news).toHaveLength(6);
  });

  it('edits the posted alert when an update is corrected, without posting again', async () => {
    h.blog.publish(snapshot('t2.html'));
    await h.pollAndDeliver();
    const [raidAlert] = h.discord.messages(raids);
    expect(h.discord.messages(raids)).toHaveLength(1);
    expect(raidAlert?.editedAt).not.toBeNull();
    expect(JSON.stringify(raidAlert?.embeds)).toContain('Andrii');
    expect(h.discord.messages(allNews)).toHaveLength(6);
  });

  it('never alerts twice, also after a restart on the same store', async () => {
    h.blog.publish(snapshot('t3.html'));
    await h.pollAndDeliver();
    await h.bot.stop();
    await h.restart();
    await h.pollAndDeliver();
    const news = postIds(h.discord.messages(allNews));
    expect(news).toContain('post-581310');
    expect(news).not.toContain('post-581309');
    expect(new Set(news).size).toBe(news.length);
    expect(news).toHaveLength(7);
  });
});
