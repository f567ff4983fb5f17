/**
 * Coverage sources through the real services: SQLite file, the guarded fetcher against a
 * loopback newsroom, the poller run by hand, and a restart on the same store half-way.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CoverageNewsroom,
  dayPath,
  FEED_PATH,
  SECTION_PATH,
} from '../support/coverage-newsroom.ts';
import { sectionPage } from '../support/newsroom-site.ts';
import { RecordingSender } from '../support/recording-sender.ts';
import { type SqliteServices, startSqliteServices } from '../support/sqlite-services.ts';

const GUILD = '900000000000000011';
const CHANNEL = '900000000000000012';

type Running = SqliteServices;

const startServices = (file: string, sources: string[], sender: RecordingSender) =>
  startSqliteServices({ file, sources, sender, guildId: GUILD, channelId: CHANNEL });

async function stop(running: Running | undefined): Promise<void> {
  if (!running) return;
  await running.services.worker.stop();
  await running.store.close();
}

describe('a section page and its feed across the switch from one day’s blog to the next', () => {
  let room: CoverageNewsroom;
  let running: Running | undefined;
  const sender = new RecordingSender();
  const file = join(mkdtempSync(join(tmpdir(), 'lba-coverage-')), 'coverage.sqlite');

  async function poll() {
    const before = sender.posts.length;
    const results = await running!.services.poller.pollAll();
    await running!.services.worker.idle();
    return {
      results,
      alerted: sender.posts
        .slice(before)
        .map((p) => p.updateId)
        .sort(),
    };
  }

  beforeAll(async () => {
    room = await CoverageNewsroom.start();
    room.startDay(1, 20);
    room.post(1, 'air-raid', 600);
    room.post(1, 'aid', 300);
    room.list(1);
    running = await startServices(file, [room.url(SECTION_PATH), room.url(FEED_PATH)], sender);
  });
  afterAll(async () => {
    await stop(running);
    await room.site.close();
  });

  it('first sight: both listings are coverage, day 1 is followed, its history alerts nothing', async () => {
    const { results, alerted } = await poll();
    // The two listings are polled side by side, then the blog they follow.
    const listings = results.slice(0, 2).sort((a, b) => a.source.length - b.source.length);
    expect(
      [...listings, ...results.slice(2)].map((r) => [r.source, r.outcome, r.following ?? null]),
    ).toEqual([
      [room.url(SECTION_PATH), 'coverage', 1],
      [room.url(FEED_PATH), 'coverage', 1],
      [room.url(dayPath(1)), 'read', null],
    ]);
    expect(alerted).toEqual([]);
    const view = running!.services.registry.coverageOf(room.url(SECTION_PATH));
    expect(view).toMatchObject({ site: 'Example News', section: 'Ukraine', noLiveBlog: false });
    expect(view?.following.map((b) => b.title)).toEqual(['Russia-Ukraine war live: day 1']);
    // The articles beside the blog were never fetched: they do not look live.
    expect(room.site.requests.filter((r) => r.path.startsWith('/world/2024/'))).toEqual([]);
  });

  it('day 1 news alerts once, though two coverage sources follow the blog', async () => {
    const raid = room.post(1, 'air-raid', 0);
    const { alerted } = await poll();
    expect(alerted).toEqual([raid.id]);
  });

  it('day 2 is followed as soon as the section lists it: new news alerts, older news does not; day 1 late news still alerts', async () => {
    room.startDay(2, 3);
    const old = room.post(2, 'air-raid', 150);
    const fresh = room.post(2, 'air-raid', 10);
    const late = room.post(1, 'aid', 0);
    room.list(2, 1);
    const { results, alerted } = await poll();
    expect(alerted).toEqual([fresh.id, late.id].sort());
    expect(alerted).not.toContain(old.id);
    expect(results.find((r) => r.source === room.url(SECTION_PATH))?.following).toBe(2);
    const view = running!.services.registry.coverageOf(room.url(SECTION_PATH));
    expect(view?.following.map((b) => b.title)).toEqual([
      'Russia-Ukraine war live: day 2',
      'Russia-Ukraine war live: day 1',
    ]);
    expect(view?.lastSwitchAt).toBeDefined();
  });

  it('after a restart on the same store nothing is alerted again, and news keeps coming', async () => {
    await stop(running);
    running = await startServices(file, [room.url(SECTION_PATH), room.url(FEED_PATH)], sender);
    expect((await poll()).alerted).toEqual([]);
    const next = room.post(2, 'aid', 0);
    expect((await poll()).alerted).toEqual([next.id]);
  });

  it('an ended blog has its last news alerted, then is no longer fetched', async () => {
    const last = room.post(1, 'air-raid', 0);
    room.end(1);
    expect((await poll()).alerted).toEqual([last.id]);
    const fetches = room.site.requestsTo(dayPath(1)).length;
    await poll();
    await poll();
    expect(room.site.requestsTo(dayPath(1)).length).toBe(fetches);
    const view = running!.services.registry.coverageOf(room.url(SECTION_PATH));
    expect(view?.following.map((b) => b.title)).toEqual(['Russia-Ukraine war live: day 2']);
  });
});

describe('coverage pages that make the bot work: each bounded, each with a clear status', () => {
  let room: CoverageNewsroom;
  let running: Running | undefined;
  const sender = new RecordingSender();

  beforeAll(async () => {
    room = await CoverageNewsroom.start();
  });
  afterEach(async () => {
    await stop(running);
    running = undefined;
  });
  afterAll(() => room.site.close());

  const start = async (path: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'lba-coverage-')), 'bounded.sqlite');
    running = await startServices(file, [room.url(path)], sender);
    return running.services;
  };

  it('a section listing 200 live-looking links costs at most 3 candidate fetches a poll', async () => {
    const cards = Array.from({ length: 200 }, (_, i) => ({
      href: `/many/live/${i}`,
      title: `Story ${i} – live`,
      live: true,
    }));
    room.site.publish('/many', sectionPage({ site: 'Example News', section: 'Many', cards }));
    const services = await start('/many');
    const candidateFetches = () =>
      room.site.requests.filter((r) => r.path.startsWith('/many/live/')).length;
    await services.poller.pollAll();
    expect(candidateFetches()).toBe(3);
    await services.poller.pollAll();
    expect(candidateFetches()).toBe(6);
    const view = services.registry.coverageOf(room.url('/many'));
    expect(view?.lastDiscovery).toMatchObject({
      links: 200,
      candidates: 20,
      checked: 3,
      deferred: 14,
    });
    expect(view?.following).toEqual([]);
    expect(view?.noLiveBlog).toBe(true);
    expect(view?.refused[0]).toMatchObject({ verdict: 'failed' });
  });

  it('a candidate that is no live blog, one that fails and one too large: verdicts, and no refetch next poll', async () => {
    room.site.publish(
      '/odd/live/not-a-blog',
      '<html><head><title>x</title></head><body><p>Just a page.</p></body></html>',
    );
    room.site.fail('/odd/live/broken', 500);
    room.site.fail('/odd/live/huge', 'endless');
    room.site.publish(
      '/odd',
      sectionPage({
        site: 'Example News',
        section: 'Odd',
        cards: ['not-a-blog', 'broken', 'huge'].map((name) => ({
          href: `/odd/live/${name}`,
          title: `${name} – live`,
          live: true,
        })),
      }),
    );
    const services = await start('/odd');
    const [result] = await services.poller.pollAll();
    expect(result).toMatchObject({ outcome: 'coverage', following: 0 });
    const view = services.registry.coverageOf(room.url('/odd'));
    expect(
      Object.fromEntries(view!.refused.map((r) => [r.url.split('/').pop(), r.verdict])),
    ).toEqual({
      'not-a-blog': 'not-live-blog',
      broken: 'failed',
      huge: 'too-large',
    });
    const fetched = room.site.requests.filter((r) => r.path.startsWith('/odd/live/')).length;
    room.site.publish(
      '/odd',
      `${sectionPage({ site: 'Example News', section: 'Odd', cards: [] })}`.replace(
        '</main>',
        '<a href="/odd/live/not-a-blog">not-a-blog – live</a><a href="/odd/live/broken">broken live</a></main>',
      ),
    );
    await services.poller.pollAll();
    expect(room.site.requests.filter((r) => r.path.startsWith('/odd/live/')).length).toBe(fetched);
  });

  it('a section with no live blog listed: coverage once known, following nothing, saying so', async () => {
    room.startDay(5, 1);
    room.post(5, 'quiet', 30);
    room.site.publish(
      '/quiet',
      sectionPage({
        site: 'Example News',
        section: 'Quiet',
        cards: [{ href: dayPath(5), title: 'Day 5 – live', live: true }],
      }),
    );
    const services = await start('/quiet');
    await services.poller.pollAll();
    expect(services.registry.coverageOf(room.url('/quiet'))?.following).toHaveLength(1);
    room.end(5);
    room.site.publish('/quiet', sectionPage({ site: 'Example News', section: 'Quiet', cards: [] }));
    const results = await services.poller.pollAll();
    expect(results.map((r) => r.outcome)).toEqual(['coverage', 'read']);
    await services.poller.pollAll();
    const view = services.registry.coverageOf(room.url('/quiet'));
    expect(view?.following).toEqual([]);
    expect(view?.lastDiscovery).toMatchObject({ candidates: 0, checked: 0 });
  });
});
