/**
 * A crash before every single store write, one at a time. The real bot (in this process,
 * real SQLite file, local Discord, loopback blog) plays a short scenario of a live blog
 * gaining, correcting and retopicking updates; the store "loses power" just before its
 * k-th write, for k = 1 … every write the scenario makes. The bot is then started afresh
 * on what the file holds, the step under way is redone, and the scenario runs to its end.
 * Whatever k was, Discord must end up with exactly the alerts of a run that never
 * crashed, each showing its update's latest text. The kill -9 test covers the same
 * ground with real processes and real timing; this one covers every write deterministically.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { startLocalBlog } from '../../src/demo/blog-server.ts';
import {
  type LocalDiscord,
  type LocalGuildSpec,
  startLocalDiscord,
} from '../../src/local-discord/server.ts';
import { silentLogger } from '../../src/logger.ts';
import { type RunningBot, startBot } from '../../src/main.ts';
import type { KeyValueStore } from '../../src/store/key-value.ts';
import { openStore } from '../../src/store/open-store.ts';
import { CrashingStore } from '../support/crashing-store.ts';
import {
  type Audit,
  type AuditPlace,
  auditDeliveries,
  complete,
} from '../support/delivery-audit.ts';
import { Newsroom } from '../support/newsroom.ts';
import { storyExpectations } from './crash-scenario.ts';

const GUILD: LocalGuildSpec = {
  name: 'Write Crash Newsroom',
  channels: [{ name: 'all-news', type: 5 }, { name: 'raids' }, { name: 'mods' }],
  members: [{ username: 'admin' }, { username: 'olena' }],
};

/** What the newsroom does at each step; the bot polls and delivers after each. */
const STEPS: ((room: Newsroom) => void)[] = [
  (room) => void room.publish('air-raid', { history: true }),
  (room) => {
    room.publish('air-raid');
    room.publish('quiet');
    room.publish('diplomacy');
  },
  (room) => {
    const [, first, quiet] = room.all();
    room.edit(first!.id);
    // A quiet update becomes an air-raid one: posted now where air-raid alerts go.
    room.edit(quiet!.id, { addAirRaid: true });
    room.publish('aid');
  },
  (room) => {
    const [, , , diplomacy, aid] = room.all();
    room.edit(aid!.id);
    room.edit(diplomacy!.id);
  },
];

let expectations: Awaited<ReturnType<typeof storyExpectations>>;
beforeAll(async () => {
  expectations = await storyExpectations();
});

function places(discord: LocalDiscord): AuditPlace[] {
  const guild = discord.guilds[0]!;
  const channel = (name: string) => guild.channels.find((c) => c.name === name)!.id;
  return [
    {
      label: '#all-news',
      kind: 'channel',
      id: channel('all-news'),
      topics: 'all',
      announcement: true,
    },
    { label: '#raids', kind: 'channel', id: channel('raids'), topics: ['air-raid'] },
    { label: 'DM olena', kind: 'dm', id: guild.members[1]!.id, topics: ['diplomacy'] },
  ];
}

async function configure(discord: LocalDiscord): Promise<void> {
  const guild = discord.guilds[0]!;
  const channel = (name: string) => guild.channels.find((c) => c.name === name)!.id;
  const [admin, olena] = guild.members.map((m) => m.id) as [string, string];
  for (const [name, topics] of [
    ['all-news', 'all'],
    ['raids', 'air-raid'],
  ] as const) {
    await discord.runCommand({
      guildId: guild.id,
      channelId: channel('mods'),
      userId: admin,
      permissions: PermissionFlagsBits.ManageGuild,
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel: channel(name), topics },
    });
  }
  await discord.runCommand({
    guildId: guild.id,
    channelId: channel('mods'),
    userId: olena,
    name: 'subscribe',
    options: { topic: 'diplomacy', delivery: 'dm' },
  });
}

interface ScenarioRun {
  /** Store writes the scenario made after configuration (all of them, if it never crashed). */
  writes: number;
  crashed: boolean;
  audit: Audit;
}

