import { describe, expect, it } from 'vitest';
import { syntheticKeywordTopics } from '../../src/topics/bench.ts';
import { loadBuiltinTopics } from '../../src/topics/builtin.ts';
import { type MatchableTopic, Matcher, toMatchable } from '../../src/topics/matcher.ts';

describe('Matcher with thousands of topics', () => {
  it('still finds exactly the right ones among 5,000 keyword topics', async () => {
    const builtin = (await loadBuiltinTopics()).map(toMatchable);
    const noise = syntheticKeywordTopics(5_000, [{ title: '', body: 'made up words only' }], 7);
    const places: MatchableTopic[] = ['Kharkiv', 'Odesa', 'Lviv', 'Kherson'].map((place, i) => ({
      id: `city-${i}`,
      include: [place],
      exclude: [],
      plain: true,
    }));
    const matcher = new Matcher([...builtin, ...noise, ...places]);
    expect(matcher.size.topics).toBe(builtin.length + 5_000 + places.length);

    const update = {
      title: 'Air-raid alert in Odesa and Kherson',
      body: 'Sirens are sounding. Residents should stay in shelters until the all-clear.',
    };
    const ids = matcher.match(update).map((m) => m.topicId);
    expect(ids.filter((id) => !id.startsWith('keyword-topic-'))).toEqual([
      'air-raid',
      'city-1',
      'city-3',
    ]);
    expect(ids.filter((id) => id.startsWith('keyword-topic-'))).toEqual(
      noise.filter((t) => new Matcher([t]).match(update).length > 0).map((t) => t.id),
    );
  });
});
