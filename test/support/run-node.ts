import { spawn } from 'node:child_process';

export interface NodeRun {
  code: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

export interface RunNodeOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Ends a long-running process (SIGTERM) once its output shows what the test waits for. */
  until?: RegExp;
  /** A hung process is killed after this long; generous, as the machine may be busy. */
  limitMs?: number;
}

/** Runs `node <args>` as its own process and keeps everything it prints. */
export function runNode(args: string[], options: RunNodeOptions): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stopping = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), options.limitMs ?? 90_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!stopping && options.until?.test(output)) {
        stopping = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
