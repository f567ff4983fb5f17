import type { AlertView } from '../core/alert.ts';
import type { DeliveryTarget } from '../core/route.ts';

/**
 * How a failed send should be handled:
 * - `retry`: Discord was busy or broken (429 after the client's own retries, 5xx, network);
 * - `pause`: the place refuses the bot (Missing Access/Permissions, Unknown Channel) until an admin acts;
 * - `undeliverable`: this one message can never go (a member's DMs are closed, message deleted).
 */
export class DeliveryFailure extends Error {
  constructor(
    readonly kind: 'retry' | 'pause' | 'undeliverable',
    message: string,
    readonly code?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

/** The outbound port for alerts; the Discord adapter implements it. */
export interface AlertSender {
  /** Posts once: a re-send with the same nonce returns the message already posted. */
  post(view: AlertView, target: DeliveryTarget, nonce: string): Promise<string>;
  /**
   * The id of the bot's own alert for this update among the place's recent messages, if
   * there is one: a post Discord accepted but the bot never recorded, once the nonce that
   * would have caught a re-send may be forgotten (see lost-post.ts).
   */
  findPosted(view: AlertView, target: DeliveryTarget): Promise<string | undefined>;
  edit(view: AlertView, target: DeliveryTarget, messageId: string): Promise<void>;
  /** Crossposts an announcement-channel message to the servers that follow it. */
  publish(channelId: string, messageId: string): Promise<void>;
  /** A plain notice from the bot to a guild channel (e.g. "alerts paused in #x because …"). */
  notice(channelId: string, text: string): Promise<void>;
}
