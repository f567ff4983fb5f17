import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertSender } from '../../src/app/alert-sender.ts';
import { noLiveBlogNotifier } from '../../src/app/coverage/coverage-notice.ts';
import { CoverageTracker } from '../../src/app/coverage/coverage-tracker.ts';
import { SettingsRepository } from '../../src/app/settings-repository.ts';
import { SourceRegistry } from '../../src/app/source-registry.ts';
import { SourceStateRepository } from '../../src/app/source-state.ts';
import { silentLogger } from '../../src/logger.ts';
import type { CoveragePage } from '../../src/sources/coverage/recognise.ts';
import type { KeyValueStore } from '../../src/store/key-value.ts';
import { openStore } from '../../src/store/open-store.ts';
import { Records } from '../../src/store/records.ts';

const SECTION = 'https://news.example/world/ukraine';
const EN_GUILD = '900000000000000021';
const UK_GUILD = '900000000000000031';
const H = 3_600_000;

describe('a coverage source with no live blog for the quiet time', () => {
  let store: KeyValueStore;
  const notices: { channelId: string; text: string }[] = [];
  let tracker: CoverageTracker;

  beforeAll(async () => {
    store = await openStore(
      `sqlite://${join(mkdtempSync(join(tmpdir(), 'lba-notice-')), 'n.sqlite')}`,
    );
    const records = new Records(store, silentLogger());
    const settings = new SettingsRepository(records);
    await settings.load();
    for (const [guildId, channel] of [
      [EN_GUILD, '900000000000000022'],
      [UK_GUILD, '900000000000000032'],
    ] as const) {
      await settings.update(guildId, (s) => {
        s.sources = [SECTION];
        s.channels = [{ channelId: channel, topics: 'all', announcement: false }];
        s.noticeChannelId = channel;
      });
    }
    const registry = new SourceRegistry(
      [],
      settings,
      new SourceStateRepository(records),
      async (url) => ({ url }),
    );
    const sender: AlertSender = {
      post: async () => '1',
      findPosted: async () => undefined,
      edit: async () => undefined,
      publish: async () => undefined,
      notice: async (channelId, text) => {
        notices.push({ channelId, text });
      },
    };
    tracker = new CoverageTracker(
      {
        records,
        fetchCandidate: async () => {
          throw new Error('no candidate should be fetched');
        },
        logger: silentLogger(),
        notifyNoLiveBlog: noLiveBlogNotifier({
          registry,
          sender,
          localeOf: (guildId) => (guildId === UK_GUILD ? 'uk' : 'en'),
          quietHours: 6,
          logger: silentLogger(),
        }),
      },
      { quietMs: 6 * H, windowMs: H, maxChecksPerPoll: 3, recheckMs: 6 * H, retryMs: H },
    );
    registry.useCoverage(tracker);
  });
  afterAll(() => store.close());

  it('tells each following guild once, in its notice channel and language', async () => {
    const page: CoveragePage = {
      url: SECTION,
      format: 'html',
      site: 'Example News',
      section: 'Ukraine',
      links: 40,
      cut: false,
      candidates: [],
    };
    const start = Date.UTC(2024, 10, 18, 0);
    await tracker.poll(SECTION, page, new Date(start));
    await tracker.poll(SECTION, undefined, new Date(start + 5 * H));
    expect(notices).toEqual([]);
    await tracker.poll(SECTION, undefined, new Date(start + 7 * H));
    await tracker.poll(SECTION, undefined, new Date(start + 8 * H));
    expect(notices.map((n) => n.channelId).sort()).toEqual([
      '900000000000000022',
      '900000000000000032',
    ]);
    expect(notices.find((n) => n.channelId === '900000000000000022')?.text).toBe(
      `⚠️ Example News — Ukraine has had no live blog with news for over 6 hours, so no alerts come from it. I will follow the next live blog it lists: <${SECTION}>`,
    );
    expect(notices.find((n) => n.channelId === '900000000000000032')?.text).toContain(
      'понад 6 год',
    );
  });
});
