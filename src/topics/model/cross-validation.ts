import type { LabelledVector } from './logistic.ts';

/** A training update with what the report needs besides its features and labels. */
export interface Example extends LabelledVector {
  id: string;
  /** The update's language (the older labelled files have none): CV figures per language. */
  lang: string | undefined;
  /** Per topic: whether one of its phrases holds. */
  held: Uint8Array;
  /** Per held topic: the features of its phrase sentences read alone (see sentenceReadings). */
  local: Map<number, Int32Array[]>;
}

/** Precision and recall per topic from the out-of-fold probabilities and the thresholds. */
export function crossValidated(
  examples: Example[],
  outOfFold: Float64Array[],
  topicIds: string[],
  threshold: number[],
  listMistakes: boolean,
): string[] {
  const lines = ['cross-validated on the training data (topic: phrases only → with the model)'];
  const count = (t: number, only: (e: Example) => boolean) => {
    const before = { tp: 0, fp: 0, fn: 0 };
    const after = { tp: 0, fp: 0, fn: 0 };
    examples.forEach((e, i) => {
      if (e.labels[t] === -1 || !only(e)) return;
      const p = (outOfFold[i] as Float64Array)[t] as number;
      const phrase = e.held[t] === 1;
      const raised = phrase && p >= (threshold[t] as number);
      const positive = e.labels[t] === 1;
      for (const [counts, found] of [
        [before, phrase],
        [after, raised],
      ] as const) {
        if (found && positive) counts.tp += 1;
        else if (found) counts.fp += 1;
        else if (positive) counts.fn += 1;
      }
    });
    return { before, after };
  };
  const precision = (c: Counts) => (c.tp / Math.max(1, c.tp + c.fp)).toFixed(3);
  const recall = (c: Counts) => (c.tp / Math.max(1, c.tp + c.fn)).toFixed(3);
  topicIds.forEach((topic, t) => {
    const { before, after } = count(t, () => true);
    const pr = (c: Counts) => `P ${precision(c)} R ${recall(c)} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
    lines.push(`  ${topic.padEnd(15)} ${pr(before)}  →  ${pr(after)}`);
  });
  // The corpus languages alone (with the model), so uk and ru can be held to en.
  const languages = ['en', 'uk', 'ru'];
  lines.push(
    `  with the model, per language: P / R   ${languages.map((l) => l.padEnd(13)).join(' ')}`,
  );
  topicIds.forEach((topic, t) => {
    const cells = languages.map((lang) => {
      const { after } = count(t, (e) => e.lang === lang);
      return `${precision(after)} / ${recall(after)}`;
    });
    lines.push(`  ${topic.padEnd(15)}                        ${cells.join(' ')}`);
  });
  if (listMistakes) lines.push(...mistakesOf(examples, outOfFold, topicIds, threshold));
  return lines;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Each update the cross-validated model gets wrong, to read next to its text. */
function mistakesOf(
  examples: Example[],
  outOfFold: Float64Array[],
  topicIds: string[],
  threshold: number[],
): string[] {
  const lines: string[] = [];
  examples.forEach((e, i) => {
    topicIds.forEach((topic, t) => {
      const p = ((outOfFold[i] as Float64Array)[t] as number).toFixed(2);
      const raised = e.held[t] === 1 && Number(p) >= (threshold[t] as number);
      if (e.labels[t] === 1 && !raised) {
        lines.push(`  missed ${topic} ${e.id} (${e.held[t] ? `model ${p}` : 'no phrase'})`);
      } else if (e.labels[t] === 0 && raised) {
        lines.push(`  false ${topic} ${e.id} (model ${p})`);
      }
    });
  });
  return lines;
}
