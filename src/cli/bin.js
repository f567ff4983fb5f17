#!/usr/bin/env node
// The installed `liveblog-alerts` command: the compiled CLI, which `npm ci` builds into dist/
// (the `prepare` script). `npm run dev` and the tests run the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const main = new URL('../../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('liveblog-alerts: not built yet: run `npm run build` (npm ci does it)\n');
  process.exit(1);
}
await import(main.href);
