/** A topic as the rest of the bot sees it: built-in (alerts/*.ts) or a guild's own keywords. */
export interface TopicInfo {
  id: string;
  name: { en: string; uk: string };
  description: { en: string; uk: string };
  emoji: string;
  color: number;
  /** Urgent topics (air raids) are the ones allowed to break through quiet hours. */
  urgency: 'urgent' | 'normal';
  builtin: boolean;
}

/** One topic found in an update, with the phrases that made it match (the "why"). */
export interface TopicMatch {
  topicId: string;
  phrases: string[];
}
