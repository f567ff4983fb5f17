import { requireDiscordToken } from '../config.ts';
import { startBot } from '../main.ts';
import { loadEnvironment } from './environment.ts';

export async function runStart(): Promise<void> {
  const { config, logger } = loadEnvironment();
  requireDiscordToken(config);
  const bot = await startBot(config, { logger });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing deliveries under way');
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
