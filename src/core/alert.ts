import type { TopicInfo } from './topic.ts';
import type { Update } from './update.ts';

/** What an alert shows, decided before anything Discord-specific: the renderer's input. */
export interface AlertView {
  update: Update;
  /** A readable name for the blog: its host, or the file name of a local snapshot. */
  sourceName: string;
  topics: (TopicInfo & { phrases: string[] })[];
  /** Exactly the roles to mention; nothing else may ping. */
  roleIds: string[];
  locale: 'en' | 'uk';
  /** The update's key when members may report the alert's topics ("Wrong topic?"). */
  feedbackKey?: string;
  /**
   * For an alert sent by DM: the guild whose subscription sent it. A DM has no guild, so
   * the report control carries it.
   */
  feedbackDmGuildId?: string;
}

export function sourceName(source: string): string {
  try {
    return new URL(source).hostname.replace(/^www\./, '');
  } catch {
    return source.split(/[/\\]/).pop() ?? source;
  }
}
