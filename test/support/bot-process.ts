import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EnvSchema } from '../../src/config.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEPT_LINES = 200;

export interface BotExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The real bot as its own operating-system process: `node --import tsx src/cli/main.ts start`. */
export interface BotProcess {
  readonly pid: number;
  /** Settles when the process is gone (and reaped, so its pid no longer holds the store lock). */
  readonly exited: Promise<BotExit>;
  readonly running: boolean;
  /** SIGKILL: no handler runs, nothing is flushed; what was not written is lost. */
  kill9(): Promise<BotExit>;
  /** SIGTERM: the bot's own shutdown (finish deliveries under way, close the store). */
  terminate(): Promise<BotExit>;
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  output(): string;
}

/**
 * Every setting the bot reads is passed explicitly ('' = its default), so a developer's
 * `.env` in the project folder cannot change what the test runs.
 */
export function botEnvironment(settings: Record<string, string>): Record<string, string> {
  const all: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) all[key] = '';
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...all,
    ...settings,
  };
}

/** `clockAheadMs` runs the process's clock that far ahead (see shifted-clock.ts). */
/**
 * A bot process on a SQLite file, polling a loopback blog every second and talking to the
 * local Discord; `extra` adds or overrides settings.
 */
export function loopbackBotEnvironment(
  parts: { discordApiUrl: string; blogUrl: string; storeFile: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return botEnvironment({
    DISCORD_TOKEN: 'made-up-test-token',
    DISCORD_API_URL: parts.discordApiUrl,
    STORE_URL: `sqlite://${parts.storeFile}`,
    SOURCES: parts.blogUrl,
    ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
    POLL_CRON: '* * * * * *',
    LOG_FORMAT: 'json',
    ...extra,
  });
}

export function spawnBot(
  env: Record<string, string>,
  options: { clockAheadMs?: number } = {},
): BotProcess {
  const clock = options.clockAheadMs
    ? ['--import', './test/support/shifted-clock.ts']
    : ([] as string[]);
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', ...clock, 'src/cli/main.ts', 'start'],
    {
      cwd: PROJECT_ROOT,
      env: options.clockAheadMs
        ? { ...env, LBA_TEST_CLOCK_SHIFT_MS: String(options.clockAheadMs) }
        : env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let running = true;
  const exited = new Promise<BotExit>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  if (child.pid === undefined) throw new Error('could not start the bot process');
  const pid = child.pid;
  const signal = (name: NodeJS.Signals) => {
    if (running) child.kill(name);
    return exited;
  };
  return {
    pid,
    exited,
    get running() {
      return running;
    },
    kill9: () => signal('SIGKILL'),
    terminate: () => signal('SIGTERM'),
    output: () => lines.join('\n'),
  };
}
