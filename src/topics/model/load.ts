import { TopicModel } from './topic-model.ts';
import weights from './weights.json' with { type: 'json' };

let model: TopicModel | undefined;

/** The committed model of the built-in topics (no download, no network), parsed once. */
export function builtinTopicModel(): TopicModel {
  model ??= TopicModel.parse(weights);
  return model;
}
