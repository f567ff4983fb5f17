/**
 * Custom ids of the "Wrong topic?" controls. The update key (24 characters) says which
 * update the alert is about; the guild, channel and member come from the interaction
 * itself, which Discord vouches for, never from the id.
 */
const BUTTON = 'wrong-topic';
const PICK = 'wrong-topic-pick';
const UPDATE_KEY = /^[A-Za-z0-9_-]{1,64}$/;

export const wrongTopicButtonId = (updateKey: string) => `${BUTTON}:${updateKey}`;
export const wrongTopicPickId = (updateKey: string) => `${PICK}:${updateKey}`;

export type FeedbackControl = { kind: 'button' | 'pick'; updateKey: string };

/** Which control a custom id names, or undefined for anything else. */
export function parseFeedbackId(customId: string): FeedbackControl | undefined {
  const colon = customId.indexOf(':');
  const prefix = customId.slice(0, colon);
  const updateKey = customId.slice(colon + 1);
  if (colon < 0 || !UPDATE_KEY.test(updateKey)) return undefined;
  if (prefix === BUTTON) return { kind: 'button', updateKey };
  if (prefix === PICK) return { kind: 'pick', updateKey };
  return undefined;
}
