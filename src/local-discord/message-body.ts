import { z } from 'zod';
import { discordError } from './api-error.ts';
import { nextSnowflake } from './snowflake.ts';
import type { RecordedMessage } from './state.ts';

const httpUrl = z.string().regex(/^https?:\/\//, 'Scheme must be one of (http, https).');

// Discord's documented embed limits: exceeding any of them is a 400 Invalid Form Body.
const embedSchema = z.looseObject({
  title: z.string().max(256).optional(),
  description: z.string().max(4096).optional(),
  url: httpUrl.optional(),
  color: z.number().int().min(0).max(0xffffff).optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  fields: z
    .array(
      z.object({
        name: z.string().min(1).max(256),
        value: z.string().min(1).max(1024),
        inline: z.boolean().optional(),
      }),
    )
    .max(25)
    .optional(),
  footer: z.looseObject({ text: z.string().max(2048) }).optional(),
  author: z.looseObject({ name: z.string().max(256), url: httpUrl.optional() }).optional(),
});

export const messageBodySchema = z.looseObject({
  content: z.string().max(2000).nullish(),
  embeds: z.array(embedSchema).max(10).nullish(),
  components: z.array(z.unknown()).max(40).nullish(),
  allowed_mentions: z.unknown().optional(),
  nonce: z.union([z.string().max(25), z.number().int()]).nullish(),
  enforce_nonce: z.boolean().nullish(),
  flags: z.number().int().nullish(),
});

export type MessageBody = z.infer<typeof messageBodySchema>;

type Embed = z.infer<typeof embedSchema>;

function embedTextLength(embed: Embed): number {
  const fields = embed.fields ?? [];
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Turns a zod failure into Discord's nested `errors` object (close enough to read). */
function formErrors(error: z.ZodError): Record<string, unknown> {
  return Object.fromEntries(
    error.issues.map((issue) => [
      issue.path.join('.') || '_root',
      { _errors: [{ code: 'BASE_TYPE_INVALID', message: issue.message }] },
    ]),
  );
}

/** Validates a message create/edit body the way Discord does; `creating` rejects empty messages. */
export function parseMessageBody(raw: unknown, creating: boolean): MessageBody {
  const parsed = messageBodySchema.safeParse(raw ?? {});
  if (!parsed.success) throw discordError(400, 50035, formErrors(parsed.error));
  const body = parsed.data;
  const embeds = body.embeds ?? [];
  if (embeds.reduce((sum, embed) => sum + embedTextLength(embed), 0) > 6000) {
    throw discordError(400, 50035, { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } });
  }
  const empty = !body.content && embeds.length === 0 && (body.components ?? []).length === 0;
  if (creating && empty) throw discordError(400, 50006);
  return body;
}

export const MessageFlag = { Crossposted: 1 << 0, Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

/** A new message as Discord stores it, from a validated create body. */
export function messageFromBody(
  channelId: string,
  authorId: string,
  body: MessageBody,
  extra: { flags?: number; interactionId?: string; createdAt?: string } = {},
): RecordedMessage {
  const flags = (body.flags ?? 0) | (extra.flags ?? 0);
  return {
    id: nextSnowflake(),
    channelId,
    authorId,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    ...(body.allowed_mentions === undefined ? {} : { allowedMentions: body.allowed_mentions }),
    ...(body.nonce == null ? {} : { nonce: body.nonce }),
    flags,
    crossposted: false,
    ephemeral: (flags & MessageFlag.Ephemeral) !== 0,
    createdAt: extra.createdAt ?? new Date().toISOString(),
    editedAt: null,
    ...(extra.interactionId ? { interactionId: extra.interactionId } : {}),
  };
}

/** Applies an edit: fields present in the body replace the old ones, others stay. */
export function applyEdit(message: RecordedMessage, body: MessageBody): void {
  if (body.content !== undefined) message.content = body.content ?? '';
  if (body.embeds !== undefined) message.embeds = body.embeds ?? [];
  if (body.components !== undefined) message.components = body.components ?? [];
  if (body.allowed_mentions !== undefined) message.allowedMentions = body.allowed_mentions;
  message.editedAt = new Date().toISOString();
}
