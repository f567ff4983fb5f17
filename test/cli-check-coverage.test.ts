import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverageNewsroom, dayPath, FEED_PATH, SECTION_PATH } from './support/coverage-newsroom.ts';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;
// By URL: the command runs in an empty folder, where a bare `tsx` would not resolve.
const TSX = new URL('../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

/** The installed command as its own process, so this process's newsroom can answer it. */
async function check(args: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), 'lba-cli-'));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', TSX, MAIN, 'check', ...args],
    {
      cwd,
      env: { PATH: process.env.PATH ?? '', ALLOW_PRIVATE_SOURCES: '127.0.0.1/32' },
      timeout: 30_000,
    },
  );
  return stdout;
}

describe('liveblog-alerts check on a coverage page', () => {
  let room: CoverageNewsroom;
  beforeAll(async () => {
    room = await CoverageNewsroom.start();
    room.startDay(1, 20);
    room.post(1, 'air-raid', 60);
    room.startDay(2, 2);
    room.post(2, 'aid', 10);
    room.list(2, 1);
    room.site.publish(
      '/world/live/2024/nov/18/fake-live',
      '<html><body><p>Nothing live here.</p></body></html>',
    );
  });
  afterAll(() => room.site.close());

  it('prints the live blogs found, the one it would follow and why', async () => {
    const out = await check([room.url(SECTION_PATH)]);
    expect(out).toContain('coverage page (html) — Example News — Ukraine');
    expect(out).toMatch(/→ follow {2}Russia-Ukraine war live: day 2/);
    expect(out).toContain('the newest live blog');
    expect(out).toMatch(/skip {4}Russia-Ukraine war live: day 1/);
    expect(out).toContain('older than the newest');
  }, 40_000);

  it('--json gives one object per candidate, for the section feed too', async () => {
    const lines = (await check([room.url(FEED_PATH), '--json']))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.url, l.verdict, l.follow])).toEqual([
      [room.url(dayPath(2)), 'live', true],
      [room.url(dayPath(1)), 'live', false],
    ]);
  }, 40_000);
});
