import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { findPackageRoot, PACKAGE_ROOT } from '../src/package-root.ts';
import { LABELLED_FILES } from '../src/topics/accuracy.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('the project root is the folder of this package.json, and labelled files live under it', () => {
  expect(PACKAGE_ROOT).toBe(join(import.meta.dirname, '..'));
  for (const file of LABELLED_FILES) expect(file.startsWith(join(PACKAGE_ROOT, 'test'))).toBe(true);
});

test('compiled code finds the same root from any depth, skipping other packages’ manifests', () => {
  const root = mkdtempSync(join(tmpdir(), 'lba-root-'));
  dirs.push(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'liveblog-alerts' }));
  const compiled = join(root, 'dist', 'src', 'topics');
  mkdirSync(compiled, { recursive: true });
  // A manifest on the way up that is not the project's (dist/package.json with type=module).
  writeFileSync(join(root, 'dist', 'package.json'), JSON.stringify({ type: 'module' }));
  expect(findPackageRoot(compiled)).toBe(root);
});

test('no project above: a clear error', () => {
  const lonely = mkdtempSync(join(tmpdir(), 'lba-lonely-'));
  dirs.push(lonely);
  expect(() => findPackageRoot(lonely)).toThrow(/No liveblog-alerts package\.json above/);
});
