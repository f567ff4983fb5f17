import type { AlertView } from '../core/alert.ts';
import type { Delivery } from '../core/delivery.ts';
import type { StatusReport } from './context.ts';
import type { Outbox } from './outbox.ts';
import type { Topics } from './topic-directory.ts';

/** `/alerts status` and `/alerts test`: what was sent lately, and a sample alert. */
export class StatusFromOutbox implements StatusReport {
  constructor(
    private readonly outbox: Outbox,
    private readonly topics: Topics,
  ) {}

  recentDeliveries(guildId: string, limit: number): Promise<Delivery[]> {
    return this.outbox.recentForGuild(guildId, limit);
  }

  sampleAlert(guildId: string, locale: 'en' | 'uk'): AlertView {
    const topic = this.topics.get(guildId, 'air-raid') ?? this.topics.list(guildId)[0];
    const now = new Date().toISOString();
    return {
      update: {
        source: 'https://liveblog-alerts.example/test',
        id: 'test-alert',
        title:
          locale === 'uk'
            ? 'Тестове сповіщення: так виглядатимуть сповіщення в цьому каналі'
            : 'Test alert: this is how alerts will look in this channel',
        body:
          locale === 'uk'
            ? 'Це перевірка від liveblog-alerts. Справжні сповіщення містять оновлення з живих блогів.'
            : 'This is a check from liveblog-alerts. Real alerts carry updates from the live blogs this server follows.',
        url: 'https://liveblog-alerts.example/test',
        published: now,
        pinned: false,
      },
      sourceName: 'liveblog-alerts',
      topics: topic ? [{ ...topic, phrases: ['test'] }] : [],
      roleIds: [],
      locale,
    };
  }
}
