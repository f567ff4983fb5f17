import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { z } from 'zod';
import type { TopicInfo } from '../core/topic.ts';
import { type Locale, t } from '../i18n/index.ts';

/** Discord allows at most 25 autocomplete choices, each name and value at most 100 long. */
const MAX_CHOICES = 25;
const MAX_CHOICE_TEXT = 100;

export const TopicInputSchema = z.string().trim().min(1).max(100);
export const TopicListInputSchema = z.string().trim().min(1).max(1000);

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A topic by id, or by its English or Ukrainian name (what autocomplete may have shown). */
export function findTopic(topics: TopicInfo[], input: string): TopicInfo | undefined {
  const wanted = normalise(input);
  return (
    topics.find((topic) => topic.id === wanted) ??
    topics.find(
      (topic) => normalise(topic.name.en) === wanted || normalise(topic.name.uk) === wanted,
    )
  );
}

export type TopicListResult =
  | { ok: true; topics: 'all' | string[] }
  | { ok: false; unknown: string[] };

/** `all`, or comma-separated topic ids (names accepted too); duplicates dropped. */
export function parseTopicList(topics: TopicInfo[], input: string): TopicListResult {
  const items = input
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) return { ok: false, unknown: [input.trim()] };
  if (items.some((item) => item.toLowerCase() === 'all')) return { ok: true, topics: 'all' };
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    const topic = findTopic(topics, item);
    if (!topic) unknown.push(item);
    else if (!ids.includes(topic.id)) ids.push(topic.id);
  }
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, topics: ids };
}

function matches(topic: TopicInfo, query: string): boolean {
  const wanted = normalise(query);
  if (!wanted) return true;
  return [topic.id, topic.name.en, topic.name.uk].some((text) => normalise(text).includes(wanted));
}

function choiceName(topic: TopicInfo, locale: Locale): string {
  return `${topic.emoji} ${topic.name[locale]} (${topic.id})`.slice(0, MAX_CHOICE_TEXT);
}

/** Choices for a single topic option: the topics whose id or name contains what was typed. */
export function topicChoices(
  topics: TopicInfo[],
  typed: string,
  locale: Locale,
): ApplicationCommandOptionChoiceData<string>[] {
  return topics
    .filter((topic) => matches(topic, typed))
    .slice(0, MAX_CHOICES)
    .map((topic) => ({ name: choiceName(topic, locale), value: topic.id }));
}

/**
 * Choices for a comma-separated list: completes only the last item, keeping what is already
 * typed before it, and never offers a topic twice.
 */
export function topicListChoices(
  topics: TopicInfo[],
  typed: string,
  locale: Locale,
): ApplicationCommandOptionChoiceData<string>[] {
  const cut = typed.lastIndexOf(',');
  const done =
    cut === -1
      ? []
      : typed
          .slice(0, cut)
          .split(',')
          .map((item) => item.trim());
  const last = cut === -1 ? typed : typed.slice(cut + 1);
  const prefix = done.filter((item) => item.length > 0).join(', ');
  const chosen = new Set(done.map((item) => findTopic(topics, item)?.id ?? item));

  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  if (done.length === 0 && 'all'.startsWith(normalise(last))) {
    choices.push({ name: t(locale, 'choice.allTopics'), value: 'all' });
  }
  for (const topic of topics) {
    if (chosen.has(topic.id) || !matches(topic, last)) continue;
    const value = prefix ? `${prefix}, ${topic.id}` : topic.id;
    if (value.length > MAX_CHOICE_TEXT) continue;
    const name = prefix ? `${prefix}, ${choiceName(topic, locale)}` : choiceName(topic, locale);
    choices.push({ name: name.length > MAX_CHOICE_TEXT ? `…${name.slice(-99)}` : name, value });
  }
  return choices.slice(0, MAX_CHOICES);
}

/** Plain-string choices (sources, guild topics) filtered by what was typed. */
export function textChoices(
  values: { name: string; value: string }[],
  typed: string,
): ApplicationCommandOptionChoiceData<string>[] {
  const wanted = normalise(typed);
  return values
    .filter((item) => normalise(`${item.name} ${item.value}`).includes(wanted))
    .filter((item) => item.value.length <= MAX_CHOICE_TEXT)
    .slice(0, MAX_CHOICES)
    .map((item) => ({ name: item.name.slice(0, MAX_CHOICE_TEXT), value: item.value }));
}
