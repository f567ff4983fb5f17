/**
 * TEST ONLY: a CommandContext whose services live in memory, so command tests can set up
 * sources, stored updates and deliveries directly and read back what a command stored.
 */
import type {
  CommandContext,
  LatestItem,
  SourceHealth,
  TopicDirectory,
} from '../../src/app/context.ts';
import { FeedbackStore } from '../../src/app/feedback-store.ts';
import { LabelledCorpusBreadth } from '../../src/app/keyword-corpus.ts';
import type { AlertView } from '../../src/core/alert.ts';
import type { Delivery } from '../../src/core/delivery.ts';
import type { ReportedAlert } from '../../src/core/feedback.ts';
import {
  emptyGuildSettings,
  type GuildSettings,
  GuildSettingsSchema,
} from '../../src/core/guild-settings.ts';
import type { TopicInfo } from '../../src/core/topic.ts';
import { silentLogger } from '../../src/logger.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { Records } from '../../src/store/records.ts';

export const BUILTIN_TOPICS: TopicInfo[] = [
  {
    id: 'air-raid',
    name: { en: 'Air raid', uk: 'Повітряна тривога' },
    description: {
      en: 'Air-raid alerts, strikes and the all-clear',
      uk: 'Повітряні тривоги й удари',
    },
    emoji: '🚨',
    color: 0xd32f2f,
    urgency: 'urgent',
    builtin: true,
  },
  {
    id: 'aid',
    name: { en: 'Aid', uk: 'Допомога' },
    description: { en: 'Military and financial aid', uk: 'Військова й фінансова допомога' },
    emoji: '🤝',
    color: 0x1976d2,
    urgency: 'normal',
    builtin: true,
  },
  {
    id: 'nuclear',
    name: { en: 'Nuclear', uk: 'Ядерна загроза' },
    description: { en: 'Nuclear plants and threats', uk: 'АЕС і ядерні загрози' },
    emoji: '☢️',
    color: 0xfbc02d,
    urgency: 'normal',
    builtin: true,
  },
];

export interface MemoryContext extends CommandContext {
  /** Alerts members can report, keyed `guildId:channelId:updateKey` (DMs: `dm-userId`). */
  alerts: Map<string, ReportedAlert>;
  /** What each guild has stored, as the next poll would read it. */
  stored(guildId: string): GuildSettings;
  operatorSources: string[];
  healthBySource: Map<string, SourceHealth>;
  latestItems: LatestItem[];
  deliveries: Delivery[];
  /** Replace to make `/alerts source add` refuse or normalise differently. */
  validateSource: (url: string) => Promise<string>;
  /** Every settings write, in order (guild ids only). */
  writes: string[];
}

function guildTopicInfo(topic: GuildSettings['customTopics'][number]): TopicInfo {
  return {
    id: topic.slug,
    name: { en: topic.name, uk: topic.name },
    description: { en: topic.include.join(', '), uk: topic.include.join(', ') },
    emoji: '🏷️',
    color: 0x607d8b,
    urgency: 'normal',
    builtin: false,
  };
}

export function memoryContext(): MemoryContext {
  const settings = new Map<string, GuildSettings>();
  const queues = new Map<string, Promise<unknown>>();
  const read = (guildId: string) =>
    structuredClone(settings.get(guildId) ?? emptyGuildSettings(guildId));

  const topics: TopicDirectory = {
    list: (guildId) => [...BUILTIN_TOPICS, ...read(guildId).customTopics.map(guildTopicInfo)],
    get: (guildId, topicId) => topics.list(guildId).find((topic) => topic.id === topicId),
  };

  const kv = new MemoryStore();
  const feedbackStore = new FeedbackStore(kv, new Records(kv, silentLogger()));
  const context: MemoryContext = {
    logger: silentLogger(),
    topics,
    settings: {
      get: read,
      peek: (guildId) => settings.get(guildId),
      update(guildId, change) {
        const run = (queues.get(guildId) ?? Promise.resolve()).then(() => {
          const next = read(guildId);
          change(next);
          const valid = GuildSettingsSchema.parse(next);
          settings.set(guildId, valid);
          context.writes.push(guildId);
          return structuredClone(valid);
        });
        queues.set(
          guildId,
          run.catch(() => undefined),
        );
        return run;
      },
    },
    sources: {
      validateNew: async (url) => ({ url: await context.validateSource(url) }),
      followedBy: (guildId) => [
        ...context.operatorSources.map((source) => ({ source, global: true })),
        ...read(guildId).sources.map((source) => ({ source, global: false })),
      ],
      health: (source) =>
        context.healthBySource.get(source) ?? { source, consecutiveFailures: 0, updatesKnown: 0 },
    },
    latest: {
      async list(guildId, { topicId, count }) {
        const followed = new Set(context.sources.followedBy(guildId).map((s) => s.source));
        return context.latestItems
          .filter((item) => followed.has(item.update.source))
          .filter((item) => !topicId || item.matches.some((m) => m.topicId === topicId))
          .slice(0, count);
      },
    },
    status: {
      async recentDeliveries(guildId, limit) {
        return context.deliveries.filter((d) => d.guildId === guildId).slice(0, limit);
      },
      sampleAlert(guildId, locale): AlertView {
        const roleId = read(guildId).roles['air-raid'];
        return {
          update: {
            source: 'https://news.example/live',
            id: 'sample',
            title: 'Sample: air-raid alert in Kyiv',
            body: 'This is what an alert looks like. Sirens sounded in Kyiv.',
            url: 'https://news.example/live#sample',
            published: '2024-05-01T10:00:00Z',
            pinned: false,
          },
          sourceName: 'news.example',
          topics: [{ ...BUILTIN_TOPICS[0]!, phrases: ['air-raid alert'] }],
          roleIds: roleId ? [roleId] : [],
          locale,
        };
      },
    },
    topicBreadth: new LabelledCorpusBreadth(silentLogger()),
    feedback: {
      alert: async (guildId, place, key) =>
        context.alerts.get(
          `${guildId}:${place.kind === 'channel' ? place.channelId : `dm-${place.userId}`}:${key}`,
        ) ?? 'unknown',
      report: (alert, by, topicId) =>
        feedbackStore.add({
          ...by,
          updateKey: alert.updateKey,
          topicId,
          matched: Object.fromEntries(alert.topics.map((t) => [t.id, t.phrases])),
          update: alert.update,
          reportedAt: new Date().toISOString(),
        }),
      recent: (guildId, limit) => feedbackStore.recentForGuild(guildId, limit),
    },
    alerts: new Map(),
    stored: read,
    operatorSources: [],
    healthBySource: new Map(),
    latestItems: [],
    deliveries: [],
    async validateSource(url) {
      const parsed = new URL(url.trim());
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new Error('only http(s) URLs can be followed');
      }
      return parsed.href;
    },
    writes: [],
  };
  return context;
}
