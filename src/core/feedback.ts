import { z } from 'zod';

/** Update text kept with a report, so it can be exported after the update itself is pruned. */
export const REPORTED_BODY_MAX = 4000;

/**
 * A member's "Wrong topic?" report on one alert: which topic they say it is not about, with
 * what the alert showed (its update and the words each topic matched). Stored per guild;
 * shown only to that guild's admins; exported without member or guild ids.
 */
export const FeedbackReportSchema = z.object({
  guildId: z.string().min(1),
  channelId: z.string().min(1),
  messageId: z.string().min(1),
  /** The alert came by direct message: `channelId` is the member's DM, which admins cannot open. */
  viaDm: z.boolean().optional(),
  memberId: z.string().min(1),
  updateKey: z.string().min(1),
  /** The topic the member says is wrong. */
  topicId: z.string().min(1),
  /** Every topic the alert carried, with the words that matched it. */
  matched: z.record(z.string(), z.array(z.string())),
  update: z.object({
    source: z.string(),
    id: z.string(),
    title: z.string(),
    body: z.string().max(REPORTED_BODY_MAX),
    url: z.string().optional(),
  }),
  reportedAt: z.string().datetime(),
});
export type FeedbackReport = z.infer<typeof FeedbackReportSchema>;

/** How many reports one member may send in a window: enough for honest use, not for spam. */
export const FEEDBACK_RATE = { reports: 5, windowMs: 10 * 60_000 } as const;

/**
 * Where a member saw an alert: a guild channel, or their own DMs (named by their user id,
 * which the interaction vouches for), where the bot sent it for one guild's subscription.
 */
export type AlertPlace = { kind: 'channel'; channelId: string } | { kind: 'dm'; userId: string };

/**
 * Why an alert cannot be reported: the bot has no record of sending it there (unknown, or
 * expired), or it was sent there for another guild than the one the report names.
 */
export type AlertRefusal = 'unknown' | 'other-guild';

/** What a member reports on: the alert as the bot recorded it. */
export interface ReportedAlert {
  updateKey: string;
  /** The alert's message, as the outbox recorded it. */
  messageId?: string;
  update: FeedbackReport['update'];
  /** The alert's topics in display order, with the words that matched each. */
  topics: { id: string; phrases: string[] }[];
}
