import { z } from 'zod';
import type { NewSource } from '../../app/source-access.ts';
import { deferEphemeral, respond, respondLines } from '../replies.ts';
import { plainLink } from '../time-and-links.ts';
import { coverageAddedLines } from './coverage-lines.ts';
import type { AdminHandler } from './handler.ts';
import { sourceLines } from './overview.ts';

/** Each source is polled for every guild's sake; a cap keeps one guild from flooding the poller. */
export const MAX_GUILD_SOURCES = 10;

const UrlInputSchema = z.string().trim().min(1).max(2000);

/** Compares URLs the way an admin means them: `https://x.com/a` and ` https://X.com/a ` match. */
function sameSource(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

export const addSource: AdminHandler = async (interaction, context, speaker) => {
  const { say } = speaker;
  const guildId = interaction.guildId;
  const input = UrlInputSchema.safeParse(interaction.options.getString('url', true));
  if (!input.success) return respond(interaction, say('sources.badUrl'));
  if (context.settings.get(guildId).sources.length >= MAX_GUILD_SOURCES) {
    return respond(interaction, say('sources.tooMany', { max: MAX_GUILD_SOURCES }));
  }

  await deferEphemeral(interaction);
  let checked: NewSource;
  try {
    checked = await context.sources.validateNew(input.data);
  } catch (error) {
    // validateNew words its errors for the admin; they are shown as they are.
    const reason = error instanceof Error ? error.message : String(error);
    return respond(interaction, say('sources.refused', { reason }));
  }
  const { url } = checked;
  const already = context.sources.followedBy(guildId).find((s) => sameSource(s.source, url));
  if (already) {
    const key = already.global ? 'sources.alreadyOperator' : 'sources.already';
    return respond(interaction, say(key, { url: plainLink(url) }));
  }
  let full = false;
  await context.settings.update(guildId, (settings) => {
    if (settings.sources.some((s) => sameSource(s, url))) return;
    if (settings.sources.length >= MAX_GUILD_SOURCES) full = true;
    else settings.sources.push(url);
  });
  if (full) return respond(interaction, say('sources.tooMany', { max: MAX_GUILD_SOURCES }));
  if (checked.coverage)
    return respondLines(interaction, coverageAddedLines(checked.coverage, speaker));
  await respond(interaction, say('sources.added', { url: plainLink(url) }));
};

export const removeSource: AdminHandler = async (interaction, context, speaker) => {
  const { say } = speaker;
  const guildId = interaction.guildId;
  const input = UrlInputSchema.safeParse(interaction.options.getString('url', true));
  if (!input.success) return respond(interaction, say('sources.badUrl'));
  const followed = context.sources
    .followedBy(guildId)
    .find((s) => sameSource(s.source, input.data));
  if (followed?.global) {
    return respond(
      interaction,
      say('sources.cannotRemoveOperator', { url: plainLink(followed.source) }),
    );
  }

  let removed: string | undefined;
  await context.settings.update(guildId, (settings) => {
    removed = settings.sources.find((s) => sameSource(s, input.data));
    if (removed) settings.sources = settings.sources.filter((s) => s !== removed);
  });
  if (!removed) {
    const own = context.settings.get(guildId).sources;
    return respond(
      interaction,
      say('sources.notFound', {
        url: plainLink(input.data),
        own: own.length > 0 ? own.map(plainLink).join(', ') : say('sources.noneOwn'),
      }),
    );
  }
  await respond(interaction, say('sources.removed', { url: plainLink(removed) }));
};

export const listSources: AdminHandler = async (interaction, context, speaker) => {
  await respondLines(interaction, [
    speaker.say('sources.header'),
    ...sourceLines(context, interaction.guildId, speaker),
  ]);
};
