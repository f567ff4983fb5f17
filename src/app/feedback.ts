import { postDeliveryId } from '../core/delivery.ts';
import type { FeedbackReport, ReportedAlert } from '../core/feedback.ts';
import { REPORTED_BODY_MAX } from '../core/feedback.ts';
import type { FeedbackDesk } from './context.ts';
import type { FeedbackStore, ReportOutcome } from './feedback-store.ts';
import type { Outbox } from './outbox.ts';
import type { UpdateArchive } from './update-archive.ts';

/**
 * What the "Wrong topic?" control needs: the alert as the bot posted it (from the outbox and
 * the archive, never from the message, which a member cannot change but which may be old),
 * and the reports themselves.
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
    channelId: string,
    updateKey: string,
  ): Promise<ReportedAlert | undefined> {
    // The announcement flag is not part of a place's key, so any value finds the post.
    const target = { kind: 'channel', channelId, announcement: false } as const;
    const delivery = await this.outbox.get(postDeliveryId(updateKey, target));
    if (delivery?.guildId !== guildId || delivery.state !== 'sent') return undefined;
    const stored = await this.archive.get(updateKey);
    if (!stored) return undefined;
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
    by: Pick<FeedbackReport, 'guildId' | 'channelId' | 'messageId' | 'memberId'>,
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
