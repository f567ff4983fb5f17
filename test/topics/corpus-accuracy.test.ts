import { beforeAll, describe, expect, it } from 'vitest';
import type { LabelledUpdate } from '../../src/topics/accuracy.ts';
import { loadBuiltinMatcher } from '../../src/topics/builtin.ts';
import {
  evaluateByLanguage,
  formatLanguageTable,
  LANGUAGES,
  loadCorpus,
} from '../../src/topics/corpus.ts';
import type { Matcher } from '../../src/topics/matcher.ts';
import { BUILTIN_TOPIC_IDS } from '../support/builtin-topic-ids.ts';

// The corpus in test/fixtures/corpus: `dev` is what topics and the model are tuned on; `blind`
// was committed before the matcher changed and is never tuned on. The blind figures printed
// here are the ones the README quotes; the floors below only catch a regression.
const TOPICS = BUILTIN_TOPIC_IDS;

let matcher: Matcher;
let dev: LabelledUpdate[];
let blind: LabelledUpdate[];
beforeAll(async () => {
  matcher = await loadBuiltinMatcher();
  [dev, blind] = await Promise.all([loadCorpus('dev'), loadCorpus('blind')]);
});

function report(title: string, labelled: LabelledUpdate[]) {
  const groups = evaluateByLanguage(matcher, labelled);
  const lines = [title, ...formatLanguageTable(groups).split('\n')];
  console.log(lines.map((line) => `[figure] ${line}`).join('\n'));
  return groups;
}

describe('the evaluation corpus', () => {
  it('has at least 1,200 updates, 300 each in Ukrainian and Russian, every topic in every language', () => {
    const all = [...dev, ...blind];
    expect(all.length).toBeGreaterThanOrEqual(1200);
    expect(all.filter((u) => u.lang === 'uk').length).toBeGreaterThanOrEqual(300);
    expect(all.filter((u) => u.lang === 'ru').length).toBeGreaterThanOrEqual(300);
    for (const part of [dev, blind]) {
      for (const lang of LANGUAGES) {
        const updates = part.filter((u) => u.lang === lang);
        expect(
          updates.filter((u) => u.topics.length === 0).length,
          `${lang} with no topic`,
        ).toBeGreaterThan(10);
        for (const topic of TOPICS) {
          expect(
            updates.filter((u) => u.topics.includes(topic)).length,
            `${lang} ${topic}`,
          ).toBeGreaterThanOrEqual(5);
        }
      }
    }
  });

  it('keeps dev and blind apart: no shared id, no shared text', () => {
    const devIds = new Set(dev.map((u) => u.id));
    const devBodies = new Set(dev.map((u) => u.body.trim().toLowerCase()));
    expect(blind.filter((u) => devIds.has(u.id))).toEqual([]);
    expect(
      blind.filter((u) => devBodies.has(u.body.trim().toLowerCase())).map((u) => u.id),
    ).toEqual([]);
    expect(new Set(blind.map((u) => u.id)).size).toBe(blind.length);
    expect(devIds.size).toBe(dev.length);
  });
});

describe('built-in topics on the corpus', () => {
  it('prints precision and recall per topic and language on dev', () => {
    const groups = report(`dev corpus (${dev.length} updates, tuned on)`, dev);
    expect(groups[0]?.perTopic.map((t) => t.topic)).toEqual(TOPICS);
  });

  it('prints precision and recall per topic and language on blind, above the regression floors', () => {
    const groups = report(`blind corpus (${blind.length} updates, never tuned on)`, blind);
    const all = groups[0]?.perTopic ?? [];
    expect(all.map((t) => t.topic)).toEqual(TOPICS);
    const airRaid = all.find((t) => t.topic === 'air-raid');
    expect(airRaid?.precision ?? 0).toBeGreaterThanOrEqual(FLOOR.airRaidPrecision);
    for (const t of all) {
      expect(t.precision, `${t.topic} precision`).toBeGreaterThanOrEqual(FLOOR.precision);
      expect(t.recall, `${t.topic} recall`).toBeGreaterThanOrEqual(FLOOR.recall);
    }
  });

  it('prints the second blind wave alone (written after the model landed)', () => {
    // The first wave (1) was measured three times while the model was built; wave 2 (ids b2-)
    // was committed before any later change to the matcher and is the freshest yardstick.
    const wave2 = blind.filter((u) => u.id.startsWith(WAVE_2));
    const groups = report(`blind wave 2 (${wave2.length} updates, never tuned on)`, wave2);
    expect(wave2.length).toBeGreaterThanOrEqual(300);
    expect(groups[0]?.perTopic.map((t) => t.topic)).toEqual(TOPICS);
  });
});

const WAVE_2 = 'b2-';

// Just under the figures measured on the whole blind set (both waves, 816 updates) at the end
// of round 2: lowest precision 0.91 (diplomacy), air-raid precision 0.93, lowest recall 0.92
// (diplomacy). Air-raid precision was 0.95 on the same 816 before this round's phrase growth
// and new dev data; the README says so. A regression fails here; an improvement should raise
// them.
const FLOOR = { precision: 0.9, recall: 0.9, airRaidPrecision: 0.92 };
