import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_RATE } from '../../src/core/feedback.ts';
import type { RecordedMessage } from '../../src/local-discord/server.ts';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { LabelledUpdateSchema } from '../../src/topics/accuracy.ts';
import { DEFAULT_GUILD, type Harness, startHarness } from '../support/bot-harness.ts';
import { botEnvironment } from '../support/bot-process.ts';
import { liveBlogPage } from '../support/live-blog-page.ts';
import { at, REPORTED_POSTS } from '../support/reported-posts.ts';

const OTHER_GUILD = {
  name: 'Other Newsroom',
  channels: [{ name: 'alerts' }, { name: 'mods' }],
  members: [{ username: 'other-admin' }, { username: 'mykola' }],
};

const POSTS = REPORTED_POSTS;

interface Embedded {
  title?: string;
  url?: string;
  fields?: { value: string }[];
}
const embedOf = (m: RecordedMessage) => m.embeds[0] as Embedded;
const topicsOf = (m: RecordedMessage) =>
  [...(embedOf(m).fields?.[0]?.value ?? '').matchAll(/`([a-z-]+)`/g)].map((x) => x[1]);
const wrongTopicButton = (m: RecordedMessage) =>
  (m.components as { components: { custom_id?: string; label?: string }[] }[])
    .flatMap((row) => row.components)
    .find((c) => c.custom_id?.startsWith('wrong-topic:'));

