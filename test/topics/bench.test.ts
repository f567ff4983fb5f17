import { describe, expect, it } from 'vitest';
import {
  benchmarkMatcher,
  formatBenchmark,
  syntheticKeywordTopics,
} from '../../src/topics/bench.ts';

describe('benchmarkMatcher', () => {
  it('measures the built-in topics alone and with extra keyword topics', async () => {
    const updates = [{ title: 'Air-raid alert in Kyiv', body: 'Sirens sound across the city.' }];
    const results = await benchmarkMatcher({ updates, keywordTopics: 50, minSeconds: 0.01 });
    expect(results.map((r) => r.topics)).toEqual([7, 57]);
    expect(results[0]?.topicsMatchedPerUpdate).toBe(1);
    for (const r of results) expect(r.updates).toBeGreaterThan(0);
    expect(formatBenchmark(results)).toMatch(/^7 built-in topics: [\d,]+ updates\/s/);
  });

  it('builds the same synthetic topics for the same seed', () => {
    const updates = [{ title: 'Kharkiv', body: 'Zaporizhzhia and Mykolaiv' }];
    expect(syntheticKeywordTopics(20, updates, 1)).toEqual(syntheticKeywordTopics(20, updates, 1));
    expect(syntheticKeywordTopics(20, updates, 1)).not.toEqual(
      syntheticKeywordTopics(20, updates, 2),
    );
  });
});
