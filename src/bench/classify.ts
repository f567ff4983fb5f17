import { Topics } from '../app/topic-directory.ts';
import { emptyGuildSettings, type GuildSettings } from '../core/guild-settings.ts';
import { loadLabelled } from '../topics/accuracy.ts';
import { benchmarkMatcher } from '../topics/bench.ts';
import { loadBuiltinTopics } from '../topics/builtin.ts';
import { builtinTopicModel } from '../topics/model/load.ts';
import { generateGuildTopics } from './guild-topics.ts';
import { callsPerSecond, formatCount, formatMs, timeAsync } from './measure.ts';
import type { BenchOptions } from './options.ts';
import { guildIdFor } from './snowflakes.ts';
import type { FigureResult } from './table.ts';

const TARGET_PER_SECOND = 20_000;
const GUILD_TOPICS = 5_000;
const GUILDS = 1_000;

/** Figure 3: matching updates against the built-in topics and every guild's keyword topics. */
export async function benchClassify(options: BenchOptions): Promise<FigureResult> {
  const definitions = await loadBuiltinTopics();
  const guilds = new Map<string, GuildSettings>();
  generateGuildTopics(GUILD_TOPICS, GUILDS).forEach((customTopics, index) => {
    const guildId = guildIdFor(index);
    guilds.set(guildId, { ...emptyGuildSettings(guildId), customTopics });
  });
  const topics = new Topics(
    definitions,
    {
      peek: (guildId) => guilds.get(guildId),
      all: () => guilds.values(),
    },
    builtinTopicModel(),
  );
  const texts = await loadLabelled();
  if (texts.length === 0) throw new Error('no labelled updates to classify');
  let next = 0;
  const built = await timeAsync(async () => topics.match(texts[0]!));
  let matched = 0;
  let guildMatches = 0;
  for (const text of texts) {
    const found = topics.match(text);
    matched += found.length > 0 ? 1 : 0;
    guildMatches += found.filter((m) => m.topicId.includes('/')).length;
  }
  const builtinOnly = new Topics(
    definitions,
    { peek: () => undefined, all: () => [] },
    builtinTopicModel(),
  );
  const alone = callsPerSecond(options.quick ? 200 : 1_000, () => {
    builtinOnly.match(texts[next++ % texts.length]!);
  });
  const { perSecond, calls } = callsPerSecond(options.quick ? 500 : 3_000, () => {
    topics.match(texts[next++ % texts.length]!);
  });
  options.log(`classify: ${formatCount(perSecond)} updates/s over ${formatCount(calls)} calls`);
  const notes = [
    `built-in topics alone: ${formatCount(alone.perSecond)} updates/s; with the keyword topics each update matches ${(guildMatches / texts.length).toFixed(1)} of them on average`,
  ];
  if (!options.quick) {
    // A second opinion with different synthetic keywords: src/topics/bench.ts (the matcher's own).
    const [, withKeywords] = await benchmarkMatcher({ keywordTopics: GUILD_TOPICS, minSeconds: 1 });
    if (withKeywords) {
      notes.push(
        `src/topics/bench.ts (Matcher alone, its own synthetic keywords): ${formatCount(withKeywords.updatesPerSecond)} updates/s`,
      );
    }
  }
  return {
    id: 3,
    figure: `classify with ${definitions.length} built-in + ${formatCount(GUILD_TOPICS)} guild keyword topics`,
    measured: `${formatCount(perSecond)} updates/s`,
    target: `> ${formatCount(TARGET_PER_SECOND)} updates/s`,
    pass: perSecond > TARGET_PER_SECOND,
    notes,
    how: `Topics.match (one Matcher) over the ${texts.length} labelled updates in a loop on one thread for ${options.quick ? '0.5' : '3'} s; ${matched}/${texts.length} match something; building the matcher took ${formatMs(built.ms)}`,
  };
}
