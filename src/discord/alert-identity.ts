import type { APIEmbed, APIMessage } from 'discord.js';
import type { AlertView } from '../core/alert.ts';
import { wrongTopicButtonId } from './feedback/ids.ts';
import { renderAlert } from './render.ts';

/** A URL as Discord gives it back (it may normalise what was sent). */
function sameUrl(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/** Discord returns embed times as `…+00:00`; the bot sends `….000Z`. */
function sameTime(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Date.parse(a) === Date.parse(b);
}

/**
 * Whether `message` is the bot's alert for the update `view` shows: written by the bot, and
 * its embed links the same update, at the same time, under the same headline. All three
 * must agree so that two updates of a blog without per-update links are never confused
 * (adopting the wrong message would lose an alert, which is worse than a second copy).
 */
export function isAlertFor(message: APIMessage, view: AlertView, botUserId: string): boolean {
  if (message.author?.id !== botUserId) return false;
  // The "Wrong topic?" button names the update exactly, even after the text was edited.
  if (
    view.feedbackKey &&
    hasComponent(message, wrongTopicButtonId(view.feedbackKey, view.feedbackDmGuildId))
  ) {
    return true;
  }
  const wanted = (renderAlert(view).embeds ?? [])[0] as APIEmbed | undefined;
  const found = message.embeds?.[0];
  if (!wanted || !found) return false;
  return (
    found.title === wanted.title &&
    sameUrl(found.url, wanted.url) &&
    sameTime(found.timestamp, wanted.timestamp)
  );
}

function hasComponent(message: APIMessage, customId: string): boolean {
  return (message.components ?? []).some((row) =>
    ('components' in row ? row.components : []).some(
      (component) => 'custom_id' in component && component.custom_id === customId,
    ),
  );
}
