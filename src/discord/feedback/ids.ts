/**
 * Custom ids of the "Wrong topic?" controls. The update key (24 characters) says which
 * update the alert is about; the channel and member come from the interaction itself,
 * which Discord vouches for, never from the id. In a channel so does the guild. A DM has
 * no guild, so a DM alert's control names the guild whose subscription sent it: a claim
 * the bot checks against its record of that DM before it files anything there.
 */
const BUTTON = 'wrong-topic';
const PICK = 'wrong-topic-pick';
const DM_BUTTON = 'wrong-topic-dm';
const DM_PICK = 'wrong-topic-dm-pick';
const UPDATE_KEY = /^[A-Za-z0-9_-]{1,64}$/;
const GUILD_ID = /^\d{1,25}$/;

const withGuild = (prefix: string, updateKey: string, dmGuildId: string | undefined) =>
  dmGuildId === undefined ? `${prefix}:${updateKey}` : `${prefix}:${dmGuildId}:${updateKey}`;

/** `dmGuildId`: for an alert sent by DM, the guild it was sent for. */
export const wrongTopicButtonId = (updateKey: string, dmGuildId?: string) =>
  withGuild(dmGuildId === undefined ? BUTTON : DM_BUTTON, updateKey, dmGuildId);
export const wrongTopicPickId = (updateKey: string, dmGuildId?: string) =>
  withGuild(dmGuildId === undefined ? PICK : DM_PICK, updateKey, dmGuildId);

export type FeedbackControl = {
  kind: 'button' | 'pick';
  updateKey: string;
  /** Present on the controls of DM alerts only: the guild they claim to come from. */
  dmGuildId?: string;
};

const KINDS: Record<string, { kind: FeedbackControl['kind']; dm: boolean }> = {
  [BUTTON]: { kind: 'button', dm: false },
  [PICK]: { kind: 'pick', dm: false },
  [DM_BUTTON]: { kind: 'button', dm: true },
  [DM_PICK]: { kind: 'pick', dm: true },
};

/** Which control a custom id names, or undefined for anything else. */
export function parseFeedbackId(customId: string): FeedbackControl | undefined {
  const [prefix = '', ...rest] = customId.split(':');
  const known = Object.hasOwn(KINDS, prefix) ? KINDS[prefix] : undefined;
  if (!known) return undefined;
  if (!known.dm) {
    const [updateKey] = rest;
    if (rest.length !== 1 || !updateKey || !UPDATE_KEY.test(updateKey)) return undefined;
    return { kind: known.kind, updateKey };
  }
  const [dmGuildId, updateKey] = rest;
  if (rest.length !== 2 || !dmGuildId || !GUILD_ID.test(dmGuildId)) return undefined;
  if (!updateKey || !UPDATE_KEY.test(updateKey)) return undefined;
  return { kind: known.kind, updateKey, dmGuildId };
}
