import { readFileSync } from 'node:fs';
import { fromPackageRoot } from '../../package-root.ts';
import { TopicModel } from './topic-model.ts';

/** The committed weights; read from the source tree, which the package ships, built or not. */
export const BUILTIN_WEIGHTS_FILE = fromPackageRoot('src', 'topics', 'model', 'weights.json');

let model: TopicModel | undefined;

/**
 * The committed model of the built-in topics (no download, no network), parsed once. Read as
 * a file rather than imported as a JSON module: a module would keep the parsed file (a few
 * megabytes) alive next to the model's own table for the life of the process.
 */
export function builtinTopicModel(): TopicModel {
  model ??= TopicModel.parse(JSON.parse(readFileSync(BUILTIN_WEIGHTS_FILE, 'utf8')));
  return model;
}
