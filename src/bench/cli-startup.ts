import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fromPackageRoot } from '../package-root.ts';
import { siblingModule } from './compiled.ts';
import { formatMs, median, nowMs } from './measure.ts';
import type { BenchOptions } from './options.ts';
import type { FigureResult } from './table.ts';

const TARGET_MS = 600;
const run = promisify(execFile);

/** Figure 9: the command line from start to exit, `check` on a small saved live blog. */
export async function benchCliStartup(options: BenchOptions): Promise<FigureResult> {
  const runs = options.quick ? 1 : 10;
  const cli = siblingModule(import.meta.url, '../cli/main');
  const blog = fromPackageRoot('src/demo/sample/t0.html');
  const once = async () => {
    const started = nowMs();
    await run(process.execPath, [...cli.nodeArgs, cli.path, 'check', blog], {
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '' },
    });
    return nowMs() - started;
  };
  if (!options.quick) await once(); // not counted: fills the file cache
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) durations.push(await once());
  const value = median(durations);
  options.log(`cli start-up: ${formatMs(value)}`);
  return {
    id: 9,
    figure: 'CLI start-up: `check` on a small saved blog',
    measured: formatMs(value),
    target: `< ${formatMs(TARGET_MS)}`,
    pass: value < TARGET_MS,
    how: `${cli.compiled ? 'compiled JavaScript from dist/' : 'TypeScript through tsx'}: node …/cli/main check src/demo/sample/t0.html as its own process, from spawn to exit; ${options.quick ? 'one run' : `median of ${runs} runs after one warm-up`}`,
  };
}