describe('"Wrong topic?" reports, end to end with the real bot', () => {
  let h: Harness;
  let channel: string;
  let otherChannel: string;
  let single: RecordedMessage;
  let multi: RecordedMessage;

  /** An `/alerts` subcommand run by the second server's admin. */
  const asOtherAdmin = (input: {
    subcommandGroup?: string;
    subcommand: string;
    options?: Record<string, string>;
  }) => {
    const other = h.discord.guilds[1]!;
    return h.discord.runCommand({
      guildId: other.id,
      channelId: other.channels[1]!.id,
      userId: other.members[0]!.id,
      permissions: PermissionFlagsBits.ManageGuild,
      name: 'alerts',
      ...input,
    });
  };
  const otherAdminFeedback = () => asOtherAdmin({ subcommand: 'feedback' });

  beforeAll(async () => {
    h = await startHarness({
      guilds: [DEFAULT_GUILD, OTHER_GUILD],
      env: { BACKFILL_ON_FIRST_SIGHT: '5' },
    });
    const [guild, other] = h.discord.guilds as [
      (typeof h.discord.guilds)[0],
      (typeof h.discord.guilds)[0],
    ];
    channel = guild.channels[0]!.id;
    otherChannel = other.channels[0]!.id;
    await h.asAdmin({
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel, topics: 'all' },
    });
    await asOtherAdmin({
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel: otherChannel, topics: 'all' },
    });
    h.blog.publish(liveBlogPage(POSTS, [], at(3)));
    await h.pollAndDeliver();
    const posted = h.discord.messages(channel);
    single = posted.find((m) => embedOf(m).url?.endsWith('#post-701'))!;
    multi = posted.find((m) => embedOf(m).url?.endsWith('#post-702'))!;
  });

  afterAll(() => h?.close());

  const click = (
    message: RecordedMessage,
    userIndex: number,
    extra: { values?: string[] } = {},
  ) => {
    const guild = h.discord.guilds[0]!;
    return h.discord.clickComponent({
      guildId: guild.id,
      channelId: message.channelId,
      userId: guild.members[userIndex]!.id,
      messageId: message.id,
      customId: wrongTopicButton(message)!.custom_id!,
      ...extra,
    });
  };

  it('every channel alert carries a small "Wrong topic?" button', () => {
    expect(topicsOf(single)).toEqual(['air-raid']);
    expect(topicsOf(multi).length).toBeGreaterThan(1);
    for (const message of [single, multi]) {
      expect(wrongTopicButton(message)).toMatchObject({ label: 'Wrong topic?' });
    }
  });

  it('a member reports a one-topic alert: thanked privately, nobody pinged', async () => {
    const outcome = await click(single, 1);
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.reply.allowedMentions).toEqual({ parse: [] });
    expect(outcome.reply.content).toContain('not about 🚨');
    const again = await click(single, 1);
    expect(again.reply.content).toContain('already reported');
  });

  it('on a several-topic alert the member picks the wrong one in a private menu', async () => {
    const menu = await click(multi, 2);
    expect(menu.ephemeral).toBe(true);
    const select = (menu.reply.components as { components: Record<string, unknown>[] }[])[0]!
      .components[0]!;
    const offered = (select.options as { value: string }[]).map((o) => o.value);
    expect(offered).toEqual(topicsOf(multi));
    const guild = h.discord.guilds[0]!;
    const wrong = offered.find((id) => id !== 'infrastructure')!;
    const picked = await h.discord.clickComponent({
      guildId: guild.id,
      channelId: multi.channelId,
      userId: guild.members[2]!.id,
      messageId: menu.reply.id,
      customId: select.custom_id as string,
      values: [wrong],
    });
    expect(picked.updatedMessage).toBe(true);
    expect(picked.reply.content).toContain('you reported that this alert is not about');
    expect(picked.reply.components).toEqual([]);
    expect(picked.reply.allowedMentions).toEqual({ parse: [] });
  });

  it('an admin sees this server’s reports in /alerts feedback, with the words that matched', async () => {
    const seen = await h.asAdmin({ name: 'alerts', subcommand: 'feedback' });
    const text = seen.reply.content;
    expect(seen.ephemeral).toBe(true);
    expect(text).toContain('Recent “Wrong topic?” reports');
    expect(text).toContain('Air raid alert declared across Kyiv region');
    expect(text).toContain('Missile strike damages power plant');
    expect(text).toMatch(/not 🚨 .*`air-raid`; matched “/);
    expect(text).toContain(`<@${h.discord.guilds[0]!.members[1]!.id}>`);
    expect(seen.reply.allowedMentions).toEqual({ parse: [] });

    const refused = await h.asMember(1, { name: 'alerts', subcommand: 'feedback' });
    expect(refused.reply.content).toContain('Manage Server');
  });

  it('`feedback export` writes the reports as labelled corpus lines, beside the running bot', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'feedback', 'export', '--since', '1h'],
      { cwd: PACKAGE_ROOT, env: botEnvironment({ STORE_URL: `sqlite://${h.storeFile}` }) },
    );
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    for (const line of lines) {
      expect(Object.keys(line)).toEqual([
        'id',
        'title',
        'body',
        'lang',
        'topics',
        'optional',
        'why',
      ]);
      expect(LabelledUpdateSchema.safeParse(line).success).toBe(true);
    }
    const kyiv = lines.find((l) => l.title === POSTS[0]!.title);
    expect(kyiv).toMatchObject({ lang: 'en', topics: [], optional: [] });
    expect(kyiv.why).toMatch(/air-raid reported wrong by 1 member, matched "/);
    const plant = lines.find((l) => l.title === POSTS[1]!.title);
    const reported = topicsOf(multi).find((id) => id !== 'infrastructure')!;
    expect(plant.topics).toEqual(
      topicsOf(multi)
        .filter((id) => id !== reported)
        .sort(),
    );
    expect(plant.why).toContain(`${reported} reported wrong`);
    // Nothing says who reported, or where.
    for (const guild of h.discord.guilds) {
      for (const id of [
        guild.id,
        ...guild.members.map((m) => m.id),
        ...guild.channels.map((c) => c.id),
      ]) {
        expect(stdout).not.toContain(id);
      }
    }
    const future = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'feedback', 'export', '--since', '2999-01-01'],
      { cwd: PACKAGE_ROOT, env: botEnvironment({ STORE_URL: `sqlite://${h.storeFile}` }) },
    );
    expect(future.stdout).toBe('');
  }, 60_000);

  it('another server’s admins never see these reports', async () => {
    const theirs = await otherAdminFeedback();
    expect(theirs.reply.content).toContain('No member has reported');
    expect(theirs.reply.content).not.toContain('Kyiv region');
  });

  it('rate-limits a member who reports too much; what was refused is not stored', async () => {
    const more = Array.from({ length: FEEDBACK_RATE.reports + 1 }, (_, i) => ({
      id: 710 + i,
      title: `Air raid alert in district ${i + 1}`,
      paragraphs: ['Sirens sounded as the air force warned of incoming drones.'],
      published: at(10 + i),
      modified: at(10 + i),
    }));
    h.blog.publish(liveBlogPage([...POSTS, ...more], [], at(30)));
    await h.pollAndDeliver();
    const other = h.discord.guilds[1]!;
    const fresh = h.discord
      .messages(otherChannel)
      .filter((m) => /district \d/.test(embedOf(m).title ?? ''));
    expect(fresh).toHaveLength(more.length);
    const answers: string[] = [];
    for (const message of fresh) {
      const outcome = await h.discord.clickComponent({
        guildId: other.id,
        channelId: otherChannel,
        userId: other.members[1]!.id,
        messageId: message.id,
        customId: wrongTopicButton(message)!.custom_id!,
      });
      answers.push(outcome.reply.content);
    }
    expect(answers.slice(0, FEEDBACK_RATE.reports).every((a) => a.includes('Thanks'))).toBe(true);
    expect(answers.at(-1)).toContain('many reports in a short time');

    const seen = await otherAdminFeedback();
    expect(seen.reply.content.match(/district \d/g)).toHaveLength(FEEDBACK_RATE.reports);
    // The first server still sees only its own two.
    const ours = await h.asAdmin({ name: 'alerts', subcommand: 'feedback' });
    expect(ours.reply.content).not.toContain('district');
  });
});
