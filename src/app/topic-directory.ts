import { type CustomTopic, customTopicKey, type GuildSettings } from '../core/guild-settings.ts';
import type { TopicInfo, TopicMatch } from '../core/topic.ts';
import type { Update } from '../core/update.ts';
import type { TopicDefinition } from '../topics/definition.ts';
import { guildTopicToMatchable } from '../topics/guild-topic.ts';
import { type MatchableTopic, Matcher, toMatchable } from '../topics/matcher.ts';
import type { TopicModel } from '../topics/model/topic-model.ts';
import type { TopicDirectory } from './context.ts';

const CUSTOM_COLOR = 0x5865f2;

/**
 * The built-in topics plus every guild's own, behind one matcher: a guild's keyword
 * topics cost an index entry, not a pass over the text.
 */
export class Topics implements TopicDirectory {
  private readonly builtin: TopicInfo[];
  private matcher: Matcher | undefined;

  constructor(
    private readonly definitions: TopicDefinition[],
    private readonly guilds: {
      /** The stored settings, read and never changed: a topic lookup per alert copies nothing. */
      peek(guildId: string): Readonly<GuildSettings> | undefined;
      all(): Iterable<GuildSettings>;
    },
    /** The built-in topics' model; guild keyword topics are matched by their words alone. */
    private readonly model?: TopicModel,
  ) {
    this.builtin = definitions.map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description,
      emoji: d.emoji,
      color: d.color,
      urgency: d.urgency,
      builtin: true,
    }));
  }

  /** Guild topics changed: the matcher is rebuilt on next use. */
  invalidate(): void {
    this.matcher = undefined;
  }

  list(guildId: string): TopicInfo[] {
    return [...this.builtin, ...(this.guilds.peek(guildId)?.customTopics ?? []).map(customInfo)];
  }

  get(guildId: string, topicId: string): TopicInfo | undefined {
    return this.list(guildId).find((t) => t.id === topicId);
  }

  builtinIds(): string[] {
    return this.builtin.map((t) => t.id);
  }

  /** Built-in matches, and guild topics' matches keyed `guildId/slug`. */
  match(update: Pick<Update, 'title' | 'body'>): TopicMatch[] {
    this.matcher ??= new Matcher(this.matchable(), this.model);
    return this.matcher.match(update);
  }

  private matchable(): MatchableTopic[] {
    const topics = this.definitions.map(toMatchable);
    for (const guild of this.guilds.all()) {
      for (const topic of guild.customTopics) {
        topics.push(guildTopicToMatchable(topic, customTopicKey(guild.guildId, topic.slug)));
      }
    }
    return topics;
  }
}

/** The matches that concern one guild, with its own topics under their plain slug. */
export function matchesForGuild(guildId: string, matches: TopicMatch[]): TopicMatch[] {
  const prefix = `${guildId}/`;
  return matches.flatMap((m) => {
    if (!m.topicId.includes('/')) return [m];
    return m.topicId.startsWith(prefix) ? [{ ...m, topicId: m.topicId.slice(prefix.length) }] : [];
  });
}

function customInfo(topic: CustomTopic): TopicInfo {
  const description = `${topic.include.slice(0, 8).join(', ')}${topic.include.length > 8 ? ', …' : ''}`;
  return {
    id: topic.slug,
    name: { en: topic.name, uk: topic.name },
    description: { en: description, uk: description },
    emoji: '🔔',
    color: CUSTOM_COLOR,
    urgency: 'normal',
    builtin: false,
  };
}
