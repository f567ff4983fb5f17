import { ConfigError } from '../config.ts';

/** Ends the process with one clear message: never a stack trace for an expected problem. */
export function fail(problem: unknown): never {
  const text =
    problem instanceof ConfigError || typeof problem === 'string'
      ? String(problem instanceof Error ? problem.message : problem)
      : problem instanceof Error
        ? `${problem.message}`
        : String(problem);
  process.stderr.write(`liveblog-alerts: ${text}\n`);
  process.exit(1);
}
