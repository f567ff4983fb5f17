import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'liveblog-alerts';

function isProjectRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** Walks up from `start` to the folder whose package.json names this project. */
export function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (isProjectRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No ${PACKAGE_NAME} package.json above ${start}`);
    dir = parent;
  }
}

/**
 * The project's folder, found from this file's own location, so data files resolve the same
 * whether the code runs from src/ through tsx or compiled into dist/ (any depth).
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `fromPackageRoot('test', 'fixtures', 'labelled')`. */
export function fromPackageRoot(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
