import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from './logger.ts';

/**
 * Runs the poll on POLL_CRON. node-cron's `noOverlap` skips a tick while the previous
 * poll still runs (the poller also refuses to overlap, for polls started by hand).
 */
export function schedulePolls(
  expression: string,
  poll: () => Promise<unknown>,
  logger: Logger,
): ScheduledTask {
  return cron.schedule(
    expression,
    async () => {
      try {
        await poll();
      } catch (error) {
        logger.error({ error: String(error) }, 'a poll failed unexpectedly');
      }
    },
    { name: 'poll-live-blogs', noOverlap: true },
  );
}
