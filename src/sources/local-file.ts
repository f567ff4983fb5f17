import { open, stat } from 'node:fs/promises';
import { FetchError, tooLargeError } from './fetch.ts';

const CHUNK_BYTES = 64 * 1024;

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
};

function unreadable(path: string, error: unknown): FetchError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code && REASONS[code]) ?? code ?? 'unknown error';
  return new FetchError('network', `cannot read the local source ${path}: ${reason}`);
}

/**
 * Reads a snapshot file the operator configured as a source (never a path an admin typed).
 * Reads in chunks and stops past `maxBytes`, so a file that grows while being read is caught too.
 */
export async function readLocalSource(path: string, maxBytes: number): Promise<Uint8Array> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  // Checked before opening: opening a FIFO or device could block forever.
  if (info.isDirectory()) throw unreadable(path, { code: 'EISDIR' });
  if (!info.isFile()) {
    throw new FetchError('network', `cannot read the local source ${path}: not a regular file`);
  }
  if (info.size > maxBytes) throw tooLargeError(path, maxBytes);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLargeError(path, maxBytes);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks);
  } catch (error) {
    throw error instanceof FetchError ? error : unreadable(path, error);
  } finally {
    await handle.close();
  }
}
