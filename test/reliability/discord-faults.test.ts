/**
 * Discord misbehaving, one way after another, against the real bot (real discord.js, real
 * SQLite file, the local Discord server, a loopback blog): rate limits, server errors,
 * answers lost on the way back, slowness, a dropped and an invalidated gateway session,
 * and channels that refuse the bot. In each case every alert due arrives exactly once,
 * commands still answer, and a refusing channel is paused (and said so) without holding
 * up any other channel or guild.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionOutcome } from '../../src/local-discord/server.ts';
import { type AuditPlace, alertMessages } from '../support/delivery-audit.ts';
import { type FaultRig, figure, outOfOrder, startFaultRig } from './discord-fault-rig.ts';

const MESSAGE_POSTS = /^\/channels\/\d+\/messages$/;
const APOLOGY = /something went wrong/i;

let rig: FaultRig;
beforeAll(async () => {
  rig = await startFaultRig();
}, 30_000);
afterAll(async () => {
  await rig?.close();
});

function answered(outcome: InteractionOutcome): string {
  expect(outcome.reply.content).not.toBe('');
  expect(outcome.reply.content).not.toMatch(APOLOGY);
  return outcome.reply.content;
}

describe('Discord misbehaving: every alert arrives exactly once', () => {
  it('a storm of 429s with retry_after on message posts only delays', async () => {
    const { h } = rig;
    const hitsBefore = h.discord.rateLimitHits;
    h.discord.failNext(
      { method: 'POST', path: MESSAGE_POSTS },
      { status: 429, retryAfter: 0.25 },
      15,
    );
    const status = rig.admin({ name: 'alerts', subcommand: 'status' });
    const audit = await rig.phase((room) => {
      for (const kind of ['air-raid', 'aid', 'diplomacy', 'frontline'] as const) room.publish(kind);
    });
    answered(await status);
    const hits = h.discord.rateLimitHits - hitsBefore;
    console.log(figure('429 storm on posts', audit, `${hits} × 429 served`));
    expect(audit.problems).toEqual([]);
    expect(hits).toBeGreaterThanOrEqual(15);
  });

  it('a global 429 holds everything back for a moment, commands included', async () => {
    const { h } = rig;
    h.discord.failNext({ path: /.*/ }, { status: 429, retryAfter: 1, global: true }, 2);
    const topics = rig.member({ name: 'topics' });
    const audit = await rig.phase((room) => {
      room.publish('air-raid');
      room.publish('diplomacy');
    });
    answered(await topics);
    console.log(figure('global 429', audit));
    expect(audit.problems).toEqual([]);
  });

  it('runs of 500 and 502 are retried, and each channel keeps its order', async () => {
    const { h } = rig;
    const before = new Set(rig.room.all().map((s) => s.id));
    // discord.js tries a request four times before giving up: four errors in a row in one
    // channel make the bot itself retry that alert later, with its own back-off.
    const raids = `/channels/${rig.channel('raids')}/messages`;
    h.discord.failNext({ method: 'POST', path: raids }, { status: 502 }, 2);
    h.discord.failNext({ method: 'POST', path: raids }, { status: 500 }, 2);
    h.discord.failNext({ method: 'POST', path: MESSAGE_POSTS }, { status: 502 }, 3);
    await rig.phase(
      (room) => {
        room.publish('air-raid');
        room.publish('aid');
      },
      rig.places,
      300,
    );
    // More news while alerts still wait for their retry: it must queue behind them.
    const audit = await rig.phase((room) => {
      room.publish('air-raid');
      room.publish('frontline');
    });
    const stories = rig.storiesSince(before);
    const all = await rig.settle(stories, rig.places);
    const served = h.discord.requests.filter((r) => r.status >= 500).length;
    console.log(figure('500/502 runs', all, `${served} server errors served`));
    expect(audit.problems).toEqual([]);
    expect(all.problems).toEqual([]);
    expect(outOfOrder(rig, stories)).toEqual([]);
  });

  it('answers lost after Discord accepted a post: the re-send with the nonce posts once', async () => {
    const { proxy } = rig;
    const lostBefore = proxy.lost;
    proxy.loseResponses({ method: 'POST', path: /\/channels\/\d+\/messages$/ }, 4);
    proxy.loseResponses({ method: 'POST', path: /\/crosspost$/ }, 1);
    const audit = await rig.phase((room) => {
      room.publish('air-raid');
      room.publish('aid');
      room.publish('diplomacy');
    });
    const lost = proxy.lost - lostBefore;
    console.log(figure('answers lost after posting', audit, `${lost} answers lost`));
    expect(audit.problems).toEqual([]);
    expect(lost).toBe(5);
  });

  it('slow answers: alerts still arrive and every command still answers', async () => {
    const { h } = rig;
    const slowBlog = await startSlowBlog(3_500, rig.room);
    h.discord.delayResponses(2_000);
    try {
      const commands = Promise.all([
        rig.admin({ name: 'alerts', subcommand: 'status' }, 0, 15_000),
        rig.admin({ name: 'alerts', subcommandGroup: 'channel', subcommand: 'list' }, 0, 15_000),
        rig.member({ name: 'topics' }, 15_000),
        rig.member({ name: 'subscriptions' }, 15_000),
        rig.member({ name: 'latest' }, 15_000),
        rig.member({ name: 'subscribe', options: { topic: 'aid' } }, 15_000),
      ]);
      const added = rig.admin(
        {
          name: 'alerts',
          subcommandGroup: 'source',
          subcommand: 'add',
          options: { url: slowBlog.url },
        },
        0,
        20_000,
      );
      const audit = await rig.phase((room) => {
        room.publish('air-raid');
        room.publish('frontline');
      });
      for (const outcome of await commands) answered(outcome);
      const addReply = answered(await added);
      expect(addReply).toContain('Following');
      expect((await added).deferred).toBe(true);
      console.log(figure('every answer 2 s late', audit));
      expect(audit.problems).toEqual([]);
    } finally {
      h.discord.delayResponses(0);
    }
    const removed = await rig.admin({
      name: 'alerts',
      subcommandGroup: 'source',
      subcommand: 'remove',
      options: { url: slowBlog.url },
    });
    expect(answered(removed)).toContain('Stopped following');
    await slowBlog.close();
  });

  it('a dropped gateway socket: the bot resumes, answers, keeps alerting', async () => {
    const { h } = rig;
    const resumed = once(h.bot.client, Events.ShardResume);
    h.discord.dropSockets();
    // Sent while the socket is down: replayed to the bot when it resumes.
    const topics = rig.member({ name: 'topics' });
    await resumed;
    answered(await topics);
    const audit = await rig.phase((room) => {
      room.publish('air-raid');
      room.publish('aid');
    });
    console.log(figure('gateway dropped and resumed', audit));
    expect(audit.problems).toEqual([]);
  });

  it('an invalidated session: the bot identifies again, answers, keeps alerting', async () => {
    const { h } = rig;
    const ready = once(h.bot.client, Events.ShardReady);
    h.discord.invalidateSessions();
    h.discord.dropSockets();
    await ready;
    answered(await rig.member({ name: 'topics' }));
    const audit = await rig.phase((room) => {
      room.publish('diplomacy');
      room.publish('air-raid');
    });
    console.log(figure('session invalidated', audit));
    expect(audit.problems).toEqual([]);
  }, 20_000);
});

