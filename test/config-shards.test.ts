import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { planShards } from '../src/discord/shards.ts';
import { problemsOf } from './support/config-problems.ts';

const recommends = (count: number) => async () => count;

describe('SHARD_COUNT and SHARD_IDS', () => {
  it('leave sharding to discord.js (one connection) when unset', async () => {
    const config = parseConfig({});
    expect(config.SHARD_COUNT).toBeUndefined();
    expect(await planShards(config, 't', recommends(9))).toBeUndefined();
  });

  it('connect every shard by default, the listed ones, or none', async () => {
    const plan = (env: Record<string, string>) => planShards(parseConfig(env), 't', recommends(3));
    expect(await plan({ SHARD_COUNT: '4' })).toEqual({ count: 4, ids: [0, 1, 2, 3] });
    expect(await plan({ SHARD_COUNT: '4', SHARD_IDS: ' 3, 1,1' })).toEqual({
      count: 4,
      ids: [1, 3],
    });
    expect(await plan({ SHARD_COUNT: 'auto' })).toEqual({ count: 3, ids: [0, 1, 2] });
    expect(await plan({ SHARD_COUNT: 'AUTO', SHARD_IDS: '2' })).toEqual({ count: 3, ids: [2] });
    expect(await plan({ SHARD_IDS: 'none' })).toEqual({ count: 1, ids: [] });
  });

  it('name what is wrong: a bad count, bad ids, ids without a count or beyond it', async () => {
    expect(problemsOf({ SHARD_COUNT: 'two' })).toEqual([
      'SHARD_COUNT: expected auto or a whole number from 1 to 10000',
    ]);
    expect(problemsOf({ SHARD_COUNT: '0' })).toHaveLength(1);
    expect(problemsOf({ SHARD_COUNT: '2', SHARD_IDS: '0,x,-1' })).toEqual([
      'SHARD_IDS: expected shard ids such as 0,1 (or none) (bad: x, -1)',
    ]);
    expect(problemsOf({ SHARD_IDS: '0' })).toEqual([
      'SHARD_IDS: needs SHARD_COUNT (the number of shards of the whole bot, or auto)',
    ]);
    expect(problemsOf({ SHARD_COUNT: '2', SHARD_IDS: '1,2,5' })).toEqual([
      'SHARD_IDS: 2, 5 outside SHARD_COUNT=2 (shard ids run from 0 to 1)',
    ]);
    const auto = parseConfig({ SHARD_COUNT: 'auto', SHARD_IDS: '0,4' });
    await expect(planShards(auto, 't', recommends(2))).rejects.toThrow(
      'SHARD_IDS: 4 outside SHARD_COUNT=auto, which Discord recommends as 2 (shard ids run from 0 to 1)',
    );
  });
});
