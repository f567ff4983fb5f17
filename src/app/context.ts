import type { AlertView } from '../core/alert.ts';
import type { Delivery } from '../core/delivery.ts';
import type { AlertPlace, AlertRefusal, FeedbackReport, ReportedAlert } from '../core/feedback.ts';
import type { GuildSettings } from '../core/guild-settings.ts';
import type { TopicInfo, TopicMatch } from '../core/topic.ts';
import type { Update } from '../core/update.ts';
import type { Logger } from '../logger.ts';
import type { GuildTopic } from '../topics/guild-topic.ts';
import type { CorpusBreadth } from '../topics/keyword-guard.ts';
import type { CoverageView } from './coverage/coverage-tracker.ts';
import type { NewSource } from './source-access.ts';

/**
 * What slash commands may use: handed to every `execute(interaction, context)`.
 * Commands parse options, call these, and reply; they hold no state of their own.
 */
export interface CommandContext {
  logger: Logger;
  topics: TopicDirectory;
  settings: SettingsService;
  sources: SourceDirectory;
  latest: LatestUpdates;
  status: StatusReport;
  topicBreadth: TopicBreadth;
  feedback: FeedbackDesk;
}

export interface TopicDirectory {
  /** Built-in topics followed by the guild's own, in display order. */
  list(guildId: string): TopicInfo[];
  get(guildId: string, topicId: string): TopicInfo | undefined;
}

/** Every change is validated, persisted and visible to the next poll at once. */
export interface SettingsService {
  get(guildId: string): GuildSettings;
  /** The settings without a copy, for a quick look; undefined when the guild has none stored. */
  peek(guildId: string): Readonly<GuildSettings> | undefined;
  /** Applies a change to one guild's settings; changes to one guild never overlap. */
  update(guildId: string, change: (settings: GuildSettings) => void): Promise<GuildSettings>;
}

export interface SourceHealth {
  source: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  nextAttemptAt?: string;
  /** Alerts held back by the per-poll cap, most recently. */
  lastSuppressed?: { count: number; at: string };
  updatesKnown: number;
}

export interface SourceDirectory {
  /**
   * Checks a URL an admin typed: public http(s) only (unless the operator allows private
   * addresses), reachable, and a document the readers understand. Returns the normalised
   * URL, or throws an Error whose message can be shown to the admin as it is.
   */
  validateNew(url: string): Promise<NewSource>;
  /** The operator's SOURCES followed by the guild's own. */
  followedBy(guildId: string): { source: string; global: boolean }[];
  health(source: string): SourceHealth;
  /** For a coverage source (a section that links live blogs): what it follows now. */
  coverageOf?(source: string): CoverageView | undefined;
}

export interface LatestItem {
  update: Update;
  matches: TopicMatch[];
}

export interface LatestUpdates {
  /** The newest stored updates of the sources the guild follows, newest first. */
  list(guildId: string, options: { topicId?: string; count: number }): Promise<LatestItem[]>;
}

export interface StatusReport {
  recentDeliveries(guildId: string, limit: number): Promise<Delivery[]>;
  /** Builds the sample alert `/alerts test` posts. */
  sampleAlert(guildId: string, locale: 'en' | 'uk'): AlertView;
}

/** How much of the labelled live-blog corpus a keyword topic would alert on. */
export interface TopicBreadth {
  /** Undefined when the corpus cannot be read (the caller then skips the check). */
  measure(topic: GuildTopic): Promise<CorpusBreadth | undefined>;
}

/** Members' "Wrong topic?" reports on alerts, and what admins see of them. */
export interface FeedbackDesk {
  /**
   * The alert the bot sent to this place for this update, if it sent it there for this
   * guild: a report is filed only where the alert really went.
   */
  alert(
    guildId: string,
    place: AlertPlace,
    updateKey: string,
  ): Promise<ReportedAlert | AlertRefusal>;
  report(
    alert: ReportedAlert,
    by: Pick<FeedbackReport, 'guildId' | 'channelId' | 'messageId' | 'memberId' | 'viaDm'>,
    topicId: string,
  ): Promise<'recorded' | 'duplicate' | 'rate-limited'>;
  /** This guild's reports, newest first (never another guild's). */
  recent(guildId: string, limit: number): Promise<FeedbackReport[]>;
}