/** Plays the scenario, crashing before write `crashAt` (never, if Infinity). */
async function playScenario(crashAt: number): Promise<ScenarioRun> {
  const dir = mkdtempSync(join(tmpdir(), 'lba-write-crash-'));
  const discord = await startLocalDiscord({ guilds: [GUILD] });
  const blog = await startLocalBlog();
  const config = parseConfig({
    DISCORD_TOKEN: 'made-up-test-token',
    DISCORD_API_URL: discord.apiUrl,
    STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
    SOURCES: blog.url,
    ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
  });
  const launch = (store: KeyValueStore) =>
    startBot(config, { logger: silentLogger(), schedule: false, store, waitGuildTimeoutMs: 1_000 });
  const crashing = new CrashingStore(await openStore(config.STORE_URL));
  let bot: RunningBot = await launch(crashing);
  let restarted = false;
  const room = new Newsroom();
  const audit = () => auditDeliveries(discord, places(discord), expectations(room));
  const crashed = () => crashing.crashed().then(() => false);

  /** Polls and delivers; false if the store died on the way. */
  const pollAndDeliver = async () => {
    const done = (async () => {
      await bot.pollNow();
      await bot.services.worker.idle();
      return true;
    })();
    return restarted ? done : Promise.race([done, crashed()]);
  };
  /** What a supervisor does: the dead process is gone, a new one opens the same file. */
  const restart = async () => {
    restarted = true;
    await bot.client.destroy();
    await crashing.inner.close();
    bot = await launch(await openStore(config.STORE_URL));
  };
  /** Edits that wait for their post go out on the worker's own timer. */
  const settle = () =>
    discord
      .waitFor(() => complete(audit()), 8_000)
      .then(
        () => true,
        () => true,
      );

  try {
    await configure(discord);
    crashing.arm(crashAt);
    for (const step of STEPS) {
      step(room);
      blog.publish(room.page());
      if (!(await pollAndDeliver())) {
        await restart();
        await pollAndDeliver();
      }
    }
    if (!(restarted ? await settle() : await Promise.race([settle(), crashed()]))) {
      await restart();
      await pollAndDeliver();
      await settle();
    }
    return { writes: crashing.writes, crashed: crashing.isDead, audit: audit() };
  } finally {
    if (crashing.isDead && !restarted) {
      await bot.client.destroy();
      await crashing.inner.close();
    } else {
      await bot.stop();
    }
    await discord.close();
    await blog.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

it('a crash before any one store write loses, doubles and leaves stale no alert', async () => {
  const clean = await playScenario(Number.POSITIVE_INFINITY);
  expect(clean.audit.problems, 'the scenario itself, without a crash').toEqual([]);
  expect(clean.crashed).toBe(false);
  const total = clean.writes;
  const problems: string[] = [];
  const sum = { expected: 0, delivered: 0, duplicated: 0, lost: 0, stale: 0, unpublished: 0 };
  // A few scenarios at once: each has its own Discord, blog and store file.
  const points = Array.from({ length: total }, (_, index) => index + 1);
  const runs: [number, ScenarioRun][] = [];
  const lane = async () => {
    for (let crashAt = points.shift(); crashAt !== undefined; crashAt = points.shift()) {
      runs.push([crashAt, await playScenario(crashAt)]);
    }
  };
  await Promise.all([lane(), lane(), lane()]);
  for (const [crashAt, run] of runs.sort((a, b) => a[0] - b[0])) {
    expect(run.crashed, `crash point ${crashAt} was not reached`).toBe(true);
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += run.audit[key];
    problems.push(...run.audit.problems.map((p) => `crash before write ${crashAt}: ${p}`));
  }
  console.log(
    `[figure] crash before each store write: ${total} crash points, ${sum.expected} alerts expected, ` +
      `${sum.delivered} delivered, ${sum.duplicated} duplicated, ${sum.lost} lost, ` +
      `${sum.stale} left showing an old version, ${sum.unpublished} unpublished`,
  );
  expect(problems).toEqual([]);
}, 120_000);
