import { postDeliveryId } from '../core/delivery.ts';
import type { AlertPlace, AlertRefusal, FeedbackReport, ReportedAlert } from '../core/feedback.ts';
import { REPORTED_BODY_MAX } from '../core/feedback.ts';
import type { DeliveryTarget } from '../core/route.ts';
import type { FeedbackDesk } from './context.ts';
import type { FeedbackStore, ReportOutcome } from './feedback-store.ts';
import type { Outbox } from './outbox.ts';
import type { UpdateArchive } from './update-archive.ts';

/**
 * What the "Wrong topic?" control needs: the alert as the bot posted it (from the outbox and
 * the archive, never from the message, which a member cannot change but which may be old),
 * and the reports themselves. The outbox record of the post is also the proof that the
 * member was sent the alert where they report it, and for which guild.
 */
export class FeedbackFromOutbox implements FeedbackDesk {
  constructor(
    private readonly outbox: Outbox,
    private readonly archive: UpdateArchive,
    private readonly store: FeedbackStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async alert(
    guildId: string,
    place: AlertPlace,
    updateKey: string,
  ): Promise<ReportedAlert | AlertRefusal> {
    // The announcement flag is not part of a place's key, so any value finds the post.
    const target: DeliveryTarget =
      place.kind === 'channel'
        ? { kind: 'channel', channelId: place.channelId, announcement: false }
        : place;
    const delivery = await this.outbox.get(postDeliveryId(updateKey, target));
    if (delivery?.state !== 'sent') return 'unknown';
    // A DM control names its guild itself, so the name is only a claim: the post the bot
    // recorded for this member says which guild's subscription sent it.
    if (delivery.guildId !== guildId) return 'other-guild';
    const stored = await this.archive.get(updateKey);
    if (!stored) return 'unknown';
    const { source, id, title, body, url } = stored.update;
    return {
      updateKey,
      ...(delivery.messageId ? { messageId: delivery.messageId } : {}),
      update: {
        source,
        id,
        title,
        body: [...body].slice(0, REPORTED_BODY_MAX).join(''),
        ...(url ? { url } : {}),
      },
      topics: delivery.topicIds.map((topicId) => ({
        id: topicId,
        phrases: delivery.matched[topicId] ?? [],
      })),
    };
  }

  report(
    alert: ReportedAlert,
    by: Pick<FeedbackReport, 'guildId' | 'channelId' | 'messageId' | 'memberId' | 'viaDm'>,
    topicId: string,
  ): Promise<ReportOutcome> {
    return this.store.add({
      ...by,
      updateKey: alert.updateKey,
      topicId,
      matched: Object.fromEntries(alert.topics.map((t) => [t.id, t.phrases])),
      update: alert.update,
      reportedAt: this.now().toISOString(),
    });
  }

  recent(guildId: string, limit: number): Promise<FeedbackReport[]> {
    return this.store.recentForGuild(guildId, limit);
  }
}
