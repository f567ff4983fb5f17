import { type Config, loadDotEnv, parseConfig } from '../config.ts';
import { createLogger, type Logger } from '../logger.ts';

/** Reads `.env` and the environment once, for commands that neither log nor talk to Discord. */
export function loadConfigOnly(): Config {
  loadDotEnv();
  return parseConfig(process.env);
}

/** Reads `.env` and the environment once, and makes the logger that hides the token. */
export function loadEnvironment(): { config: Config; logger: Logger } {
  loadDotEnv();
  const config = parseConfig(process.env);
  const logger = createLogger({
    level: config.LOG_LEVEL,
    format: config.LOG_FORMAT,
    secrets: config.DISCORD_TOKEN ? [config.DISCORD_TOKEN] : [],
  });
  return { config, logger };
}
