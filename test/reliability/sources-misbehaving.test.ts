import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourcePollResult } from '../../src/app/poller.ts';
import type { LocalGuildSpec, RecordedMessage } from '../../src/local-discord/server.ts';
import { FIGURE_PREFIX } from '../support/summary-reporter.ts';
import { listedHealth, type Rig, startRig, statusText } from './support-bot.ts';
import { type FeedItem, rssFeed } from './support-feeds.ts';
import { type MisbehavingServer, startMisbehavingServer } from './support-misbehaving-server.ts';

const FLOOD_CAP = 4;
const FEEDS = ['good', 'error-page', 'churn', 'clock'];

/**
 * A channel per source (each carries that source's own keyword topic), so that no channel
 * passes Discord's 5 messages per 5 s and the test never waits on a rate limit.
 */
const NEWSROOM: LocalGuildSpec = {
  name: 'Misbehaving sources',
  channels: [...FEEDS.map((name) => ({ name })), { name: 'mods' }],
  members: [{ username: 'admin' }, { username: 'reader' }],
};
const BACKOFF_SKIP_MS = 31 * 60_000;

/** Alerts need a topic: each item carries its source's keyword. */
const keyword = (source: string) => `${source.replace('-', '')}marker`;
const item = (source: string, n: number | string, extra: Partial<FeedItem> = {}): FeedItem => ({
  id: `${source}-${n}`,
  title: `Bulletin ${keyword(source)} number ${n}`,
  link: `https://news.example/${source}#${n}`,
  ...extra,
});

const ERROR_PAGE = `<!doctype html><html><head><title>503 Service Unavailable</title></head>
<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p>
<hr><address>nginx</address></body></html>`;

