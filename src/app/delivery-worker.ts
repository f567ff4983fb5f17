import { type AlertView, sourceName } from '../core/alert.ts';
import { type Delivery, postDeliveryId } from '../core/delivery.ts';
import { targetKey } from '../core/route.ts';
import type { TopicInfo } from '../core/topic.ts';
import { t } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { type AlertSender, DeliveryFailure } from './alert-sender.ts';
import { findLostPost } from './lost-post.ts';
import type { Outbox } from './outbox.ts';
import { type PlaceLeases, soleSender } from './place-leases.ts';
import type { SettingsRepository } from './settings-repository.ts';
import type { Topics } from './topic-directory.ts';
import type { UpdateArchive } from './update-archive.ts';

export interface DeliveryWorkerDeps {
  outbox: Outbox;
  archive: UpdateArchive;
  topics: Topics;
  settings: SettingsRepository;
  sender: AlertSender;
  logger: Logger;
  /** The guild's language for alert labels. */
  localeOf: (guildId: string) => 'en' | 'uk';
  /** Who may send to a place; by default this process alone. */
  leases?: PlaceLeases;
  now?: () => Date;
}

export interface DeliveryWorkerOptions {
  /** Places served at once; order within one place is kept. */
  concurrency: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

/**
 * Sends what the outbox holds. Each place gets its alerts in order; a place that refuses
 * the bot is paused (and the guild told why); Discord being busy only delays.
 */
export class DeliveryWorker {
  private draining: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly retryAt = new Map<string, number>();
  /** Places Discord asked to wait: their later alerts wait too, so none overtakes another. */
  private readonly placeRetryAt = new Map<string, number>();
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly deps: DeliveryWorkerDeps,
    private readonly options: DeliveryWorkerOptions,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Something was queued: send it now (coalesced with a drain already running). */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = undefined;
    });
  }

  /** Resolves when everything sendable now has been tried. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.idle();
  }

  private async drainLoop(): Promise<void> {
    do {
      this.again = false;
      await this.drainOnce();
    } while (this.again && !this.stopped);
  }

  private async drainOnce(): Promise<void> {
    const pending = await this.deps.outbox.pending();
    const nowMs = this.now().getTime();
    // The wait of an alert that left the queue (paused, failed) would otherwise wake the
    // worker at once, again and again; a place's wait ends with its time.
    const queued = new Set(pending.map((delivery) => delivery.id));
    for (const id of this.retryAt.keys()) if (!queued.has(id)) this.retryAt.delete(id);
    for (const [place, at] of this.placeRetryAt) if (at <= nowMs) this.placeRetryAt.delete(place);
    const byPlace = new Map<string, Delivery[]>();
    for (const delivery of pending.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      const place = targetKey(delivery.target);
      if ((this.placeRetryAt.get(place) ?? 0) > nowMs) continue;
      if ((this.retryAt.get(delivery.id) ?? 0) > nowMs) continue;
      byPlace.set(place, [...(byPlace.get(place) ?? []), delivery]);
    }
    const queues = [...byPlace.values()];
    const worker = async () => {
      for (let queue = queues.shift(); queue && !this.stopped; queue = queues.shift()) {
        await this.sendPlace(queue);
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    this.scheduleRetry();
  }

  /** One place's queue, in order, while this process holds the place (see PlaceLeases). */
  private async sendPlace(queue: Delivery[]): Promise<void> {
    const { leases = soleSender, outbox } = this.deps;
    const place = targetKey(queue[0]!.target);
    if (!(await leases.take(place))) return;
    try {
      for (const [index, queued] of queue.entries()) {
        if (this.stopped) return;
        // Renewed before every send after the first: a lease lost (this process stalled
        // past it) means another process may be sending here now.
        if (index > 0 && !(await leases.take(place))) return;
        const delivery = leases.shared ? await outbox.get(queued.id) : queued;
        if (delivery?.state !== 'pending') continue;
        if (!(await this.send(delivery))) return;
      }
    } finally {
      await leases.give(place).catch(() => undefined);
    }
  }

  /** Returns false when the rest of this place's queue must wait. */
  private async send(delivery: Delivery): Promise<boolean> {
    const { outbox } = this.deps;
    try {
      const view = await this.view(delivery);
      if (!view) {
        await outbox.save({
          ...delivery,
          state: 'failed',
          lastError: 'the update is no longer stored',
        });
        return true;
      }
      const messageId =
        delivery.action === 'post'
          ? await this.post(view, delivery)
          : await this.edit(view, delivery);
      if (messageId === undefined) return true;
      await outbox.save({
        ...delivery,
        state: 'sent',
        messageId,
        sentAt: this.now().toISOString(),
        attempts: delivery.attempts + 1,
      });
      this.retryAt.delete(delivery.id);
      return true;
    } catch (error) {
      return this.handleFailure(delivery, error);
    }
  }

  private async post(view: AlertView, delivery: Delivery): Promise<string> {
    const messageId =
      (await findLostPost(this.deps, view, delivery, this.now())) ??
      (await this.deps.sender.post(view, delivery.target, delivery.nonce));
    // Published before it is marked sent: a crash in between then only repeats both
    // (the nonce returns the same message; publishing twice is refused harmlessly).
    if (delivery.target.kind === 'channel' && delivery.target.announcement) {
      const channelId = delivery.target.channelId;
      await this.deps.sender.publish(channelId, messageId).catch((error: unknown) => {
        this.deps.logger.warn(
          { channelId, error: String(error) },
          'alert posted but not published to following servers',
        );
      });
    }
    return messageId;
  }

  /** Undefined when the edit cannot go now (see messageIdFor). */
  private async edit(view: AlertView, delivery: Delivery): Promise<string | undefined> {
    const messageId = await this.messageIdFor(delivery);
    if (messageId !== undefined) await this.deps.sender.edit(view, delivery.target, messageId);
    return messageId;
  }

  /**
   * An edit planned while its post was still pending carries no message id: it takes the
   * post's once that is sent. Undefined when the edit cannot go now: it waits for the post,
   * or is marked failed if the post never went out.
   */
  private async messageIdFor(edit: Delivery): Promise<string | undefined> {
    if (edit.messageId) return edit.messageId;
    const post = await this.deps.outbox.get(postDeliveryId(edit.updateKey, edit.target));
    if (post?.state === 'sent' && post.messageId) return post.messageId;
    if (post?.state === 'pending') {
      this.retryAt.set(edit.id, this.now().getTime() + this.options.retryBaseMs);
      return undefined;
    }
    await this.deps.outbox.save({
      ...edit,
      state: 'failed',
      lastError: 'the alert it edits was never posted',
    });
    return undefined;
  }

  private async handleFailure(delivery: Delivery, error: unknown): Promise<boolean> {
    const failure =
      error instanceof DeliveryFailure
        ? error
        : new DeliveryFailure('retry', error instanceof Error ? error.message : String(error));
    const attempts = delivery.attempts + 1;
    if (failure.kind === 'retry') {
      const delay = Math.max(
        failure.retryAfterMs ?? 0,
        Math.min(this.options.retryBaseMs * 2 ** (attempts - 1), this.options.retryMaxMs),
      );
      this.retryAt.set(delivery.id, this.now().getTime() + delay);
      this.placeRetryAt.set(targetKey(delivery.target), this.now().getTime() + delay);
      await this.deps.outbox.save({ ...delivery, attempts, lastError: failure.message });
      this.deps.logger.warn(
        { delivery: delivery.id, attempts, delay, error: failure.message },
        'alert not accepted yet; will retry',
      );
      return false;
    }
    if (failure.kind === 'undeliverable') {
      await this.deps.outbox.save({
        ...delivery,
        state: 'failed',
        attempts,
        lastError: failure.message,
      });
      this.deps.logger.warn(
        { delivery: delivery.id, error: failure.message },
        'alert cannot be delivered',
      );
      return true;
    }
    await this.pause(delivery, failure);
    return false;
  }

  private async pause(delivery: Delivery, failure: DeliveryFailure): Promise<void> {
    const { outbox, settings, sender, logger } = this.deps;
    const since = this.now().toISOString();
    await outbox.save({
      ...delivery,
      state: 'paused',
      attempts: delivery.attempts + 1,
      lastError: failure.message,
    });
    if (delivery.target.kind !== 'channel') return;
    const channelId = delivery.target.channelId;
    const after = await settings.update(delivery.guildId, (s) => {
      for (const channel of s.channels) {
        if (channel.channelId === channelId) {
          channel.paused = {
            reason: failure.message,
            ...(failure.code ? { code: failure.code } : {}),
            since,
          };
        }
      }
    });
    for (const other of await outbox.pending()) {
      if (other.target.kind === 'channel' && other.target.channelId === channelId) {
        await outbox.save({ ...other, state: 'paused', lastError: failure.message });
      }
    }
    logger.warn(
      { guildId: delivery.guildId, channelId, error: failure.message },
      'alerts to this channel are paused',
    );
    const noticeChannel = after.noticeChannelId;
    if (noticeChannel && noticeChannel !== channelId) {
      await sender
        .notice(
          noticeChannel,
          t(this.deps.localeOf(delivery.guildId), 'notice.paused', {
            channel: `<#${channelId}>`,
            reason: failure.message,
          }),
        )
        .catch(() =>
          logger.warn(
            { guildId: delivery.guildId },
            'could not tell the guild that alerts are paused',
          ),
        );
    }
  }

  private async view(delivery: Delivery): Promise<AlertView | undefined> {
    const stored = await this.deps.archive.get(delivery.updateKey);
    if (!stored) return undefined;
    const topics = delivery.topicIds
      .map((id) => this.deps.topics.get(delivery.guildId, id))
      .filter((t): t is TopicInfo => t !== undefined)
      .sort((a, b) => (a.urgency === b.urgency ? 0 : a.urgency === 'urgent' ? -1 : 1))
      .map((t) => ({ ...t, phrases: delivery.matched[t.id] ?? [] }));
    return {
      update: stored.update,
      sourceName: sourceName(stored.update.source),
      topics,
      roleIds: delivery.roleIds,
      locale: this.deps.localeOf(delivery.guildId),
      feedbackKey: delivery.updateKey,
      // A DM belongs to no guild: the report control names the guild this one was sent for.
      ...(delivery.target.kind === 'dm' ? { feedbackDmGuildId: delivery.guildId } : {}),
    };
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (this.stopped || this.retryAt.size === 0) return;
    const soonest = Math.min(...this.retryAt.values());
    this.retryTimer = setTimeout(() => this.kick(), Math.max(0, soonest - this.now().getTime()));
    this.retryTimer.unref();
  }
}
