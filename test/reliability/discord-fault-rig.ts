import { setTimeout as sleep } from 'node:timers/promises';
import { PermissionFlagsBits } from 'discord.js';
import type {
  CommandInput,
  InteractionOutcome,
  LocalGuildSpec,
} from '../../src/local-discord/server.ts';
import { type Harness, startHarness } from '../support/bot-harness.ts';
import {
  type Audit,
  type AuditPlace,
  type AuditStory,
  alertMessages,
  auditDeliveries,
  complete,
} from '../support/delivery-audit.ts';
import { type LossyProxy, startLossyProxy } from '../support/lossy-proxy.ts';
import { Newsroom } from '../support/newsroom.ts';
import { storyExpectations } from './crash-scenario.ts';

export const GUILD_A: LocalGuildSpec = {
  name: 'Newsroom A',
  channels: [
    { name: 'alerts-all', type: 5 },
    { name: 'raids' },
    { name: 'aid-news' },
    { name: 'diplomacy' },
    { name: 'frontline' },
    { name: 'mods' },
  ],
  members: [{ username: 'admin' }, { username: 'olena' }],
};

export const GUILD_B: LocalGuildSpec = {
  name: 'Newsroom B',
  channels: [{ name: 'b-all' }, { name: 'b-mods' }],
  members: [{ username: 'admin-b' }],
};

const SETUP: [guild: number, channel: string, topics: string][] = [
  [0, 'alerts-all', 'all'],
  [0, 'raids', 'air-raid'],
  [0, 'aid-news', 'aid'],
  [0, 'diplomacy', 'diplomacy'],
  [0, 'frontline', 'frontline'],
  [1, 'b-all', 'all'],
];

type Command = Omit<CommandInput, 'guildId' | 'channelId' | 'userId'>;

export interface FaultRig {
  h: Harness;
  proxy: LossyProxy;
  room: Newsroom;
  channel(name: string): string;
  /** Every place alerts go to, as configured. */
  places: AuditPlace[];
  place(label: string): AuditPlace;
  /** A command by the guild's first member, an admin, from its mods channel. */
  admin(input: Command, guild?: number, timeoutMs?: number): Promise<InteractionOutcome>;
  /** A command by the member who gets DMs, from an alert channel. */
  member(input: Command, timeoutMs?: number): Promise<InteractionOutcome>;
  /**
   * The newsroom writes, the bot polls; resolves once Discord holds every alert these new
   * stories call for in `places` and the outbox is empty, or after `timeoutMs`.
   */
  phase(write: (room: Newsroom) => void, places?: AuditPlace[], timeoutMs?: number): Promise<Audit>;
  /** Like `phase` without a poll: waits for stories already published. */
  settle(stories: AuditStory[], places: AuditPlace[], timeoutMs?: number): Promise<Audit>;
  storiesSince(ids: ReadonlySet<number>): AuditStory[];
  close(): Promise<void>;
}

export async function startFaultRig(): Promise<FaultRig> {
  const expectations = await storyExpectations();
  const h = await startHarness({ guilds: [GUILD_A, GUILD_B] });
  // The bot talks to Discord through a proxy that can lose answers (the gateway is direct).
  const proxy = await startLossyProxy(h.discord.apiUrl);
  await h.bot.stop();
  h.env.DISCORD_API_URL = proxy.url;
  await h.restart();
  const room = new Newsroom();
  const channel = (name: string) => {
    for (const guild of h.discord.guilds) {
      const found = guild.channels.find((c) => c.name === name);
      if (found) return found.id;
    }
    throw new Error(`no channel ${name}`);
  };
  const admin = (input: Command, guild = 0, timeoutMs = 8_000) => {
    const spec = h.discord.guilds[guild]!;
    return h.discord.runCommand({
      guildId: spec.id,
      channelId: spec.channels.at(-1)!.id,
      userId: spec.members[0]!.id,
      permissions: PermissionFlagsBits.ManageGuild,
      timeoutMs,
      ...input,
    });
  };
  const olena = h.discord.guilds[0]!.members[1]!;
  const member = (input: Command, timeoutMs = 8_000) =>
    h.discord.runCommand({
      guildId: h.discord.guilds[0]!.id,
      channelId: channel('alerts-all'),
      userId: olena.id,
      timeoutMs,
      ...input,
    });

  for (const [guild, name, topics] of SETUP) {
    const added = await admin(
      {
        name: 'alerts',
        subcommandGroup: 'channel',
        subcommand: 'add',
        options: { channel: channel(name), topics },
      },
      guild,
    );
    if (!added.reply.content.includes(`<#${channel(name)}>`)) {
      throw new Error(`setting up #${name} failed: ${added.reply.content}`);
    }
  }
  await member({ name: 'subscribe', options: { topic: 'air-raid', delivery: 'dm' } });
  const places: AuditPlace[] = [
    ...SETUP.map(
      ([, name, topics]): AuditPlace => ({
        label: `#${name}`,
        kind: 'channel',
        id: channel(name),
        topics: topics === 'all' ? 'all' : [topics],
        announcement: name === 'alerts-all',
      }),
    ),
    { label: 'DM olena', kind: 'dm', id: olena.id, topics: ['air-raid'] },
  ];
  // History, then the first poll: the blog as the bot first finds it alerts nothing.
  room.publish('air-raid', { history: true });
  h.blog.publish(room.page());
  await h.pollAndDeliver();

  const storiesSince = (ids: ReadonlySet<number>) =>
    expectations(room).filter((story) => !ids.has(story.id));
  const settle = async (stories: AuditStory[], where: AuditPlace[], timeoutMs = 30_000) => {
    const audit = () => auditDeliveries(h.discord, where, stories, { onlyThese: true });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (complete(audit()) && (await h.bot.services.outbox.pending()).length === 0) break;
      await sleep(25);
    }
    return audit();
  };
  return {
    h,
    proxy,
    room,
    channel,
    places,
    place: (label) => places.find((p) => p.label === label)!,
    admin,
    member,
    async phase(write, where = places, timeoutMs = 30_000) {
      const before = new Set(room.all().map((story) => story.id));
      write(room);
      h.blog.publish(room.page());
      await h.bot.pollNow();
      return settle(storiesSince(before), where, timeoutMs);
    },
    settle,
    storiesSince,
    async close() {
      await h.close();
      await proxy.close();
    },
  };
}

/** Every place's alerts about these stories came in the order the stories were published. */
export function outOfOrder(rig: FaultRig, stories: AuditStory[]): string[] {
  const ids = new Set(stories.map((s) => s.id));
  return rig.places.flatMap((place) => {
    const seen = alertMessages(rig.h.discord, place)
      .map((m) => /#post-(\d+)$/.exec((m.embeds[0] as { url?: string }).url ?? '')?.[1])
      .map(Number)
      .filter((id) => ids.has(id));
    const sorted = [...seen].sort((a, b) => a - b);
    return seen.join() === sorted.join() ? [] : [`${place.label}: ${seen.join(', ')}`];
  });
}

export function figure(label: string, audit: Audit, extra = ''): string {
  return (
    `[figure] discord faults, ${label}: ${audit.expected} alerts expected, ${audit.delivered} delivered, ` +
    `${audit.duplicated} duplicated, ${audit.lost} lost${extra ? ` (${extra})` : ''}`
  );
}
