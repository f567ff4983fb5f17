import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalBlog, startLocalBlog } from '../../src/demo/blog-server.ts';
import { FIGURE_PREFIX } from '../support/summary-reporter.ts';
import {
  type Command,
  listedHealth,
  pingsAtMost,
  type Rig,
  replyText,
  startRig,
} from './support-bot.ts';
import { RSS_TYPE, rssFeed } from './support-feeds.ts';
import { installVirtualNetwork, type VirtualNetwork } from './support-network.ts';

/** Addresses the pretend DNS hands out as "public": routed to servers on 127.0.0.1. */
const PUBLIC_NEWS = '93.184.216.34';
const PUBLIC_REDIRECTOR = '93.184.216.35';

const FEED = rssFeed([
  { id: 'a', title: 'Air-raid alert in Kyiv', link: 'https://news.example/live#a' },
  { id: 'b', title: 'Aid convoy arrives', link: 'https://news.example/live#b' },
]);

/** Answers `/to?url=…` with a 302 to that URL, and counts what it was asked. */
async function startRedirector(): Promise<{
  port: number;
  hits: string[];
  close(): Promise<void>;
}> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const target = new URL(request.url ?? '/', 'http://x').searchParams.get('url') ?? '/';
    response.writeHead(302, { location: target }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('/alerts source add follows only public http(s) URLs', () => {
  let network: VirtualNetwork;
  let rig: Rig;
  let news: LocalBlog;
  let newsPort: number;
  let redirector: Awaited<ReturnType<typeof startRedirector>>;
  let loopbackPort: number;
  const dir = mkdtempSync(join(tmpdir(), 'lba-sources-'));
  let refusals = 0;

  const add = (url: string): Command => ({
    name: 'alerts',
    subcommandGroup: 'source',
    subcommand: 'add',
    options: { url },
  });
  const ownSources = () => rig.bot.services.settings.get(rig.guildId()).sources;
  const via = (target: string) =>
    `http://redirect.example:${redirector.port}/to?url=${encodeURIComponent(target)}`;

  /** Adds `url` and expects a refusal matching `reason`, with nothing stored or fetched. */
  async function expectRefused(url: string, reason: RegExp) {
    const before = [...ownSources()];
    const loopbackHits = rig.blog.requests.length;
    const outcome = await rig.admin(add(url));
    const text = replyText(outcome);
    expect(outcome.ephemeral).toBe(true);
    expect(pingsAtMost(outcome.reply)).toBe(true);
    expect(text, url).toMatch(/^❌/);
    expect(text, url).toMatch(reason);
    expect(ownSources(), url).toEqual(before);
    // The loopback blog is what a guard bug would have reached.
    expect(rig.blog.requests.length, url).toBe(loopbackHits);
    expect(network.escaped, url).toEqual([]);
    refusals += 1;
    return text;
  }

  beforeAll(async () => {
    network = installVirtualNetwork();
    news = await startLocalBlog();
    news.publish(FEED, RSS_TYPE);
    newsPort = Number(new URL(news.url).port);
    redirector = await startRedirector();
    network.route(PUBLIC_NEWS);
    network.route(PUBLIC_REDIRECTOR);
    network.setDns('news.example', PUBLIC_NEWS);
    network.setDns('rebind.example', PUBLIC_NEWS);
    network.setDns('redirect.example', PUBLIC_REDIRECTOR);
    network.setDns('intranet.example', '10.0.0.5');
    network.setDns('localhost', '127.0.0.1');
    network.setDns('loopback.example', '127.0.0.1');
    network.setDns('metadata.example', '169.254.169.254');
    network.setDns('mixed.example', '10.0.0.5', '127.0.0.1', '192.168.0.10');
    network.setDns('v6.example', '::1', 'fd00::1');
    network.setDns('cgnat.example', '100.64.0.1');
    rig = await startRig({ env: { ALLOW_PRIVATE_SOURCES: 'false' }, lookup: network.lookup });
    loopbackPort = Number(new URL(rig.blog.url).port);
    rig.blog.publish(FEED, RSS_TYPE);
  });

  afterAll(async () => {
    console.log(
      `${FIGURE_PREFIX}source guard: ${refusals} unsafe URLs refused by /alerts source add (paths, schemes, address forms, private DNS answers, redirects), 1 DNS rebinding refused at poll time; connections that left loopback: ${network?.escaped.length}`,
    );
    await rig?.close();
    await news?.close();
    await redirector?.close();
    network?.restore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows a public URL (the check lets the real thing through)', async () => {
    const outcome = await rig.admin(add(`http://news.example:${newsPort}/live`));
    expect(replyText(outcome)).toMatch(/Following/);
    expect(ownSources()).toEqual([`http://news.example:${newsPort}/live`]);
    expect(news.requests.length).toBeGreaterThan(0);
    expect(network.routed.some((r) => r.address === PUBLIC_NEWS)).toBe(true);
  });

  it('never takes a file path or a non-http URL, even one holding a valid feed', async () => {
    const file = join(dir, 'feed.xml');
    writeFileSync(file, FEED);
    for (const input of [file, `file://${file}`, 'FILE:///etc/passwd', '../../etc/passwd']) {
      await expectRefused(input, /only http\(s\)|not a valid URL/);
    }
    for (const input of [
      'C:\\Windows\\win.ini',
      '~/.ssh/id_rsa',
      'data:text/xml,<rss></rss>',
      'javascript:alert(1)',
      `ftp://news.example:${newsPort}/live`,
      `ws://news.example:${newsPort}/live`,
      `http://user:secret@news.example:${newsPort}/live`,
    ]) {
      const text = await expectRefused(
        input,
        /only http\(s\)|not a valid URL|user name or password/,
      );
      expect(text).not.toContain('secret');
    }
  });

  it('refuses every loopback, private and otherwise non-public address, however it is written', async () => {
    const port = loopbackPort;
    const cases: [string, RegExp][] = [
      [`http://127.0.0.1:${port}/live`, /loopback/],
      [`https://127.0.0.1:${port}/live`, /loopback/],
      [`http://127.1:${port}/live`, /loopback/],
      [`http://2130706433:${port}/live`, /loopback/],
      [`http://0x7f000001:${port}/live`, /loopback/],
      [`http://017700000001:${port}/live`, /loopback/],
      [`http://[::1]:${port}/live`, /loopback/],
      [`http://[::ffff:127.0.0.1]:${port}/live`, /loopback/],
      [`http://[::127.0.0.1]:${port}/live`, /IPv4-compatible/],
      [`http://0.0.0.0:${port}/live`, /unspecified/],
      ['http://10.0.0.5/live', /private-network/],
      ['http://172.16.0.1/live', /private-network/],
      ['http://192.168.1.1/live', /private-network/],
      ['http://169.254.169.254/latest/meta-data/', /link-local/],
      ['http://100.64.0.1/live', /carrier-grade NAT/],
      ['http://[fe80::1]/live', /link-local/],
      ['http://[fd00::1]/live', /unique-local/],
      ['http://224.0.0.1/live', /multicast/],
      ['http://255.255.255.255/live', /broadcast/],
      ['http://192.0.2.1/live', /reserved/],
    ];
    for (const [url, kind] of cases) {
      const text = await expectRefused(url, /refusing to fetch/);
      expect(text, url).toMatch(kind);
    }
  });

  it('refuses a public-looking name that resolves to a private address', async () => {
    const cases: [string, RegExp][] = [
      [`http://loopback.example:${loopbackPort}/live`, /127\.0\.0\.1, a loopback/],
      [`http://localhost:${loopbackPort}/live`, /loopback/],
      [`http://LOOPBACK.example.:${loopbackPort}/live`, /loopback/],
      ['http://intranet.example/live', /10\.0\.0\.5, a private-network/],
      ['http://metadata.example/latest/meta-data/', /169\.254\.169\.254, a link-local/],
      [`http://mixed.example:${loopbackPort}/live`, /private-network/],
      [`http://v6.example:${loopbackPort}/live`, /loopback/],
      ['http://cgnat.example/live', /carrier-grade NAT/],
    ];
    for (const [url, reason] of cases) await expectRefused(url, reason);
  });

  it('refuses a redirect that leads into the private network, on whichever hop', async () => {
    const before = redirector.hits.length;
    const targets: [string, RegExp][] = [
      [`http://127.0.0.1:${loopbackPort}/live`, /loopback/],
      [`http://loopback.example:${loopbackPort}/live`, /loopback/],
      ['http://intranet.example/live', /private-network/],
      ['http://169.254.169.254/latest/meta-data/', /link-local/],
      ['file:///etc/passwd', /only http\(s\)/],
      [via(`http://127.0.0.1:${loopbackPort}/live`), /loopback/],
    ];
    for (const [target, reason] of targets) {
      const text = await expectRefused(via(target), reason);
      expect(text).toMatch(/redirected (from|to)/);
    }
    // Each refusal came after the redirector answered, i.e. on the hop, not up front.
    expect(redirector.hits.length - before).toBeGreaterThanOrEqual(targets.length);
  });

  it('refuses at poll time a followed name that now resolves to a private address', async () => {
    const url = `http://rebind.example:${newsPort}/live`;
    expect(replyText(await rig.admin(add(url)))).toMatch(/Following/);
    await rig.admin({
      name: 'alerts',
      subcommandGroup: 'channel',
      subcommand: 'add',
      options: { channel: rig.channelId('air-raid-alerts'), topics: 'all' },
    });
    network.setDns('rebind.example', '127.0.0.1');
    const loopbackHits = rig.blog.requests.length;
    const results = await rig.bot.services.poller.pollAll();
    const rebound = results.find((result) => result.source === url);
    expect(rebound?.outcome).toBe('failed');
    expect(rebound?.error).toMatch(/refusing to fetch .* 127\.0\.0\.1, a loopback address/);
    expect(rig.blog.requests.length).toBe(loopbackHits);
    expect(network.escaped).toEqual([]);

    const health = await listedHealth(rig, url);
    expect(health).toMatch(/failures in a row: 1/);
    expect(health).toMatch(/last error .*refusing to fetch/);
  });
});
