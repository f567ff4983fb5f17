import type { Config } from '../config.ts';
import { type AlertLanguage, alertLanguage } from '../core/guild-settings.ts';
import type { Logger } from '../logger.ts';
import { readDocument } from '../sources/read.ts';
import type { KeyValueStore } from '../store/key-value.ts';
import { Records } from '../store/records.ts';
import { loadBuiltinTopics } from '../topics/builtin.ts';
import { builtinTopicModel } from '../topics/model/load.ts';
import type { AlertSender } from './alert-sender.ts';
import type { CommandContext } from './context.ts';
import { noLiveBlogNotifier } from './coverage/coverage-notice.ts';
import { CoverageTracker } from './coverage/coverage-tracker.ts';
import { DeliveryWorker } from './delivery-worker.ts';
import { FeedbackFromOutbox } from './feedback.ts';
import { FeedbackStore } from './feedback-store.ts';
import { LabelledCorpusBreadth } from './keyword-corpus.ts';
import { LatestFromArchive } from './latest.ts';
import { Outbox } from './outbox.ts';
import type { PlaceLeases } from './place-leases.ts';
import { Poller } from './poller.ts';
import { SettingsRepository } from './settings-repository.ts';
import type { SourceAccess } from './source-access.ts';
import { SourceRegistry } from './source-registry.ts';
import { SourceStateRepository } from './source-state.ts';
import { StatusFromOutbox } from './status.ts';
import { Topics } from './topic-directory.ts';
import { UpdateArchive } from './update-archive.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface Services {
  settings: SettingsRepository;
  states: SourceStateRepository;
  topics: Topics;
  registry: SourceRegistry;
  coverage: CoverageTracker;
  archive: UpdateArchive;
  outbox: Outbox;
  poller: Poller;
  worker: DeliveryWorker;
  context: CommandContext;
}

export interface ServiceDeps {
  store: KeyValueStore;
  access: SourceAccess;
  sender: AlertSender;
  logger: Logger;
  /**
   * The server's preferred locale as this process's gateway cache has it; undefined where the
   * guild is not cached (another process holds its shard). Only the fallback for guilds whose
   * stored settings do not say (see `alertLanguage`).
   */
  cachedLocaleOf?: (guildId: string) => AlertLanguage | undefined;
  /** A fleet's shared claims on places; a single process leaves this out. */
  leases?: PlaceLeases;
  /** Also told when deliveries were queued (a fleet tells its other processes). */
  onDeliveriesQueued?: () => void;
}

/** Everything but Discord itself: the data path from sources to the outbox, and its sender. */
export async function createServices(config: Config, deps: ServiceDeps): Promise<Services> {
  const { store, access, sender, logger, leases } = deps;
  const records = new Records(store, logger);
  const settings = new SettingsRepository(records);
  await settings.load();
  const localeOf = (guildId: string) =>
    alertLanguage(settings.peek(guildId), deps.cachedLocaleOf?.(guildId));
  const topics = new Topics(await loadBuiltinTopics(), settings, builtinTopicModel());
  settings.onChange(() => topics.invalidate());
  const states = new SourceStateRepository(records);
  const archive = new UpdateArchive(records);
  const retentionMs = config.RETENTION_DAYS * DAY_MS;
  const outbox = new Outbox(records, retentionMs);
  const registry = new SourceRegistry(config.SOURCES, settings, states, access.validateNew);
  const coverage = new CoverageTracker(
    {
      records,
      fetchCandidate: access.fetchSource,
      logger,
      notifyNoLiveBlog: noLiveBlogNotifier({
        registry,
        sender,
        localeOf,
        quietHours: config.COVERAGE_QUIET_HOURS,
        logger,
      }),
    },
    {
      quietMs: config.COVERAGE_QUIET_HOURS * HOUR_MS,
      windowMs: config.COVERAGE_ALERT_WINDOW_MINUTES * 60_000,
      maxChecksPerPoll: config.COVERAGE_CHECKS_PER_POLL,
      recheckMs: 6 * HOUR_MS,
      retryMs: 15 * 60_000,
    },
  );
  registry.useCoverage(coverage);
  const worker = new DeliveryWorker(
    { outbox, archive, topics, settings, sender, logger, localeOf, ...(leases ? { leases } : {}) },
    { concurrency: 16, retryBaseMs: 1_000, retryMaxMs: 5 * 60_000 },
  );
  const poller = new Poller(
    {
      registry,
      states,
      archive,
      outbox,
      topics,
      fetchSource: access.fetchSource,
      readSource: (body, source, contentType) =>
        readDocument(body, { source, ...(contentType ? { contentType } : {}) }),
      onDeliveriesQueued: () => {
        worker.kick();
        deps.onDeliveriesQueued?.();
      },
      coverage,
      logger,
    },
    {
      backfill: config.BACKFILL_ON_FIRST_SIGHT,
      maxNewPerPoll: config.MAX_ALERTS_PER_SOURCE_POLL,
      retentionMs,
      concurrency: config.POLL_CONCURRENCY,
      baseBackoffMs: 30_000,
      maxBackoffMs: 30 * 60_000,
    },
  );
  const context: CommandContext = {
    logger,
    topics,
    settings,
    sources: registry,
    latest: new LatestFromArchive(registry, archive),
    status: new StatusFromOutbox(outbox, topics),
    topicBreadth: new LabelledCorpusBreadth(logger),
    feedback: new FeedbackFromOutbox(outbox, archive, new FeedbackStore(store, records)),
  };
  return { settings, states, topics, registry, coverage, archive, outbox, poller, worker, context };
}
