import { ConfigError } from '../config.ts';
import { redactSecrets, registerSecret } from '../secrets.ts';

/**
 * Ends the process with one clear message: never a stack trace for an expected problem, and
 * never the token, which an error from Discord (or a proxy) or a misplaced setting may quote.
 */
export function fail(problem: unknown): never {
  // The token may not have been read yet when configuration itself failed.
  registerSecret(process.env.DISCORD_TOKEN);
  const text =
    problem instanceof ConfigError || typeof problem === 'string'
      ? String(problem instanceof Error ? problem.message : problem)
      : problem instanceof Error
        ? `${problem.message}`
        : String(problem);
  process.stderr.write(`liveblog-alerts: ${redactSecrets(text)}\n`);
  process.exit(1);
}