describe('sources that misbehave, polled by the real bot', () => {
  let server: MisbehavingServer;
  let rig: Rig;
  let results: SourcePollResult[] = [];
  const feeds: Record<string, FeedItem[]> = {};

  const publish = (name: string, items: FeedItem[]) => {
    feeds[name] = items;
    server.publish(name, rssFeed(items));
  };
  const resultOf = (path: string) => results.find((r) => r.source === server.url(path));
  /** The alerts delivered so far for one source, by item number. */
  const alerted = (source: string): string[] =>
    rig.discord
      .messages(rig.channelId(source))
      .map((m: RecordedMessage) => (m.embeds[0] as { url?: string } | undefined)?.url ?? '')
      .filter((url) => url.startsWith(`https://news.example/${source}#`))
      .map((url) => url.slice(url.indexOf('#') + 1));
  const poll = async () => {
    results = await rig.bot.services.poller.pollAll();
    await rig.bot.services.worker.idle();
  };
  const healthOf = (path: string) => listedHealth(rig, server.url(path));
  /** Moves the poller's clock past every backoff, as if half an hour went by. */
  const skipBackoff = () => {
    const poller = rig.bot.services.poller as unknown as { now: () => Date };
    const previous = poller.now;
    poller.now = () => new Date(previous().getTime() + BACKOFF_SKIP_MS);
  };

  beforeAll(async () => {
    server = await startMisbehavingServer();
    publish('good', [item('good', 1)]);
    publish('error-page', [item('error-page', 1)]);
    publish(
      'churn',
      Array.from({ length: 30 }, (_, n) => item('churn', `a${n}`)),
    );
    publish('clock', []);
    // The two that hang come first, and two fetches run at once: the rest must wait for them.
    const sources = ['/hang', '/trickle', '/loop', '/big', '/endless', '/bomb'].map(server.url);
    sources.push(...FEEDS.map((name) => server.url(`/feed/${name}`)));
    rig = await startRig({
      guilds: [NEWSROOM],
      env: {
        SOURCES: sources.join(','),
        FETCH_TIMEOUT_MS: '1000',
        FETCH_MAX_BYTES: '20000',
        POLL_CONCURRENCY: '2',
        MAX_ALERTS_PER_SOURCE_POLL: String(FLOOD_CAP),
        BACKFILL_ON_FIRST_SIGHT: '1',
      },
    });
    for (const name of FEEDS) {
      await rig.admin({
        name: 'alerts',
        subcommandGroup: 'topic',
        subcommand: 'add',
        options: { name, keywords: keyword(name) },
      });
      await rig.admin({
        name: 'alerts',
        subcommandGroup: 'channel',
        subcommand: 'add',
        options: { channel: rig.channelId(name), topics: name },
      });
    }
    const started = performance.now();
    await poll();
    console.log(
      `${FIGURE_PREFIX}misbehaving sources: a poll with 6 failing sources (hang, trickle, redirect loop, 100 kB, endless, gzip bomb) and 4 good ones took ${(performance.now() - started).toFixed(0)} ms (FETCH_TIMEOUT_MS 1000, POLL_CONCURRENCY 2); the good ones alerted in it`,
    );
  });

  afterAll(async () => {
    await rig?.close();
    await server?.close();
  });

  it('gives up on a server that hangs or trickles, and the others still alert in that poll', () => {
    expect(resultOf('/hang')?.error).toMatch(/did not answer within 1000 ms/);
    expect(resultOf('/trickle')?.error).toMatch(/did not answer within 1000 ms/);
    expect(resultOf('/feed/good')?.outcome).toBe('read');
    expect(alerted('good')).toEqual(['1']);
  });

  it('stops endless redirects, bodies past the limit and compression bombs', () => {
    expect(resultOf('/loop')?.error).toMatch(/redirected more than 5 times/);
    expect(server.hits('/loop')).toBe(6);
    for (const path of ['/big', '/endless', '/bomb']) {
      expect(resultOf(path)?.error, path).toMatch(/larger than the 20 kB limit/);
    }
    // The endless body was cut by the bot, not finished by the server.
    expect(server.endlessClosedByClient).toBe(1);
  });

  it('shows each failing source’s last error, failures in a row and when it is tried again', async () => {
    for (const path of ['/hang', '/trickle', '/loop', '/big', '/endless', '/bomb']) {
      const health = await healthOf(path);
      expect(health, path).toMatch(/failures in a row: 1/);
      expect(health, path).toMatch(/last error <t:\d+:R>: /);
      expect(health, path).toMatch(/next try <t:\d+:R>/);
    }
    // Backing off: the next poll leaves them alone instead of hanging again.
    const hangs = server.hits('/hang');
    await poll();
    expect(resultOf('/hang')?.outcome).toBe('waiting');
    expect(server.hits('/hang')).toBe(hangs);
  });

  it('holds a feed whose ids all changed to the flood cap, and says so', async () => {
    publish(
      'churn',
      Array.from({ length: 30 }, (_, n) => item('churn', `b${n}`)),
    );
    await poll();
    const fresh = alerted('churn').filter((id) => id.startsWith('b'));
    expect(fresh).toHaveLength(FLOOD_CAP);
    console.log(
      `${FIGURE_PREFIX}flood guard: 30 ids changed at once → ${fresh.length} alerts (MAX_ALERTS_PER_SOURCE_POLL ${FLOOD_CAP}), ${30 - FLOOD_CAP} held back and reported in /alerts status`,
    );
    expect(resultOf('/feed/churn')?.newUpdates).toBe(FLOOD_CAP);
    expect(await healthOf('/feed/churn')).toMatch(`${30 - FLOOD_CAP} alerts held back`);
    const status = await statusText(rig);
    expect(status).toMatch(`${30 - FLOOD_CAP} alerts held back`);
  });

  it('alerts items with clocks far in the past or future once, and loses none', async () => {
    const odd: FeedItem[] = [
      item('clock', 'epoch', { pubDate: 'Thu, 01 Jan 1970 00:00:00 GMT' }),
      item('clock', 'y2099', { pubDate: 'Thu, 31 Dec 2099 23:59:59 GMT' }),
      item('clock', 'y9999', { pubDate: 'Fri, 31 Dec 9999 23:59:59 GMT' }),
      item('clock', 'garbage', { pubDate: '-000001-01-01T00:00:00Z' }),
    ];
    publish('clock', odd);
    await poll();
    const expected = ['epoch', 'y2099', 'y9999', 'garbage'];
    expect(alerted('clock').sort()).toEqual([...expected].sort());
    // Later polls, with a newer item on top, alert the newcomer only.
    publish('clock', [item('clock', 'later'), ...odd]);
    await poll();
    await poll();
    for (const id of [...expected, 'later']) {
      expect(
        alerted('clock').filter((a) => a === id),
        id,
      ).toHaveLength(1);
    }
  });

  it('treats an HTML error page where the feed was as a failure, then resumes without repeats', async () => {
    server.publish('error-page', ERROR_PAGE, 'text/html; charset=utf-8');
    const before = alerted('error-page');
    await poll();
    expect(resultOf('/feed/error-page')?.outcome).toBe('failed');
    expect(resultOf('/feed/error-page')?.error).toMatch(/HTML page with no updates/);
    expect(await healthOf('/feed/error-page')).toMatch(/last error .*Service Unavailable/);
    expect(alerted('error-page')).toEqual(before);

    publish('error-page', [item('error-page', 2), ...feeds['error-page']!]);
    skipBackoff();
    await poll();
    expect(resultOf('/feed/error-page')?.outcome).toBe('read');
    expect(alerted('error-page')).toEqual([...before, '2']);
    expect(await healthOf('/feed/error-page')).toMatch(/failures in a row: 0/);
  });
});
