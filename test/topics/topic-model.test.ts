import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadBuiltinTopics } from '../../src/topics/builtin.ts';
import { loadCorpus } from '../../src/topics/corpus.ts';
import { Matcher, toMatchable } from '../../src/topics/matcher.ts';
import { updateFeatures } from '../../src/topics/model/features.ts';
import { builtinTopicModel } from '../../src/topics/model/load.ts';
import { chooseThreshold } from '../../src/topics/model/logistic.ts';
import { TopicModel } from '../../src/topics/model/topic-model.ts';
import { train, trainingData, WEIGHTS_FILE } from '../../src/topics/model/train.ts';

describe('the topic model', () => {
  it('is exactly what `npm run train-topics` makes from the committed dev data (never the blind part)', async () => {
    const { files, updates } = await trainingData();
    expect(files.some((f) => f.includes('/corpus/blind/'))).toBe(false);
    const trained = await train(updates, files);
    const committed = JSON.parse(await readFile(WEIGHTS_FILE, 'utf8'));
    expect(trained).toEqual(committed);
  }, 180_000);

  it('scores word by word exactly as the feature strings training reads', async () => {
    const matcher = new Matcher((await loadBuiltinTopics()).map(toMatchable));
    const model = builtinTopicModel();
    for (const update of (await loadCorpus('dev')).slice(0, 300)) {
      const { words, held } = matcher.held(update);
      const fast = model.scores(words, held);
      const slow = model.logits(updateFeatures(words, held));
      for (let t = 0; t < fast.length; t += 1) {
        expect(fast[t], update.id).toBeCloseTo(slow[t] as number, 9);
      }
    }
  });

  it('only confirms: a topic none of whose phrases hold is never raised', async () => {
    const model = builtinTopicModel();
    const matcher = new Matcher((await loadBuiltinTopics()).map(toMatchable), model);
    const plain = new Matcher((await loadBuiltinTopics()).map(toMatchable));
    for (const update of await loadCorpus('dev')) {
      const phrases = new Set(plain.match(update).map((m) => m.topicId));
      for (const m of matcher.match(update)) expect(phrases.has(m.topicId), update.id).toBe(true);
    }
  });

  it('refuses a weights file of the wrong shape, naming the field', () => {
    expect(() =>
      TopicModel.parse({
        version: 1,
        topics: ['a'],
        bias: [],
        threshold: [0.5],
        sentenceAlone: [],
        weights: {},
        trainedOn: { files: [], updates: 0 },
      }),
    ).toThrow(/bias: expected 1 values/);
    expect(() =>
      TopicModel.parse({
        version: 1,
        topics: ['a'],
        bias: [0],
        threshold: [0.5],
        sentenceAlone: [],
        weights: { 'w:siren': [0.5], 'w:alert': [0.1, 0.2] },
        trainedOn: { files: [], updates: 0 },
      }),
    ).toThrow(/weights\.w:alert: expected 1 values/);
  });

  it('picks the threshold with the best F-beta', () => {
    const scored = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3].map((p, i) => ({
      p,
      positive: i !== 3 && i < 5,
    }));
    // recall matters at beta 1: taking 0.4 adds a true find past the false one at 0.6
    expect(chooseThreshold(scored, 1, 0.2)).toBe(0.4);
    // precision matters at beta 0.3: stop before the false alarm
    expect(chooseThreshold(scored, 0.3, 0.2)).toBe(0.7);
  });
});
