import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinTopics } from '../../src/topics/builtin.ts';

const valid = {
  id: 'evacuation',
  name: { en: 'Evacuation', uk: 'Евакуація' },
  description: { en: 'Evacuation orders', uk: 'Накази про евакуацію' },
  emoji: '🚌',
  color: 0x3b82f6,
  urgency: 'normal',
  include: { en: ['evacuation order'], uk: ['евакуація'], ru: [] },
  exclude: { en: [], uk: [], ru: [] },
};

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  dirs = [];
});

/** A temporary alerts folder holding the given files (name → source). */
async function folder(files: Record<string, string>): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'topics-'));
  dirs.push(base);
  const dir = join(base, 'alerts');
  await mkdir(dir);
  for (const [name, source] of Object.entries(files)) await writeFile(join(dir, name), source);
  return dir;
}

const source = (value: unknown) => `export default ${JSON.stringify(value)};\n`;

describe('loadBuiltinTopics', () => {
  it('loads the seven built-in topics from alerts/, air-raid urgent and the rest normal', async () => {
    const topics = await loadBuiltinTopics();
    expect(topics.map((t) => [t.id, t.urgency])).toEqual([
      ['aid', 'normal'],
      ['air-raid', 'urgent'],
      ['casualties', 'normal'],
      ['diplomacy', 'normal'],
      ['frontline', 'normal'],
      ['infrastructure', 'normal'],
      ['nuclear', 'normal'],
    ]);
    for (const topic of topics) {
      expect(topic.name.uk.length).toBeGreaterThan(0);
      expect(topic.color).toBeLessThanOrEqual(0xffffff);
    }
  });

  it('adds a topic for every file dropped in the folder', async () => {
    const dir = await folder({ 'evacuation.ts': source(valid), 'notes.md': 'not a topic' });
    const topics = await loadBuiltinTopics(dir);
    expect(topics.map((t) => t.id)).toEqual(['evacuation']);
  });

  it('names the file and the field when a definition is broken', async () => {
    const broken = { ...valid, id: 'aid', include: { ...valid.include, en: 'evacuation' } };
    const dir = await folder({ 'aid.ts': source(broken) });
    await expect(loadBuiltinTopics(dir)).rejects.toThrow(
      'alerts/aid.ts: include.en: expected an array of strings',
    );
  });

  it('rejects a colour outside 0xRRGGBB and an unknown urgency', async () => {
    const dir = await folder({
      'evacuation.ts': source({ ...valid, color: 0x1000000, urgency: 'high' }),
    });
    const error = await loadBuiltinTopics(dir).catch((e: Error) => e.message);
    expect(error).toContain('alerts/evacuation.ts: color: expected an integer 0xRRGGBB');
    expect(error).toContain("alerts/evacuation.ts: urgency: expected 'urgent' or 'normal'");
  });

  it('rejects a phrase that could never match', async () => {
    const dir = await folder({
      'evacuation.ts': source({ ...valid, include: { ...valid.include, ru: ['+ ...'] } }),
    });
    await expect(loadBuiltinTopics(dir)).rejects.toThrow(
      /alerts\/evacuation\.ts: include\.ru\.0: phrase "\+ \.\.\." has a part with no letters or digits/,
    );
  });

  it('requires the id to be the file name', async () => {
    const dir = await folder({ 'evacuations.ts': source(valid) });
    await expect(loadBuiltinTopics(dir)).rejects.toThrow(
      'alerts/evacuations.ts: id: must equal the file name, "evacuations"',
    );
  });

  it('says so when a file has no default export', async () => {
    const dir = await folder({ 'evacuation.ts': 'export const topic = 1;\n' });
    await expect(loadBuiltinTopics(dir)).rejects.toThrow(
      'alerts/evacuation.ts: has no default export',
    );
  });
});
