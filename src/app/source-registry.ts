import type { GuildSettings } from '../core/guild-settings.ts';
import type { SourceDirectory, SourceHealth } from './context.ts';
import type { CoverageTracker, CoverageView } from './coverage/coverage-tracker.ts';
import type { SettingsRepository } from './settings-repository.ts';
import type { NewSource } from './source-access.ts';
import type { SourceStateRepository } from './source-state.ts';

/**
 * Which live blogs exist and who follows each: the operator's SOURCES (every guild) plus
 * each guild's own. The follower index is rebuilt whenever settings change.
 */
export class SourceRegistry implements SourceDirectory {
  private followerIndex = new Map<string, GuildSettings[]>();
  private coverage: CoverageTracker | undefined;

  constructor(
    private readonly globalSources: string[],
    private readonly settings: SettingsRepository,
    private readonly states: SourceStateRepository,
    private readonly validator: (url: string) => Promise<NewSource>,
  ) {
    this.rebuild();
    settings.onChange(() => this.rebuild());
  }

  /** Every source to poll, each once. */
  all(): string[] {
    return [...new Set([...this.globalSources, ...this.followerIndex.keys()])];
  }

  /** Coverage sources make the blogs they follow reach their own followers. */
  useCoverage(coverage: CoverageTracker): void {
    this.coverage = coverage;
  }

  /** Guilds whose channels or members may receive this source's alerts. */
  followers(source: string): GuildSettings[] {
    const direct = this.directFollowers(source);
    const via = this.coverage?.coveragesOf(source) ?? [];
    if (via.length === 0) return direct;
    const byGuild = new Map(direct.map((guild) => [guild.guildId, guild]));
    for (const coverage of via) {
      for (const guild of this.directFollowers(coverage)) byGuild.set(guild.guildId, guild);
    }
    return [...byGuild.values()];
  }

  /** What a coverage source follows now; undefined for a live blog. */
  coverageOf(source: string): CoverageView | undefined {
    return this.coverage?.view(source);
  }

  private directFollowers(source: string): GuildSettings[] {
    if (this.globalSources.includes(source)) {
      return [...this.settings.all()].filter(hasAudience);
    }
    return this.followerIndex.get(source) ?? [];
  }

  followedBy(guildId: string): { source: string; global: boolean }[] {
    const own = this.settings.get(guildId).sources.filter((s) => !this.globalSources.includes(s));
    return [
      ...this.globalSources.map((source) => ({ source, global: true })),
      ...own.map((source) => ({ source, global: false })),
    ];
  }

  health(source: string): SourceHealth {
    return this.states.health(source);
  }

  validateNew(url: string): Promise<NewSource> {
    return this.validator(url);
  }

  private rebuild(): void {
    const index = new Map<string, GuildSettings[]>();
    for (const guild of this.settings.all()) {
      if (!hasAudience(guild)) continue;
      for (const source of guild.sources) {
        index.set(source, [...(index.get(source) ?? []), guild]);
      }
    }
    this.followerIndex = index;
  }
}

function hasAudience(guild: GuildSettings): boolean {
  return guild.channels.length > 0 || Object.values(guild.dmSubscribers).some((u) => u.length > 0);
}
