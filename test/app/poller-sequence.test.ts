import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/app/services.ts';
import { type LocalBlog, startLocalBlog } from '../../src/demo/blog-server.ts';
import type { KeyValueStore } from '../../src/store/key-value.ts';
import { snapshot } from '../support/bot-harness.ts';
import { RecordingSender } from '../support/recording-sender.ts';
import { startSqliteServices } from '../support/sqlite-services.ts';

const GUILD = '900000000000000001';
const CHANNEL = '900000000000000002';

/**
 * The four snapshots of ../fixtures/feeds/seed-sequence (see its README for the expected
 * events), with the poller restarted on the same SQLite file half-way.
 */
describe('a live blog changing over four snapshots', () => {
  let blog: LocalBlog;
  let store: KeyValueStore;
  let services: Services;
  const sender = new RecordingSender();
  const file = join(mkdtempSync(join(tmpdir(), 'lba-seq-')), 'seq.sqlite');

  async function start() {
    blog ??= await startLocalBlog();
    ({ services, store } = await startSqliteServices({
      file,
      sources: [blog.url],
      sender,
      guildId: GUILD,
      channelId: CHANNEL,
    }));
  }

  async function step(name: string) {
    blog.publish(snapshot(name));
    const before = sender.posts.length;
    const [result] = await services.poller.pollAll();
    await services.worker.idle();
    return { result, posted: sender.posts.slice(before) };
  }

  beforeAll(start);
  afterAll(async () => {
    await services.worker.stop();
    await store.close();
    await blog.close();
  });

  it('t0: first sight stores the blog and alerts nothing (backfill 0)', async () => {
    const { result, posted } = await step('t0.html');
    expect(result?.outcome).toBe('read');
    expect(posted).toEqual([]);
  });

  it('t1: three new updates; aid and diplomacy alert, the one with no topic does not', async () => {
    const { result, posted } = await step('t1.html');
    expect(result?.newUpdates).toBe(3);
    expect(posted.map((p) => p.updateId).sort()).toEqual(['post-581307', 'post-581308']);
    expect(posted.find((p) => p.updateId === 'post-581308')?.topics).toContain('aid');
    expect(posted.find((p) => p.updateId === 'post-581307')?.topics).toContain('diplomacy');
  });

  it('an unchanged blog answers 304 and costs no parse', async () => {
    const { result, posted } = await step('t1.html');
    expect(result?.outcome).toBe('unchanged');
    expect(blog.requests.at(-1)?.notModified).toBe(true);
    expect(posted).toEqual([]);
  });

  it('t2 after a restart: a corrected update and a removed one raise nothing new', async () => {
    await services.worker.stop();
    await store.close();
    await start();
    const { result, posted } = await step('t2.html');
    expect(result?.newUpdates).toBe(0);
    expect(result?.edited).toBe(1);
    expect(posted).toEqual([]);
    expect(sender.edits).toEqual([]);
  });

  it('t3: two new updates; frontline and casualties alert, the political jab does not', async () => {
    const { result, posted } = await step('t3.html');
    expect(result?.newUpdates).toBe(2);
    expect(posted.map((p) => p.updateId)).toEqual(['post-581310']);
    expect(posted[0]?.topics.sort()).toEqual(['casualties', 'frontline']);
  });

  it('the pinned Key points never alerted, and nothing was alerted twice', () => {
    const ids = sender.posts.map((p) => p.updateId);
    expect(ids).not.toContain('key-points');
    expect(new Set(ids).size).toBe(ids.length);
  });
});
