import type { AlertView } from '../core/alert.ts';
import type { Delivery } from '../core/delivery.ts';
import type { Logger } from '../logger.ts';
import type { AlertSender } from './alert-sender.ts';

/**
 * How long the bot trusts Discord to remember a nonce. Discord keeps them "a few minutes"
 * (the local Discord exactly five); two leaves a margin for clocks and slow requests.
 */
export const NONCE_TRUST_MS = 2 * 60_000;

/**
 * Whether an earlier attempt at this post may lie beyond the nonce's memory. The delivery
 * was written down before any attempt, so its age bounds every attempt's: a post queued
 * within the window can only have been tried within it, and the nonce still catches a
 * re-send. An older one may have been accepted by Discord and never recorded (the bot was
 * killed in between, then stayed down): that post must be looked for before sending again.
 */
export function mayOutliveNonce(delivery: Delivery, now: Date): boolean {
  return (
    delivery.action === 'post' && now.getTime() - Date.parse(delivery.createdAt) >= NONCE_TRUST_MS
  );
}

/**
 * The message id of an alert for this delivery that is already in its place, found among
 * the place's recent messages; undefined when a post is still needed.
 */
export async function findLostPost(
  deps: { sender: AlertSender; logger: Logger },
  view: AlertView,
  delivery: Delivery,
  now: Date,
): Promise<string | undefined> {
  if (!mayOutliveNonce(delivery, now)) return undefined;
  const messageId = await deps.sender.findPosted(view, delivery.target);
  if (messageId !== undefined) {
    deps.logger.info(
      { delivery: delivery.id, messageId },
      'alert was already posted before a restart: adopting it instead of posting again',
    );
  }
  return messageId;
}