describe('a channel that refuses the bot is paused, alone', () => {
  const refusing = () => ({
    raids: rig.channel('raids'),
    aid: rig.channel('aid-news'),
    front: rig.channel('frontline'),
  });

  it('Missing Access, Missing Permissions and Unknown Channel pause only that channel', async () => {
    const { h } = rig;
    const { raids, aid, front } = refusing();
    // #raids first fails as a busy server would (the bot backs off), then refuses for good.
    h.discord.failNext({ method: 'POST', path: `/channels/${raids}/messages` }, { status: 502 }, 4);
    h.discord.failNext(
      { method: 'POST', path: `/channels/${raids}/messages` },
      { status: 403, code: 50001 },
    );
    h.discord.setChannelSendable(aid, false);
    h.discord.deleteChannel(front);
    const paused = new Set([raids, aid, front]);
    // The refusing channels must get nothing; every other place everything.
    const places: AuditPlace[] = rig.places.map((p) =>
      paused.has(p.id) ? { ...p, topics: [] } : p,
    );
    const audit = await rig.phase((room) => {
      for (const kind of ['air-raid', 'aid', 'frontline', 'diplomacy'] as const) room.publish(kind);
    }, places);
    console.log(figure('three channels refusing the bot (other places)', audit));
    expect(audit.problems).toEqual([]);

    // With nothing left to send the bot is idle, not spinning over the paused alert.
    const { outbox } = h.bot.services;
    const pending = outbox.pending.bind(outbox);
    let drains = 0;
    outbox.pending = () => {
      drains += 1;
      return pending();
    };
    await sleep(500);
    outbox.pending = pending;
    expect(drains).toBeLessThan(5);

    const settings = h.bot.services.settings.get(h.discord.guilds[0]!.id);
    const codes = settings.channels.filter((c) => c.paused).map((c) => c.paused?.code);
    expect(codes.sort()).toEqual([10003, 50001, 50013]);

    const status = answered(await rig.admin({ name: 'alerts', subcommand: 'status' }));
    for (const [id, code] of [
      [raids, 50001],
      [aid, 50013],
      [front, 10003],
    ] as const) {
      expect(status).toMatch(new RegExp(`<#${id}>[^\\n]*\\n-# ⏸️ paused [^\\n]*code ${code}`));
    }
    const notices = h.discord.messages(rig.channel('mods')).map((m) => m.content);
    for (const id of paused) {
      expect(notices.filter((n) => n.includes(`<#${id}>`) && /paused/.test(n))).toHaveLength(1);
    }

    // Later news: nothing is even tried in the paused channels; the rest flows.
    const attempts = () =>
      h.discord.requests.filter((r) =>
        [...paused].some((id) => r.path.startsWith(`/channels/${id}/`)),
      ).length;
    const tried = attempts();
    const later = await rig.phase((room) => {
      room.publish('air-raid');
      room.publish('aid');
    }, places);
    expect(later.problems).toEqual([]);
    expect(attempts()).toBe(tried);
  });

  it('an admin who fixes the channel and adds it again gets its alerts back', async () => {
    const { h } = rig;
    const { aid } = refusing();
    h.discord.setChannelSendable(aid, true);
    const readded = answered(
      await rig.admin({
        name: 'alerts',
        subcommandGroup: 'channel',
        subcommand: 'add',
        options: { channel: aid, topics: 'aid' },
      }),
    );
    expect(readded).toContain('pause on this channel is lifted');
    const before = alertMessages(h.discord, rig.place('#aid-news')).length;
    const places = rig.places.filter((p) =>
      ['#aid-news', '#alerts-all', '#b-all'].includes(p.label),
    );
    const audit = await rig.phase((room) => void room.publish('aid'), places);
    expect(audit.problems).toEqual([]);
    expect(alertMessages(h.discord, rig.place('#aid-news'))).toHaveLength(before + 1);
  });

  it('no update was ever alerted twice in one place, whatever happened', () => {
    const doubled = rig.places.flatMap((place) => {
      const urls = alertMessages(rig.h.discord, place).map(
        (m) => (m.embeds[0] as { url?: string }).url,
      );
      return urls
        .filter((url, index) => urls.indexOf(url) !== index)
        .map((u) => `${place.label} ${u}`);
    });
    expect(doubled).toEqual([]);
  });
});

/** A live blog that takes `delayMs` to answer: `/alerts source add` must not time out on it. */
async function startSlowBlog(
  delayMs: number,
  room: FaultRig['room'],
): Promise<{ url: string; close(): Promise<void> }> {
  const page = room.page();
  const server: Server = createServer((_request, response) => {
    void sleep(delayMs).then(() =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slow-live`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
