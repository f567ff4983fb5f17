import {
  type APIMessage,
  type APIUser,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  type REST,
  Routes,
} from 'discord.js';
import { type AlertSender, DeliveryFailure } from '../app/alert-sender.ts';
import type { AlertView } from '../core/alert.ts';
import type { DeliveryTarget } from '../core/route.ts';
import { redactSecrets } from '../secrets.ts';
import { isAlertFor } from './alert-identity.ts';
import { renderAlert, renderAlertEdit } from './render.ts';

/** Discord error codes that mean "this place refuses the bot until an admin acts". */
const PAUSING_CODES = new Set([10003, 50001, 50013]);
/** Codes that mean "this one message can never be delivered". */
const UNDELIVERABLE_CODES = new Set([10008, 10013, 50007]);
/** "This message has already been crossposted." */
const ALREADY_PUBLISHED = 40033;
/** How far back a lost post is looked for: Discord's largest page of channel history. */
const HISTORY_PAGE = 100;

/**
 * Sends alerts through discord.js's REST client (which retries 429s). The client's
 * requests wait their turn from the pacer (see pacedRequests), which spaces the requests
 * of this process (or of a whole fleet) evenly under Discord's global limit.
 */
export class DiscordAlertSender implements AlertSender {
  private readonly dmChannels = new Map<string, string>();
  private botUserId: Promise<string> | undefined;

  constructor(private readonly rest: REST) {}

  async post(view: AlertView, target: DeliveryTarget, nonce: string): Promise<string> {
    return guard(async () => {
      const channelId = await this.channelOf(target);
      const body = { ...renderAlert(view), nonce, enforce_nonce: true };
      const message = (await this.rest.post(Routes.channelMessages(channelId), { body })) as {
        id: string;
      };
      return message.id;
    });
  }

  async findPosted(view: AlertView, target: DeliveryTarget): Promise<string | undefined> {
    return guard(async () => {
      const channelId = await this.channelOf(target);
      const botUserId = await this.ownUserId();
      // Needs Read Message History; without it Discord lists nothing and the alert is posted.
      const recent = (await this.rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ limit: String(HISTORY_PAGE) }),
      })) as APIMessage[];
      return recent.find((message) => isAlertFor(message, view, botUserId))?.id;
    });
  }

  async edit(view: AlertView, target: DeliveryTarget, messageId: string): Promise<void> {
    await guard(async () => {
      const channelId = await this.channelOf(target);
      await this.rest.patch(Routes.channelMessage(channelId, messageId), {
        body: renderAlertEdit(view),
      });
    });
  }

  async publish(channelId: string, messageId: string): Promise<void> {
    try {
      await this.rest.post(Routes.channelMessageCrosspost(channelId, messageId));
    } catch (error) {
      // Published already (by the attempt a crash cut short): what was asked is done.
      if (error instanceof DiscordAPIError && error.code === ALREADY_PUBLISHED) return;
      throw classify(error);
    }
  }

  async notice(channelId: string, text: string): Promise<void> {
    await guard(async () => {
      await this.rest.post(Routes.channelMessages(channelId), {
        body: { content: text, allowed_mentions: { parse: [] } },
      });
    });
  }

  private ownUserId(): Promise<string> {
    this.botUserId ??= (this.rest.get(Routes.user()) as Promise<APIUser>).then((user) => user.id);
    this.botUserId.catch(() => {
      this.botUserId = undefined; // ask again next time
    });
    return this.botUserId;
  }

  private async channelOf(target: DeliveryTarget): Promise<string> {
    if (target.kind === 'channel') return target.channelId;
    const known = this.dmChannels.get(target.userId);
    if (known) return known;
    const channel = (await this.rest.post(Routes.userChannels(), {
      body: { recipient_id: target.userId },
    })) as { id: string };
    this.dmChannels.set(target.userId, channel.id);
    return channel.id;
  }
}

async function guard<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw classify(error);
  }
}

/** Maps what discord.js throws to what the delivery worker should do about it. */
export function classify(error: unknown): DeliveryFailure {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    // Stored, shown in /alerts status and posted in pause notices: never the token it quotes.
    const text = redactSecrets(
      `Discord answered ${error.status}: ${error.message}${code ? ` (code ${code})` : ''}`,
    );
    if (code && UNDELIVERABLE_CODES.has(code))
      return new DeliveryFailure('undeliverable', text, code);
    if (code && PAUSING_CODES.has(code)) return new DeliveryFailure('pause', text, code);
    if (error.status >= 500 || error.status === 429)
      return new DeliveryFailure('retry', text, code);
    return new DeliveryFailure('undeliverable', text, code);
  }
  if (error instanceof RateLimitError) {
    return new DeliveryFailure(
      'retry',
      `rate limited on ${error.route}`,
      undefined,
      error.retryAfter,
    );
  }
  if (error instanceof HTTPError) {
    return new DeliveryFailure('retry', `Discord answered ${error.status}`);
  }
  return new DeliveryFailure(
    'retry',
    redactSecrets(error instanceof Error ? error.message : String(error)),
  );
}
