import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/sources/read.ts';
import { fixture, labelledSeed, SEED_BLOG_URL } from './fixtures.ts';

const labelled = labelledSeed();

function snapshot(name: string) {
  return readDocument(fixture(`feeds/seed-sequence/${name}.html`), { source: SEED_BLOG_URL });
}

function fragments(name: string): string[] {
  return snapshot(name).updates.map((update) => update.id.slice(update.id.indexOf('#') + 1));
}

describe('the seed live blog captured four times', () => {
  it.each([
    ['t0', [5, 6, 7, 8, 9]],
    ['t1', [2, 3, 4, 5, 6, 7, 8, 9]],
    ['t2', [2, 3, 4, 5, 6, 8, 9]],
    ['t3', [0, 1, 2, 3, 4, 5, 6, 8, 9]],
  ])('%s lists Key points first, then the right updates newest first', (name, seeds) => {
    const expected = ['key-points', ...seeds.map((seed) => `post-${581310 - seed}`)];
    expect(fragments(name)).toEqual(expected);
  });

  it('marks only the Key points summary as pinned', () => {
    for (const name of ['t0', 't1', 't2', 't3']) {
      const updates = snapshot(name).updates;
      expect(updates.filter((update) => update.pinned).map((update) => update.title)).toEqual([
        'Key points',
      ]);
    }
  });

  it('keeps Key points bullets one per line', () => {
    const keyPoints = snapshot('t0').updates[0];
    expect(keyPoints?.body.split('\n')).toHaveLength(4);
    expect(keyPoints?.body).toMatch(/^• Air-raid alerts went off across Ukraine/);
  });

  it('shows the seed-10 correction at t2 under the same id, with a later dateModified', () => {
    const early = snapshot('t1').updates.at(-1);
    const corrected = snapshot('t2').updates.at(-1);
    expect(corrected?.id).toBe(early?.id);
    expect(corrected?.published).toBe(early?.published);
    expect(early?.body).toContain('Andriy Kovalenko');
    expect(corrected?.body).toBe(labelled[9]?.body);
    expect(corrected?.modified).toBe('2024-11-18T09:55:00.000Z');
    expect(early?.modified).toBe('2024-11-18T09:02:00.000Z');
  });
});
