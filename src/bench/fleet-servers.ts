import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, createServer } from 'node:net';
import pg from 'pg';

/** Where the fleet bench finds PostgreSQL and Redis (the project's machines run both). */
export const BENCH_POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** A database of one's own on a shared PostgreSQL server, dropped afterwards. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Used by the fleet bench and the fleet tests alike; `label` says whose it is. */
export async function scratchDatabase(
  serverUrl: string,
  label = 'bench',
): Promise<ScratchDatabase> {
  const name = `lba_${label}_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A redis-server of the bench's own on a free port, so the bench never touches another
 * Redis's data; where redis-server is not installed, the shared one on 6379 with a prefix
 * of the bench's own.
 */
export async function benchRedis(): Promise<{
  url: string;
  prefix: string;
  stop(): Promise<void>;
}> {
  const prefix = `lba-bench-${randomBytes(4).toString('hex')}`;
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    return { url: 'redis://127.0.0.1:6379', prefix, stop: async () => undefined };
  }
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 200 && !(await listening(port)); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    prefix,
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
  };
}
