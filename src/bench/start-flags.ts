import { readFileSync } from 'node:fs';
import { fromPackageRoot } from '../package-root.ts';

/**
 * The node options `npm start` gives the bot (package.json's `start` script, e.g.
 * `--max-semi-space-size=4`), so a figure that stands for the running bot runs it the same way.
 */
export function startNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(fromPackageRoot('package.json'), 'utf8')) as {
    scripts?: { start?: string };
  };
  const words = (manifest.scripts?.start ?? '').trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error('package.json: the start script must run node');
  const flags: string[] = [];
  for (const word of words.slice(1)) {
    if (!word.startsWith('--')) break;
    flags.push(word);
  }
  return flags;
}
