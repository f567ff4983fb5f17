import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/open-store.ts';
import { Records } from '../../src/store/records.ts';

const Note = z.object({ text: z.string(), count: z.number() });

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'lba-store-')), 'nested', 'dir', 'alerts.sqlite');
}

describe('the embedded SQLite store', () => {
  it('creates its folder on first run and round-trips validated records', async () => {
    const file = tempFile();
    const store = await openStore(`sqlite://${file}`);
    const records = new Records(store, silentLogger());
    await records.write('note:1', { text: 'hello', count: 2 });
    expect(await records.read('note:1', Note)).toEqual({ text: 'hello', count: 2 });
    expect(await records.readMany(['note:1', 'missing'], Note)).toEqual([
      { text: 'hello', count: 2 },
      undefined,
    ]);
    await records.remove('note:1');
    expect(await records.read('note:1', Note)).toBeUndefined();
    await store.close();
    expect(existsSync(file)).toBe(true);
  });

  it('keeps what another process wrote, after that process is gone', async () => {
    const file = tempFile();
    const writer = `
      import { openStore } from './src/store/open-store.ts';
      import { Records } from './src/store/records.ts';
      import { silentLogger } from './src/logger.ts';
      const store = await openStore(process.argv[1]);
      await new Records(store, silentLogger()).write('note:kept', { text: 'from the past', count: 7 });
      await store.close();
    `;
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', writer, `sqlite://${file}`],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const store = await openStore(`sqlite://${file}`);
    expect(await new Records(store, silentLogger()).read('note:kept', Note)).toEqual({
      text: 'from the past',
      count: 7,
    });
    await store.close();
  });

  it('skips a record that fails validation instead of failing', async () => {
    const store = await openStore(`sqlite://${tempFile()}`);
    const records = new Records(store, silentLogger());
    await records.write('note:bad', { text: 42 });
    await store.set('note:alien', { something: 'else' });
    expect(await records.read('note:bad', Note)).toBeUndefined();
    expect(await records.read('note:alien', Note)).toBeUndefined();
    await store.close();
  });

  it('refuses a second bot on the same file, and frees it on close', async () => {
    const file = tempFile();
    const first = await openStore(`sqlite://${file}`);
    const holder = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { openStore } from './src/store/open-store.ts';
         try { await openStore(process.argv[1]); console.log('opened'); }
         catch (e) { console.log(e.name + ': ' + e.message); }`,
        `sqlite://${file}`,
      ],
      { encoding: 'utf8' },
    );
    expect(holder.stdout).toMatch(/StoreLockedError: another liveblog-alerts process \(pid \d+\)/);
    await first.close();
    const again = await openStore(`sqlite://${file}`);
    await again.close();
  });

  it('takes over a claim left by a killed process', async () => {
    const file = tempFile();
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { openStore } from './src/store/open-store.ts';
         await openStore(process.argv[1]); process.kill(process.pid, 'SIGKILL');`,
        `sqlite://${file}`,
      ],
      { encoding: 'utf8' },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(existsSync(`${file}.lock`)).toBe(true);
    const store = await openStore(`sqlite://${file}`);
    await store.close();
  });
});
