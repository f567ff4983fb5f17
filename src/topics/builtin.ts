import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type TopicDefinition, TopicDefinitionSchema } from './definition.ts';
import { Matcher, toMatchable } from './matcher.ts';
import { builtinTopicModel } from './model/load.ts';

/** The folder of built-in topics: one `<id>.ts` file per topic (`<id>.js` once built). */
export const ALERTS_DIR = fileURLToPath(new URL('../../alerts/', import.meta.url));

/**
 * Imports every `*.ts` (or compiled `*.js`) file of the alerts folder (listed at run time, so adding a file adds a
 * topic), validates each default export and returns them sorted by id. A broken file stops
 * the start with a message naming the file and the field, e.g.
 * `alerts/aid.ts: include.en: expected an array of strings`.
 */
export async function loadBuiltinTopics(dir: string = ALERTS_DIR): Promise<TopicDefinition[]> {
  const files = (await readdir(dir))
    .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
    .sort();
  const label = (file: string) => `${basename(dir)}/${file}`;
  const topics: TopicDefinition[] = [];
  for (const file of files) {
    let module: { default?: unknown };
    try {
      module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    } catch (error) {
      throw new Error(`${label(file)}: cannot be loaded: ${(error as Error).message}`);
    }
    if (module.default === undefined) throw new Error(`${label(file)}: has no default export`);
    const parsed = TopicDefinitionSchema.safeParse(module.default);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => {
        const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        return `${label(file)}: ${where}${issue.message}`;
      });
      throw new Error(problems.join('\n'));
    }
    const expectedId = file.slice(0, -'.ts'.length); // '.js' is as long
    if (parsed.data.id !== expectedId) {
      throw new Error(`${label(file)}: id: must equal the file name, "${expectedId}"`);
    }
    topics.push(parsed.data);
  }
  return topics;
}

/** The built-in topics with their trained model: what the bot, `check` and the tests use. */
export async function loadBuiltinMatcher(dir: string = ALERTS_DIR): Promise<Matcher> {
  return new Matcher((await loadBuiltinTopics(dir)).map(toMatchable), builtinTopicModel());
}
