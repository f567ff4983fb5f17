/**
 * The learning maths of the topic model: logistic regression per topic and the choice of
 * each topic's threshold. Plain arrays in, plain arrays out; train.ts decides what to feed it.
 */

/** One training update as the regression sees it. */
export interface LabelledVector {
  /** Feature indices. */
  features: Int32Array;
  /** Per topic: 1 must be found, 0 must not, -1 optional (left out of that topic's loss). */
  labels: Int8Array;
}

/** Options the regression reads (see TrainingOptions in train.ts). */
export interface FitOptions {
  l2: number;
  passes: number;
  learningRate: number;
}

/**
 * The threshold with the best F-beta on the scored updates (beta < 1 weighs precision more),
 * at least `floor`; undefined when nothing above the floor has three true finds.
 */
export function chooseThreshold(
  scored: { p: number; positive: boolean }[],
  beta: number,
  floor: number,
): number | undefined {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  const positives = sorted.filter((s) => s.positive).length;
  let tp = 0;
  let fp = 0;
  let best: number | undefined;
  let bestScore = -1;
  const b2 = beta * beta;
  for (const s of sorted) {
    if (s.p < floor) break;
    if (s.positive) tp += 1;
    else fp += 1;
    const precision = tp / (tp + fp);
    const recall = tp / Math.max(1, positives);
    const score = ((1 + b2) * precision * recall) / Math.max(1e-9, b2 * precision + recall);
    if (tp >= 3 && score > bestScore) {
      bestScore = score;
      best = s.p;
    }
  }
  return best;
}

export interface Fitted {
  weights: Float64Array;
  bias: Float64Array;
}

/** Logistic regression per topic, full-batch gradient descent with AdaGrad steps and L2. */
export function fitLogistic(
  examples: LabelledVector[],
  features: number,
  topics: number,
  o: FitOptions,
): Fitted {
  const weights = new Float64Array(features * topics);
  const bias = new Float64Array(topics);
  const gradW = new Float64Array(features * topics);
  const gradB = new Float64Array(topics);
  const sumSqW = new Float64Array(features * topics).fill(1e-8);
  const sumSqB = new Float64Array(topics).fill(1e-8);
  const counted = new Float64Array(topics);
  for (const e of examples) {
    for (let t = 0; t < topics; t += 1)
      if (e.labels[t] !== -1) counted[t] = (counted[t] as number) + 1;
  }
  for (let pass = 0; pass < o.passes; pass += 1) {
    gradW.fill(0);
    gradB.fill(0);
    for (const e of examples) {
      const p = probabilitiesOf(weights, bias, topics, e.features);
      for (let t = 0; t < topics; t += 1) {
        const label = e.labels[t] as number;
        if (label === -1) continue;
        const g = ((p[t] as number) - label) / Math.max(1, counted[t] as number);
        gradB[t] = (gradB[t] as number) + g;
        for (const f of e.features) gradW[f * topics + t] = (gradW[f * topics + t] as number) + g;
      }
    }
    for (let i = 0; i < weights.length; i += 1) {
      const g = (gradW[i] as number) + o.l2 * (weights[i] as number);
      sumSqW[i] = (sumSqW[i] as number) + g * g;
      weights[i] = (weights[i] as number) - (o.learningRate * g) / Math.sqrt(sumSqW[i] as number);
    }
    for (let t = 0; t < topics; t += 1) {
      const g = gradB[t] as number;
      sumSqB[t] = (sumSqB[t] as number) + g * g;
      bias[t] = (bias[t] as number) - (o.learningRate * g) / Math.sqrt(sumSqB[t] as number);
    }
  }
  return { weights, bias };
}

export function probabilities(model: Fitted, features: Int32Array): Float64Array {
  return probabilitiesOf(model.weights, model.bias, model.bias.length, features);
}

function probabilitiesOf(
  weights: Float64Array,
  bias: Float64Array,
  topics: number,
  features: Int32Array,
): Float64Array {
  const z = Float64Array.from(bias);
  for (const f of features) {
    for (let t = 0; t < topics; t += 1)
      z[t] = (z[t] as number) + (weights[f * topics + t] as number);
  }
  for (let t = 0; t < topics; t += 1) z[t] = 1 / (1 + Math.exp(-(z[t] as number)));
  return z;
}
