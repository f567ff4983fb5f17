import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

/** The shared servers of the project's machines (and CI's), overridable for other set-ups. */
export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when something accepts TCP connections at the URL's host and port. */
export function reachable(url: string, timeoutMs = 2_000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Whether a suite needing `url` can run. Where the server is missing the suite is skipped
 * with the reason printed; under CI=true a missing server is an error, since CI's machines
 * always run it and a silent skip would hide a broken set-up.
 */
export async function serverFor(name: string, url: string): Promise<boolean> {
  if (await reachable(url)) return true;
  const reason = `${name} is not reachable at ${url}`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI must run this suite`);
  console.warn(`skipping the ${name} suite: ${reason} (set CI=true to make this an error)`);
  return false;
}

/** A key prefix of one's own, so test files running at once never meet on a shared server. */
export function uniquePrefix(label: string): string {
  return `lba-test-${label}-${randomBytes(6).toString('hex')}:`;
}
