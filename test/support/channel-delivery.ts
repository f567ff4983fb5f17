import { type Delivery, newPostDelivery } from '../../src/core/delivery.ts';

/** A pending air-raid post of `update` to the `channel`-th test channel of a guild. */
export function channelDelivery(guildId: string, update: string, channel: number): Delivery {
  return newPostDelivery(
    update,
    {
      guildId,
      target: {
        kind: 'channel',
        channelId: String(200000000000000000n + BigInt(channel)),
        announcement: false,
      },
      topicIds: ['air-raid'],
      roleIds: [],
    },
    { 'air-raid': ['missile'] },
    '2026-01-01T00:00:00.000Z',
    '2026-01-01T00:00:00.000Z',
  );
}
