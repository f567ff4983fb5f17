import { z } from 'zod';
import { discordError } from './api-error.ts';
import { apiChannel, apiMessage, apiUser } from './api-objects.ts';
import { type Gateway, Intent } from './gateway.ts';
import { applyEdit, MessageFlag, messageFromBody, parseMessageBody } from './message-body.ts';
import { get, ok, patch, post, type Route } from './router.ts';
import {
  type ChannelRecord,
  ChannelType,
  type LocalState,
  Permission,
  type RecordedMessage,
} from './state.ts';

/** How long Discord remembers a nonce for `enforce_nonce`. */
const NONCE_WINDOW_MS = 5 * 60_000;

const createDmSchema = z.object({ recipient_id: z.string().min(1) });
const snowflake = z.string().regex(/^\d{1,20}$/);
const historyQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: snowflake.optional(),
  after: snowflake.optional(),
});

/** Channels, messages, DMs and users. */
export function messageRoutes(state: LocalState, gateway: Gateway): Route[] {
  const visibleChannel = (channelId: string): ChannelRecord => {
    const channel = state.channels.get(channelId);
    if (!channel) throw discordError(404, 10003);
    if (!(state.botPermissionsIn(channel) & Permission.ViewChannel)) throw discordError(403, 50001);
    return channel;
  };

  const sendableChannel = (channelId: string): ChannelRecord => {
    const channel = visibleChannel(channelId);
    if (channel.type === ChannelType.DM && state.closedDms.has(channel.recipientId ?? '')) {
      throw discordError(403, 50007);
    }
    if (!(state.botPermissionsIn(channel) & Permission.SendMessages)) {
      throw discordError(403, 50013);
    }
    return channel;
  };

  const existingMessage = (channel: ChannelRecord, messageId: string): RecordedMessage => {
    const message = state.findMessage(channel.id, messageId);
    if (!message) throw discordError(404, 10008);
    return message;
  };

  const canManage = (channel: ChannelRecord, message: RecordedMessage) =>
    message.authorId === state.bot.id ||
    (state.botPermissionsIn(channel) & Permission.ManageMessages) !== 0n;

  const messageIntent = (channel: ChannelRecord) =>
    channel.type === ChannelType.DM ? Intent.DirectMessages : Intent.GuildMessages;

  const sameNonce = (channelId: string, nonce: string | number) =>
    state.messages
      .get(channelId)
      ?.find(
        (message) =>
          message.nonce === nonce &&
          message.authorId === state.bot.id &&
          state.now() - Date.parse(message.createdAt) < NONCE_WINDOW_MS,
      );

  return [
    get('/channels/:channelId', ({ params }) =>
      ok(apiChannel(state, visibleChannel(params.channelId!))),
    ),

    post(
      '/channels/:channelId/messages',
      ({ params, body }) => {
        const channel = sendableChannel(params.channelId!);
        const parsed = parseMessageBody(body, true);
        if (parsed.enforce_nonce && parsed.nonce != null) {
          const earlier = sameNonce(channel.id, parsed.nonce);
          if (earlier) return ok(apiMessage(state, earlier));
        }
        // Only interaction responses can be ephemeral.
        const flags = (parsed.flags ?? 0) & ~MessageFlag.Ephemeral;
        const createdAt = new Date(state.now()).toISOString();
        const message = messageFromBody(
          channel.id,
          state.bot.id,
          { ...parsed, flags },
          { createdAt },
        );
        state.addMessage(message);
        gateway.dispatch('MESSAGE_CREATE', apiMessage(state, message), messageIntent(channel));
        return ok(apiMessage(state, message));
      },
      {
        bucket: (params) => ({ key: `messages:${params.channelId}`, hash: 'local-message-create' }),
      },
    ),

    // Newest first, like Discord; without Read Message History Discord returns no messages.
    get('/channels/:channelId/messages', ({ params, query }) => {
      const channel = visibleChannel(params.channelId!);
      const parsed = historyQuerySchema.safeParse(Object.fromEntries(query));
      if (!parsed.success) throw discordError(400, 50035, parsed.error.issues);
      if (!(state.botPermissionsIn(channel) & Permission.ReadMessageHistory)) return ok([]);
      const { limit, before, after } = parsed.data;
      const older = (a: string, b: string) => BigInt(a) < BigInt(b);
      const messages = (state.messages.get(channel.id) ?? [])
        .filter((message) => !message.ephemeral)
        .filter((message) => !before || older(message.id, before))
        .filter((message) => !after || older(after, message.id))
        .sort((a, b) => (older(a.id, b.id) ? 1 : -1));
      // `after` pages forwards: the oldest messages past it, still listed newest first.
      const page = after ? messages.slice(-limit) : messages.slice(0, limit);
      return ok(page.map((message) => apiMessage(state, message)));
    }),

    get('/channels/:channelId/messages/:messageId', ({ params }) => {
      const channel = visibleChannel(params.channelId!);
      return ok(apiMessage(state, existingMessage(channel, params.messageId!)));
    }),

    patch('/channels/:channelId/messages/:messageId', ({ params, body }) => {
      const channel = visibleChannel(params.channelId!);
      const message = existingMessage(channel, params.messageId!);
      if (message.authorId !== state.bot.id) throw discordError(403, 50005);
      applyEdit(message, parseMessageBody(body, false));
      gateway.dispatch('MESSAGE_UPDATE', apiMessage(state, message), messageIntent(channel));
      return ok(apiMessage(state, message));
    }),

    post('/channels/:channelId/messages/:messageId/crosspost', ({ params }) => {
      const channel = visibleChannel(params.channelId!);
      const message = existingMessage(channel, params.messageId!);
      if (channel.type !== ChannelType.Announcement) throw discordError(400, 50024);
      if (message.crossposted) throw discordError(400, 40033);
      if (!canManage(channel, message)) throw discordError(403, 50013);
      message.crossposted = true;
      message.flags |= MessageFlag.Crossposted;
      return ok(apiMessage(state, message));
    }),

    get('/users/@me', () => ok(apiUser(state.bot))),

    post('/users/@me/channels', ({ body }) => {
      const parsed = createDmSchema.safeParse(body);
      if (!parsed.success) throw discordError(400, 50035);
      if (!state.users.has(parsed.data.recipient_id)) throw discordError(400, 50033);
      return ok(apiChannel(state, state.dmChannelFor(parsed.data.recipient_id)));
    }),

    get('/users/:userId', ({ params }) => {
      const user = state.users.get(params.userId!);
      if (!user) throw discordError(404, 10013);
      return ok(apiUser(user));
    }),
  ];
}
