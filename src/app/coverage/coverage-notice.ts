import { t } from '../../i18n/index.ts';
import type { Logger } from '../../logger.ts';
import type { AlertSender } from '../alert-sender.ts';
import type { SourceRegistry } from '../source-registry.ts';
import type { CoverageView } from './coverage-tracker.ts';

/**
 * Tells each guild following a coverage source, in its notice channel and language, that
 * the source has had no live blog for the quiet time: the quiet is then not a broken bot.
 */
export function noLiveBlogNotifier(deps: {
  registry: SourceRegistry;
  sender: AlertSender;
  localeOf: (guildId: string) => 'en' | 'uk';
  quietHours: number;
  logger: Logger;
}): (source: string, view: CoverageView) => Promise<void> {
  return async (source, view) => {
    for (const guild of deps.registry.followers(source)) {
      if (!guild.noticeChannelId) continue;
      const text = t(deps.localeOf(guild.guildId), 'coverage.noLiveNotice', {
        site: view.site,
        section: view.section,
        hours: deps.quietHours,
        url: `<${source}>`,
      });
      await deps.sender
        .notice(guild.noticeChannelId, text)
        .catch((error: unknown) =>
          deps.logger.warn(
            { guildId: guild.guildId, error: String(error) },
            'could not tell a guild that its coverage source has no live blog',
          ),
        );
    }
  };
}
