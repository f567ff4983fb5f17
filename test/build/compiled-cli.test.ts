import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDiscord, startLocalDiscord } from '../../src/local-discord/server.ts';
import { botEnvironment } from '../support/bot-process.ts';
import { type NodeRun, runNode } from '../support/run-node.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Records every module the process resolves, one URL a line, in the file LBA_TRACE_FILE names. */
const TRACE_HOOKS = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.LBA_TRACE_FILE, resolved.url + '\\n');
  return resolved;
}`;
const TRACE_REGISTER = `import { register } from 'node:module';
register(new URL('./trace-hooks.mjs', import.meta.url));`;

interface CompiledRun extends NodeRun {
  /** The URL of every module the process resolved. */
  modules: string[];
}

// The build goes inside the project (under node_modules/.cache) so that its imports resolve
// the project's dependencies, and away from dist/ so that a developer's build is left alone.
let out = '';
let runs = 0;

/** Runs the compiled command line, recording the modules it loads. */
async function runCompiled(
  args: string[],
  env: Record<string, string>,
  until?: RegExp,
): Promise<CompiledRun> {
  runs += 1;
  const trace = join(out, `trace-${runs}.txt`);
  writeFileSync(trace, '');
  const register = pathToFileURL(join(out, 'trace-register.mjs')).href;
  const run = await runNode(['--import', register, join(out, 'src/cli/main.js'), ...args], {
    cwd: ROOT,
    env: { ...env, LBA_TRACE_FILE: trace },
    ...(until ? { until } : {}),
  });
  return { ...run, modules: readFileSync(trace, 'utf8').split('\n').filter(Boolean) };
}

/** The project's own modules: the build's, and any (wrongly) loaded from the sources. */
function ownModules(run: CompiledRun): string[] {
  const root = pathToFileURL(ROOT).href;
  const build = pathToFileURL(out).href;
  return run.modules.filter(
    (url) => url.startsWith(build) || (url.startsWith(root) && !url.includes('/node_modules/')),
  );
}

const built = (path: string) => pathToFileURL(join(out, path)).href;

describe('the compiled build (src/tsconfig.build.json)', () => {
  beforeAll(async () => {
    mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
    out = mkdtempSync(join(ROOT, 'node_modules/.cache/lba-build-test-'));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const build = await runNode([tsc, '-p', 'src/tsconfig.build.json', '--outDir', out], {
      cwd: ROOT,
      limitMs: 280_000,
    });
    expect(build.output).toBe('');
    expect(build.code).toBe(0);
    writeFileSync(join(out, 'trace-hooks.mjs'), TRACE_HOOKS);
    writeFileSync(join(out, 'trace-register.mjs'), TRACE_REGISTER);
  }, 300_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  describe('start', () => {
    let discord: LocalDiscord;
    let dir: string;
    beforeAll(async () => {
      discord = await startLocalDiscord({ guilds: [{ name: 'Build', channels: [{ name: 'a' }] }] });
      dir = mkdtempSync(join(tmpdir(), 'lba-build-start-'));
    });
    afterAll(async () => {
      await discord.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('connects from compiled JavaScript alone, loading neither the benchmark, the local Discord, tsx nor pino-pretty', async () => {
      const run = await runCompiled(
        ['start'],
        botEnvironment({
          DISCORD_TOKEN: 'build-test-token',
          DISCORD_API_URL: discord.apiUrl,
          STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
          LOG_FORMAT: 'json',
        }),
        /connected to Discord/,
      );
      expect(run.output).toMatch(/connected to Discord/);
      const own = ownModules(run);
      expect(own).toContain(built('src/main.js'));
      expect(own).toContain(built('commands/subscribe.js'));
      expect(own.filter((url) => !url.startsWith(pathToFileURL(out).href))).toEqual([]);
      expect(run.modules.some((url) => url.includes('/node_modules/discord.js/'))).toBe(true);
      const unwanted = run.modules.filter((url) =>
        /\/src\/(bench|local-discord|demo)\/|\/node_modules\/(tsx|pino-pretty)\/|\.ts$/.test(url),
      );
      expect(unwanted).toEqual([]);
    }, 120_000);
  });

  it('checks a blog with the compiled topics and without loading discord.js', async () => {
    const run = await runCompiled(
      ['check', '--json', 'test/fixtures/feeds/seed-rss.xml'],
      botEnvironment({}),
    );
    expect(run.code, run.output).toBe(0);
    const updates = run.output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { topics: string[] });
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.some((update) => update.topics.length > 0)).toBe(true);
    expect(run.modules.filter((url) => /discord\.js|pino/.test(url))).toEqual([]);
    expect(ownModules(run)).toContain(built('alerts/air-raid.js'));
  }, 120_000);

  it('runs the demo from the build: sample pages and alert files found at run time', async () => {
    const run = await runCompiled(['demo'], botEnvironment({}));
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Done: [1-9]\d* alerts posted, none twice/);
  }, 120_000);

  it('finds the labelled updates the bench reports accuracy on, from any folder', async () => {
    const load = `const { loadLabelled } = await import(${JSON.stringify(built('src/topics/accuracy.js'))});
console.log((await loadLabelled()).length);`;
    const run = await runNode(['--input-type=module', '-e', load], { cwd: tmpdir() });
    expect(run.code, run.output).toBe(0);
    expect(Number(run.output.trim())).toBeGreaterThan(0);
  }, 60_000);
});
