import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFeedback } from '../../src/app/feedback-export.ts';
import { FeedbackStore } from '../../src/app/feedback-store.ts';
import type { RecordedMessage } from '../../src/local-discord/server.ts';
import { silentLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/open-store.ts';
import { Records } from '../../src/store/records.ts';
import { loadBuiltinTopics } from '../../src/topics/builtin.ts';
import { DEFAULT_GUILD, type Harness, startHarness } from '../support/bot-harness.ts';
import { liveBlogPage } from '../support/live-blog-page.ts';
import { at, REPORTED_POSTS } from '../support/reported-posts.ts';

/** A member of both servers: subscribed by DM to air-raid news in the first, diplomacy in the second. */
const MYKOLA = '900000000000000042';
const NEWSROOM = {
  ...DEFAULT_GUILD,
  members: [...(DEFAULT_GUILD.members ?? []), { id: MYKOLA, username: 'mykola' }],
};
const OTHER_GUILD = {
  name: 'Other Newsroom',
  channels: [{ name: 'alerts' }, { name: 'mods' }],
  members: [{ username: 'other-admin' }, { id: MYKOLA, username: 'mykola' }],
};
/** A server the member has nothing to do with, and the bot is in no guild of that id. */
const STRANGER_GUILD = '123456789012345678';

const POSTS = REPORTED_POSTS;

const urlOf = (m: RecordedMessage) => (m.embeds[0] as { url?: string } | undefined)?.url ?? '';
const topicsOf = (m: RecordedMessage) =>
  [
    ...((m.embeds[0] as { fields?: { value: string }[] }).fields?.[0]?.value ?? '').matchAll(
      /`([a-z-]+)`/g,
    ),
  ].map((x) => x[1]);
const controlsOf = (m: RecordedMessage) =>
  (m.components as { components: { custom_id?: string; label?: string }[] }[]).flatMap(
    (row) => row.components,
  );
const reportControl = (m: RecordedMessage) =>
  controlsOf(m).find((c) => c.custom_id?.startsWith('wrong-topic'));

describe('"Wrong topic?" on alerts sent by direct message, end to end with the real bot', () => {
  let h: Harness;
  let newsroom: string;
  let other: string;
  let single: RecordedMessage;
  let multi: RecordedMessage;

  const feedbackSeenBy = (guildId: string, adminId: string, channelId: string) =>
    h.discord.runCommand({
      guildId,
      channelId,
      userId: adminId,
      permissions: PermissionFlagsBits.ManageGuild,
      name: 'alerts',
      subcommand: 'feedback',
    });
  const newsroomFeedback = () => {
    const guild = h.discord.guilds[0]!;
    return feedbackSeenBy(guild.id, guild.members[0]!.id, guild.channels.at(-1)!.id);
  };
  const otherFeedback = () => {
    const guild = h.discord.guilds[1]!;
    return feedbackSeenBy(guild.id, guild.members[0]!.id, guild.channels[1]!.id);
  };
  /** A click in Mykola's DMs with the bot (no guild: Discord sends none for a DM). */
  const clickInDm = (
    message: RecordedMessage,
    customId: string,
    extra: { values?: string[]; forged?: boolean } = {},
  ) =>
    h.discord.clickComponent({
      channelId: message.channelId,
      userId: MYKOLA,
      messageId: message.id,
      customId,
      ...extra,
    });
  /** Every report in the store, read beside the running bot as `feedback export` does. */
  const storedReports = async () => {
    const store = await openStore(`sqlite://${h.storeFile}`, { readOnly: true, sweepEveryMs: 0 });
    try {
      return await new FeedbackStore(store, new Records(store, silentLogger())).since(new Date(0));
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    h = await startHarness({
      guilds: [NEWSROOM, OTHER_GUILD],
      env: { BACKFILL_ON_FIRST_SIGHT: '5' },
    });
    newsroom = h.discord.guilds[0]!.id;
    other = h.discord.guilds[1]!.id;
    await h.asAdmin({
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel: h.discord.guilds[0]!.channels[0]!.id, topics: 'all' },
    });
    for (const topic of ['air-raid', 'infrastructure']) {
      const done = await h.asMember(3, { name: 'subscribe', options: { topic, delivery: 'dm' } });
      expect(done.reply.content).not.toMatch(/error|wrong/i);
    }
    await h.discord.runCommand({
      guildId: other,
      channelId: h.discord.guilds[1]!.channels[0]!.id,
      userId: MYKOLA,
      name: 'subscribe',
      options: { topic: 'diplomacy', delivery: 'dm' },
    });
    h.blog.publish(liveBlogPage(POSTS, [], at(3)));
    await h.pollAndDeliver();
    const dms = h.discord.dms(MYKOLA);
    single = dms.find((m) => urlOf(m).endsWith('#post-701'))!;
    multi = dms.find((m) => urlOf(m).endsWith('#post-702'))!;
  });

  afterAll(() => h?.close());

  it('a DM alert carries the control, naming the server whose subscription sent it', () => {
    expect(topicsOf(single)).toEqual(['air-raid']);
    expect(topicsOf(multi).length).toBeGreaterThan(1);
    for (const message of [single, multi]) {
      expect(reportControl(message)).toMatchObject({
        label: 'Wrong topic?',
        custom_id: expect.stringMatching(new RegExp(`^wrong-topic-dm:${newsroom}:[\\w-]+$`)),
      });
    }
  });

  it('the member reports from the DM: thanked privately, nobody pinged', async () => {
    const outcome = await clickInDm(single, reportControl(single)!.custom_id!);
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.reply.allowedMentions).toEqual({ parse: [] });
    expect(outcome.reply.content).toContain('you reported that this alert is not about 🚨');
    const again = await clickInDm(single, reportControl(single)!.custom_id!);
    expect(again.reply.content).toContain('already reported');
  });

  it('on a several-topic DM alert the member picks the wrong one in a private menu', async () => {
    const menu = await clickInDm(multi, reportControl(multi)!.custom_id!);
    expect(menu.ephemeral).toBe(true);
    const select = (menu.reply.components as { components: Record<string, unknown>[] }[])[0]!
      .components[0]!;
    expect(select.custom_id).toMatch(new RegExp(`^wrong-topic-dm-pick:${newsroom}:`));
    const offered = (select.options as { value: string }[]).map((o) => o.value);
    expect(offered).toEqual(topicsOf(multi));
    const picked = await h.discord.clickComponent({
      channelId: multi.channelId,
      userId: MYKOLA,
      messageId: menu.reply.id,
      customId: select.custom_id as string,
      values: ['infrastructure'],
    });
    expect(picked.updatedMessage).toBe(true);
    expect(picked.reply.content).toContain('you reported that this alert is not about');
    expect(picked.reply.components).toEqual([]);
  });

  it('the admins of that server see the reports in /alerts feedback; the other server does not', async () => {
    const seen = await newsroomFeedback();
    const text = seen.reply.content;
    expect(text).toContain('Air raid alert declared across Kyiv region');
    expect(text).toContain('Missile strike damages power plant');
    expect(text).toMatch(/not 🚨 .*`air-raid`; matched “/);
    expect(text).toMatch(/`infrastructure`; matched “/);
    expect(text).toContain(`<@${MYKOLA}>`);
    // Admins cannot open a member's DMs: the alert is named as sent by DM, never linked.
    expect(text.match(/sent by DM/g)).toHaveLength(2);
    expect(text).not.toContain(single.channelId);

    const theirs = await otherFeedback();
    expect(theirs.reply.content).toContain('No member has reported');
  });

  it('a crafted custom id naming another server is refused, and nothing is stored', async () => {
    const before = await storedReports();
    expect(before).toHaveLength(2);
    const genuine = reportControl(single)!.custom_id!;
    // Mykola is in the other server and subscribed there by DM too, but this alert came
    // to him for the newsroom: the other server gets no report about it.
    for (const guildId of [other, STRANGER_GUILD]) {
      const crafted = genuine.replace(`:${newsroom}:`, `:${guildId}:`);
      const refused = await clickInDm(single, crafted, { forged: true });
      expect(refused.ephemeral).toBe(true);
      expect(refused.reply.content).toBe(
        'This alert did not come to you from that server, so it cannot be reported there. Nothing was recorded.',
      );
    }
    // The menu's id too, with a topic the alert really carried.
    const pick = reportControl(multi)!
      .custom_id!.replace('wrong-topic-dm:', 'wrong-topic-dm-pick:')
      .replace(`:${newsroom}:`, `:${other}:`);
    const menuRefused = await clickInDm(multi, pick, { values: ['air-raid'], forged: true });
    expect(menuRefused.reply.content).toContain('did not come to you from that server');

    expect(await storedReports()).toEqual(before);
    expect((await otherFeedback()).reply.content).toContain('No member has reported');
  });

  it('a DM control used in a server channel is refused, and nothing is stored', async () => {
    const guild = h.discord.guilds[0]!;
    const channelAlert = h.discord
      .messages(guild.channels[0]!.id)
      .find((m) => urlOf(m).endsWith('#post-702'))!;
    const refused = await h.discord.clickComponent({
      guildId: guild.id,
      channelId: channelAlert.channelId,
      userId: MYKOLA,
      messageId: channelAlert.id,
      customId: reportControl(multi)!.custom_id!,
      forged: true,
    });
    expect(refused.ephemeral).toBe(true);
    expect(refused.reply.content).toContain('Nothing was recorded');
    expect(await storedReports()).toHaveLength(2);
  });

  it('the export carries the DM reports like any other, without who or where', async () => {
    const reports = await storedReports();
    expect(reports.every((r) => r.guildId === newsroom && r.viaDm === true)).toBe(true);
    const builtin = new Set((await loadBuiltinTopics()).map((topic) => topic.id));
    const lines = exportFeedback(reports, builtin);
    expect(lines.map((l) => l.title).sort()).toEqual(POSTS.map((p) => p.title).sort());
    expect(lines.find((l) => l.title === POSTS[0]!.title)?.why).toMatch(
      /air-raid reported wrong by 1 member/,
    );
    expect(JSON.stringify(lines)).not.toMatch(
      new RegExp(`${MYKOLA}|${newsroom}|${single.channelId}`),
    );
  });
});
