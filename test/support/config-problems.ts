import { ConfigError, parseConfig } from '../../src/config.ts';

/** The problems parseConfig names for `env`; fails when it accepts it. */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}
