import type { LatestItem, LatestUpdates } from './context.ts';
import type { SourceRegistry } from './source-registry.ts';
import { sourceId } from './source-state.ts';
import { matchesForGuild } from './topic-directory.ts';
import type { UpdateArchive } from './update-archive.ts';

/** `/latest`: the newest stored updates across the sources one guild follows. */
export class LatestFromArchive implements LatestUpdates {
  constructor(
    private readonly registry: SourceRegistry,
    private readonly archive: UpdateArchive,
  ) {}

  async list(guildId: string, options: { topicId?: string; count: number }): Promise<LatestItem[]> {
    const items: LatestItem[] = [];
    const sources = this.registry
      .followedBy(guildId)
      .flatMap(({ source }) => [
        source,
        ...(this.registry.coverageOf(source)?.following.map((blog) => blog.url) ?? []),
      ]);
    for (const source of new Set(sources)) {
      const keys = await this.archive.recent(sourceId(source));
      for (const stored of await this.archive.getMany(keys)) {
        if (!stored) continue;
        items.push({ update: stored.update, matches: matchesForGuild(guildId, stored.matches) });
      }
    }
    const wanted = options.topicId
      ? items.filter((item) => item.matches.some((m) => m.topicId === options.topicId))
      : items;
    return wanted
      .sort((a, b) => (b.update.published ?? '').localeCompare(a.update.published ?? ''))
      .slice(0, options.count);
  }
}
