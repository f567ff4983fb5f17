import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { reachable } from './servers.ts';

/** A redis-server of the test's own, on a free loopback port, keeping nothing on disk. */
export interface PrivateRedis {
  url: string;
  /** Kills the server (-9) and starts a new, empty one on the same port. */
  restartEmpty(): Promise<void>;
  stop(): Promise<void>;
}

export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * Whether a suite that starts a redis-server of its own can run. Where none is installed the
 * suite is skipped with the reason printed; under CI=true that is an error, as in servers.ts.
 */
export function redisServerFor(suite: string): boolean {
  if (hasRedisServer()) return true;
  const reason = 'redis-server is not installed (the suite starts one of its own)';
  if (process.env.CI === 'true') throw new Error(`${reason}; CI must run this suite`);
  console.warn(`skipping the ${suite} suite: ${reason}`);
  return false;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await until(() => reachable(url, 500), `redis-server on port ${port}`);
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await gone;
  };
  await launch();
  return {
    url,
    async restartEmpty() {
      await kill();
      await launch();
    },
    stop: kill,
  };
}
