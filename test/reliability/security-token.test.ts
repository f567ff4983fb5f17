import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startBot } from '../../src/main.ts';
import { botEnvironment } from '../support/bot-process.ts';
import { type NodeRun, runNode } from '../support/run-node.ts';
import { FIGURE_PREFIX } from '../support/summary-reporter.ts';
import { type Rig, replyText, startRig, statusText } from './support-bot.ts';
import { type DiscordProxy, startDiscordProxy } from './support-discord-proxy.ts';
import { type FeedItem, RSS_TYPE, rssFeed } from './support-feeds.ts';

const TOKEN = 'tok-SECRET-9f8e7d';
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/** An API that refuses every token, and, like a careless proxy, quotes the header back. */
async function startRefusingApi(): Promise<{ apiUrl: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const message = `401: Unauthorized (got Authorization: ${request.headers.authorization})`;
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message, code: 0 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type CliRun = NodeRun;

/**
 * Runs the command line as its own process and keeps everything it prints. `until` ends a
 * long-running command (SIGTERM) once its output shows what the test waits for.
 */
function runCli(args: string[], env: Record<string, string>, until?: RegExp): Promise<CliRun> {
  return runNode(['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: PROJECT,
    env: botEnvironment(env),
    ...(until ? { until } : {}),
  });
}

describe('the bot token never leaves the bot', () => {
  let rig: Rig;
  let proxy: DiscordProxy;
  let refusing: Awaited<ReturnType<typeof startRefusingApi>>;
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'lba-token-'));
  const logger = createLogger({
    level: 'trace',
    format: 'json',
    secrets: [TOKEN],
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
  const seen: string[] = [];
  const feed: FeedItem[] = [{ id: 'old', title: 'Air-raid alert declared in Kyiv region' }];
  const remember = (what: string) => seen.push(what);

  beforeAll(async () => {
    proxy = await startDiscordProxy();
    refusing = await startRefusingApi();
    rig = await startRig({
      env: { DISCORD_TOKEN: TOKEN, BACKFILL_ON_FIRST_SIGHT: '0' },
      logger,
      beforeRelaunch(harness) {
        proxy.target = harness.discord.apiUrl;
        harness.env.DISCORD_API_URL = proxy.apiUrl;
        harness.env.SOURCES = [
          harness.blog.url,
          'http://127.0.0.1:9/closed-port',
          join(dir, 'no-such-snapshot.html'),
          `${harness.blog.url}/missing?token=none`,
        ].join(',');
      },
    });
    rig.blog.publish(rssFeed(feed), RSS_TYPE);
    for (const channel of ['air-raid-alerts', 'all-news']) {
      await rig.admin({
        name: 'alerts',
        subcommandGroup: 'channel',
        subcommand: 'add',
        options: { channel: rig.channelId(channel), topics: 'all' },
      });
    }
    await rig.pollAndDeliver();
  });

  afterAll(async () => {
    await rig?.close();
    await proxy?.close();
    await refusing?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps it out of what Discord answers with, even when the answer quotes it', async () => {
    const echo = (code: number) => (authorization: string | undefined) => ({
      message: `Refused (${authorization})`,
      code,
    });
    const toChannel = (name: string) => new RegExp(`^/channels/${rig.channelId(name)}/messages$`);
    const publish = async (id: string, title: string) => {
      feed.unshift({ id, title, link: `https://news.example/live#${id}` });
      rig.blog.publish(rssFeed(feed), RSS_TYPE);
      await rig.pollAndDeliver();
    };
    // A 500 is retried; a 403 pauses the channel and posts a notice quoting Discord's reason.
    proxy.plant({
      method: 'POST',
      path: toChannel('all-news'),
      status: 500,
      body: echo(0),
      times: 4,
    });
    proxy.plant({
      method: 'POST',
      path: toChannel('air-raid-alerts'),
      status: 403,
      body: echo(50013),
    });
    await publish('strike', 'Missile strike on Kharkiv power plant');
    const notices = rig.discord.messages(rig.channelId('mods'));
    expect(notices.some((m) => m.content.includes('paused'))).toBe(true);
    remember(JSON.stringify(notices));

    // A 401 (the token was revoked) fails the alert for good.
    proxy.plant({
      method: 'POST',
      path: toChannel('all-news'),
      status: 401,
      body: echo(0),
      times: 5,
    });
    await publish('drone', 'Drone attack on Odesa port');
    // The alert retried after the 500 goes first, a second later, and meets the 401.
    await rig.discord.waitFor(() => proxy.served >= 6);
    await rig.bot.services.worker.idle();

    const status = await statusText(rig);
    remember(status);
    expect(status).toMatch(/Refused/);
  });

  it('keeps it out of a crashing command and of failing sources', async () => {
    const latest = rig.bot.services.context.latest;
    const original = latest.list.bind(latest);
    latest.list = async () => {
      throw new Error(`the archive broke while holding ${TOKEN}`);
    };
    try {
      const outcome = await rig.member({ name: 'latest' });
      remember(replyText(outcome));
      expect(replyText(outcome)).toMatch(/something went wrong/);
    } finally {
      latest.list = original;
    }
    const listed = await rig.admin({
      name: 'alerts',
      subcommandGroup: 'source',
      subcommand: 'list',
    });
    remember(replyText(listed));
    expect(replyText(listed).match(/failures in a row: [1-9]/g)?.length).toBe(3);
    // The crash was logged, with the secret replaced: the scrubber is what stood in the way.
    expect(lines.join('')).toContain('[secret]');
  });

  it('keeps it out of the error of a refused login', async () => {
    const config = parseConfig({
      ...rig.env,
      DISCORD_API_URL: refusing.apiUrl,
      STORE_URL: `sqlite://${join(dir, 'refused.sqlite')}`,
    });
    const failure = await startBot(config, { logger, schedule: false }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    remember(inspect(failure, { depth: 5 }));
    remember(String((failure as Error).stack));
  });

  it('keeps it out of the command line’s output: a refused login, a refused deploy, bad settings, a run', async () => {
    const store = (name: string) => `sqlite://${join(dir, `${name}.sqlite`)}`;
    const runs = await Promise.all([
      runCli(['start'], {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: refusing.apiUrl,
        STORE_URL: store('start'),
      }),
      runCli(['deploy-commands'], {
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: '123456789012345678',
        DISCORD_API_URL: refusing.apiUrl,
      }),
      runCli(['start'], {
        DISCORD_TOKEN: TOKEN,
        POLL_CRON: 'every minute',
        // An operator who pasted the token into the wrong variable.
        ALLOW_PRIVATE_SOURCES: TOKEN,
        DISCORD_CLIENT_ID: TOKEN,
      }),
      runCli(
        ['start'],
        {
          DISCORD_TOKEN: TOKEN,
          DISCORD_API_URL: rig.discord.apiUrl,
          STORE_URL: store('run'),
          SOURCES: `http://127.0.0.1:9/closed-port,${join(dir, 'missing.html')}`,
          POLL_CRON: '* * * * * *',
          LOG_LEVEL: 'trace',
          LOG_FORMAT: 'json',
        },
        /could not poll this live blog[\s\S]*could not poll this live blog/,
      ),
    ]);
    const [refusedStart, refusedDeploy, badSettings, run] = runs as [
      CliRun,
      CliRun,
      CliRun,
      CliRun,
    ];
    expect(refusedStart.code).not.toBe(0);
    expect(refusedStart.output).toMatch(/invalid token/i);
    expect(refusedDeploy.code).not.toBe(0);
    expect(refusedDeploy.output).toMatch(/401/);
    expect(badSettings.code).not.toBe(0);
    expect(badSettings.output).toMatch(/ALLOW_PRIVATE_SOURCES/);
    expect(badSettings.output).toMatch(/DISCORD_CLIENT_ID/);
    expect(run.output).toMatch(/connected to Discord/);
    expect(run.code).toBe(0);
    for (const { output } of runs) remember(output);
    for (const { output } of runs) expect(output).not.toMatch(/\n\s+at .*\(/);
  }, 180_000);

  it('appears in no log line, reply, message, request or stored byte', () => {
    const everything = [
      ...lines,
      ...seen,
      JSON.stringify(rig.discord.requests),
      // SQLite in WAL mode keeps recent writes beside the main file.
      ...[rig.storeFile, `${rig.storeFile}-wal`]
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file).toString('latin1')),
    ];
    expect(lines.length).toBeGreaterThan(5);
    console.log(
      `${FIGURE_PREFIX}token: found in 0 of ${lines.length} log lines, ${rig.discord.requests.length} Discord requests, ${seen.length} replies/errors/CLI outputs and the store (after Discord answers quoting it, a crash, a refused login and deploy)`,
    );
    for (const text of everything) {
      expect(text).not.toContain(TOKEN);
      expect(text.toLowerCase()).not.toContain(TOKEN.toLowerCase());
      expect(text).not.toContain(Buffer.from(TOKEN).toString('base64'));
    }
  });
});
