import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  RESTPatchAPIChannelMessageJSONBody,
  RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { AlertView } from '../core/alert.ts';
import { t } from '../i18n/index.ts';
import { wrongTopicButtonId } from './feedback/ids.ts';
import { clip, oneLine, safeClip, safeText } from './safe-text.ts';
import { httpUrl } from './time-and-links.ts';

const LIMITS = {
  title: 256,
  // About 600 characters, stretched a little so a cut can fall at the end of a sentence.
  description: 700,
  headlineInContent: 200,
  author: 256,
  fieldValue: 1024,
  buttonUrl: 512,
} as const;

/**
 * One alert message for one update: a line with the role pings, an embed, a link button and
 * the small "Wrong topic?" button.
 */
export function renderAlert(view: AlertView): RESTPostAPIChannelMessageJSONBody {
  return render(view, false);
}

/** The same message for a PATCH after the blog edited the update. */
export function renderAlertEdit(view: AlertView): RESTPatchAPIChannelMessageJSONBody {
  return render(view, true);
}

function render(view: AlertView, edited: boolean) {
  const topics = orderedTopics(view);
  const roleIds = [...new Set(view.roleIds.filter((id) => /^\d{1,25}$/.test(id)))];
  const url = httpUrl(view.update.url);
  const headline = headlineOf(view);
  const description = bodyAfter(headline, view.update.body);

  const firstEmoji = topics[0]?.emoji ?? '📰';
  const topicNames = topics.map((topic) => safeText(topic.name[view.locale])).join(' · ');
  const line = `${firstEmoji} **${topicNames || t(view.locale, 'alert.update')}** — ${safeClip(
    oneLine(headline),
    LIMITS.headlineInContent,
  )}`;
  const mentions = roleIds.map((id) => `<@&${id}>`).join(' ');

  const embed: APIEmbed = {
    title: safeClip(oneLine(headline), LIMITS.title),
    ...(url ? { url } : {}),
    ...(description ? { description: safeClip(description, LIMITS.description) } : {}),
    author: {
      name: clip(view.sourceName, LIMITS.author),
      ...(httpUrl(view.update.source) ? { url: view.update.source } : {}),
    },
    ...(timestampOf(view.update.published)
      ? { timestamp: timestampOf(view.update.published) }
      : {}),
    ...(topics[0] ? { color: topics[0].color } : {}),
    ...(edited ? { footer: { text: t(view.locale, 'alert.edited') } } : {}),
    fields: topics.length > 0 ? [topicField(view, topics)] : [],
  };

  const buttons: APIButtonComponent[] = [];
  if (url && url.length <= LIMITS.buttonUrl) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: t(view.locale, 'alert.readMore'),
      url,
    });
  }
  if (view.feedbackKey && topics.length > 0) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: t(view.locale, 'alert.wrongTopic'),
      custom_id: wrongTopicButtonId(view.feedbackKey, view.feedbackDmGuildId),
    });
  }
  const components: APIActionRowComponent<APIButtonComponent>[] =
    buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];

  return {
    content: mentions ? `${mentions} ${line}` : line,
    embeds: [embed],
    components,
    allowed_mentions: { parse: [], roles: roleIds },
  };
}

/** Urgent topics lead: their colour and emoji are the ones a reader sees first. */
function orderedTopics(view: AlertView): AlertView['topics'] {
  const urgent = view.topics.filter((topic) => topic.urgency === 'urgent');
  const normal = view.topics.filter((topic) => topic.urgency !== 'urgent');
  return [...urgent, ...normal];
}

/**
 * Live blogs often open an update with its headline; the embed shows it as the title
 * already, so the body starts after it.
 */
function bodyAfter(headline: string, body: string): string {
  const text = body.trim();
  const lead = oneLine(headline).replace(/\s+/g, '');
  let matched = 0;
  let end = 0;
  while (end < text.length && matched < lead.length) {
    const char = text[end] as string;
    if (!/\s/.test(char)) {
      if (char !== lead[matched]) return text;
      matched += 1;
    }
    end += 1;
  }
  const rest = text.slice(end).replace(/^[\s.,;:!?–—-]+/, '');
  return lead && rest ? rest : text;
}

function headlineOf(view: AlertView): string {
  const title = view.update.title.trim();
  if (title) return title;
  const body = oneLine(view.update.body);
  return body ? clip(body, 120) : t(view.locale, 'alert.untitled');
}

function topicField(view: AlertView, topics: AlertView['topics']) {
  const lines = topics.map((topic) => {
    const name = `${topic.emoji} **${safeText(topic.name[view.locale])}** \`${topic.id}\``;
    const phrases = topic.phrases.map((phrase) => `“${safeText(oneLine(phrase))}”`).join(', ');
    return phrases ? `${name} — ${t(view.locale, 'alert.matched')} ${phrases}` : name;
  });
  return {
    name: t(view.locale, 'alert.topics'),
    value: fitLines(lines, LIMITS.fieldValue),
  };
}

/** Joins lines, dropping the tail (marked "…") rather than breaking markdown mid-line. */
function fitLines(lines: string[], max: number): string {
  const kept: string[] = [];
  for (const line of lines) {
    const next = [...kept, line].join('\n');
    if (next.length > max - 2) {
      if (kept.length === 0) kept.push(`${line.slice(0, max - 2)}…`);
      else kept.push('…');
      break;
    }
    kept.push(line);
  }
  return kept.join('\n');
}

function timestampOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
