import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;
// By URL: the command runs in an empty folder, where a bare `tsx` would not resolve.
const TSX = new URL('../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

/**
 * Runs the command line from its sources (test/build covers the compiled one) in an empty
 * folder with only the given environment.
 */
function run(args: string[], env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'lba-cli-'));
  return spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 20_000,
  });
}

describe('the liveblog-alerts command', () => {
  it('lists its subcommands with --help', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    for (const name of ['start', 'deploy-commands', 'check', 'demo', 'bench']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
  });

  it('explains each subcommand with --help', () => {
    const result = run(['check', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--json');
  });

  it('refuses to start without a token, naming DISCORD_TOKEN, before touching anything', () => {
    const result = run(['start']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('DISCORD_TOKEN');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names each malformed variable instead of starting', () => {
    const result = run(['start'], { DISCORD_TOKEN: 'x', POLL_CRON: 'soon', STORE_URL: 'ftp://x' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('POLL_CRON');
    expect(result.stderr).toContain('STORE_URL');
  });

  it('rejects an unknown subcommand with the usage', () => {
    const result = run(['launch']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('unknown command "launch"');
  });
});
