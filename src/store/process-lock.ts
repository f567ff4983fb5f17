import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export class StoreLockedError extends Error {
  constructor(path: string, pid: number) {
    super(
      `another liveblog-alerts process (pid ${pid}) is already using ${path}; ` +
        'two bots on one store would both deliver every alert, so this one stops here',
    );
    this.name = 'StoreLockedError';
  }
}

/**
 * An exclusive claim on an embedded store file, held by this process until released.
 * A claim left behind by a killed process is taken over, since its pid is gone.
 */
export function claimStoreFile(path: string): () => void {
  const lockPath = `${path}.lock`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        mkdirSync(lockPath.replace(/[/\\][^/\\]*$/, ''), { recursive: true });
        continue;
      }
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new StoreLockedError(path, holder);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not claim ${path}: its lock file keeps reappearing`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
