import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type DeliveryTarget, type Placement, targetKey } from './route.ts';

const TargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('channel'), channelId: z.string(), announcement: z.boolean() }),
  z.object({ kind: z.literal('dm'), userId: z.string() }),
]);

/**
 * One alert to one place, written down before it is sent (the outbox). Its states:
 * pending → sent, or pending → paused (Discord refused the place: an admin must act),
 * or pending → failed (it can never be sent, e.g. a member's DMs are closed).
 */
export const DeliverySchema = z.object({
  id: z.string(),
  action: z.enum(['post', 'edit']),
  updateKey: z.string(),
  guildId: z.string(),
  target: TargetSchema,
  topicIds: z.array(z.string()),
  roleIds: z.array(z.string()),
  /** Matched phrases per topic id: why the alert fired. */
  matched: z.record(z.string(), z.array(z.string())),
  /** Sent as the message nonce with enforce_nonce, so a re-send never posts twice. */
  nonce: z.string(),
  state: z.enum(['pending', 'sent', 'paused', 'failed']),
  attempts: z.number().int().default(0),
  /** When the bot first saw the update: the start of the publication-to-post delay. */
  seenAt: z.string(),
  createdAt: z.string(),
  sentAt: z.string().optional(),
  messageId: z.string().optional(),
  lastError: z.string().optional(),
  /**
   * The version of the update's text (`fingerprint` in detect.ts) the post was planned for,
   * so a poll redone after a crash can tell whether the text moved on since.
   */
  fingerprint: z.string().optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export function updateKey(source: string, updateId: string): string {
  return createHash('sha256').update(`${source}\u0000${updateId}`).digest('base64url').slice(0, 24);
}

/** The post of one update to one place always has the same id, whichever process makes it. */
export function postDeliveryId(key: string, target: DeliveryTarget): string {
  return `${key}.${targetKey(target)}`;
}

/** Discord nonces are at most 25 characters. */
export function nonceFor(deliveryId: string): string {
  return createHash('sha256').update(deliveryId).digest('hex').slice(0, 25);
}

export function newPostDelivery(
  key: string,
  placement: Placement,
  matched: Record<string, string[]>,
  seenAt: string,
  now: string,
  fingerprint?: string,
): Delivery {
  const id = postDeliveryId(key, placement.target);
  return {
    ...(fingerprint ? { fingerprint } : {}),
    id,
    action: 'post',
    updateKey: key,
    guildId: placement.guildId,
    target: placement.target,
    topicIds: placement.topicIds,
    roleIds: placement.roleIds,
    matched: pick(matched, placement.topicIds),
    nonce: nonceFor(id),
    state: 'pending',
    attempts: 0,
    seenAt,
    createdAt: now,
  };
}

/**
 * An edit of a posted alert; one per version of the text (`fingerprint`). The post may still
 * be on its way: the edit then takes the message id from it when it is sent.
 */
export function newEditDelivery(
  post: Delivery,
  fingerprint: string,
  matched: Record<string, string[]>,
  topicIds: string[],
  now: string,
): Delivery {
  const id = `${post.id}.edit.${fingerprint}`;
  return {
    ...post,
    id,
    action: 'edit',
    topicIds,
    matched: pick(matched, topicIds),
    nonce: nonceFor(id),
    state: 'pending',
    attempts: 0,
    createdAt: now,
    fingerprint,
    sentAt: undefined,
    lastError: undefined,
  };
}

function pick(matched: Record<string, string[]>, ids: string[]): Record<string, string[]> {
  return Object.fromEntries(ids.map((id) => [id, matched[id] ?? []]));
}
