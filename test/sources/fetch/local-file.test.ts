import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLocalSource } from '../../../src/sources/local-file.ts';
import { fetchFailure } from './local-servers.ts';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'liveblog-local-source-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readLocalSource', () => {
  it('reads a snapshot file', async () => {
    const path = join(folder, 'snapshot.html');
    const text = `<article>${'Air-raid alert in Kyiv. '.repeat(10_000)}</article>`;
    await writeFile(path, text);

    const body = await readLocalSource(path, 1_000_000);

    expect(Buffer.from(body).toString()).toBe(text);
  });

  it('refuses a file over the limit', async () => {
    const path = join(folder, 'huge.html');
    await writeFile(path, 'x'.repeat(2_001));

    const error = await fetchFailure(readLocalSource(path, 2_000));

    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(
      `the body of ${path} is larger than the 2 kB limit (FETCH_MAX_BYTES)`,
    );
  });

  it('says plainly when the file is missing or a directory', async () => {
    const missing = join(folder, 'missing.html');

    const notFound = await fetchFailure(readLocalSource(missing, 1_000));
    const directory = await fetchFailure(readLocalSource(folder, 1_000));

    expect(notFound.kind).toBe('network');
    expect(notFound.message).toBe(`cannot read the local source ${missing}: no such file`);
    expect(directory.message).toBe(`cannot read the local source ${folder}: it is a directory`);
  });
});
