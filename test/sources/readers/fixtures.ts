/** Loads the reader fixtures (copied from the product data; see test/fixtures/real/MANIFEST.md). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function fixture(path: string): Uint8Array {
  return readFileSync(`${FIXTURES}${path}`);
}

export function fixtureText(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, 'utf8');
}

export interface LabelledUpdate {
  id: string;
  title: string;
  body: string;
}

/** The ten labelled updates of the seed live blog, newest first (seed-01 … seed-10). */
export function labelledSeed(): LabelledUpdate[] {
  return fixtureText('seed/seed-updates.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledUpdate);
}

/** `#post-581310` for seed-01 … `#post-581301` for seed-10 (feeds/README.md). */
export function seedFragment(index: number): string {
  return `post-${581310 - index}`;
}

export const SEED_BLOG_URL =
  'https://news.example.com/world/europe/ukraine-russia-war-live-kursk-north-korea-2024-11-18';

/** The seed updates' publication times, newest first (feeds/README.md). */
export const SEED_PUBLISHED = [
  '10:04',
  '09:58',
  '09:49',
  '09:43',
  '09:36',
  '09:28',
  '09:21',
  '09:15',
  '09:09',
  '09:02',
].map((time) => `2024-11-18T${time}:00.000Z`);
