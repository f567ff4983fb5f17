import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { discordError } from './api-error.ts';
import { apiMessage } from './api-objects.ts';
import type { Gateway } from './gateway.ts';
import {
  buildComponentPayload,
  buildInteractionPayload,
  type CommandInput,
  type ComponentInput,
} from './interaction-payload.ts';
import { applyEdit, MessageFlag, messageFromBody, parseMessageBody } from './message-body.ts';
import { nextSnowflake } from './snowflake.ts';
import type { LocalState, RecordedMessage } from './state.ts';

/** Discord drops an interaction nobody answered within 3 s. */
const RESPONSE_DEADLINE_MS = 3000;
const DEFAULT_TIMEOUT_MS = 5000;

export interface InteractionOutcome {
  /** The bot deferred first and gave its answer by editing the original response. */
  deferred: boolean;
  ephemeral: boolean;
  /** The final response as the user saw it when it arrived. */
  reply: RecordedMessage;
  /** Follow-up messages sent so far (grows as the bot sends more). */
  followUps(): RecordedMessage[];
  /** A component's answer changed the message the component is on (callback 6 or 7). */
  updatedMessage?: boolean;
}

export type Choice = { name: string; value: string | number };

interface PendingInteraction {
  id: string;
  token: string;
  channelId: string;
  type: 2 | 3 | 4;
  createdAt: number;
  acknowledged: 'no' | 'deferred' | 'replied';
  original?: RecordedMessage;
  /** For a component: the message it is on, which callbacks 6 and 7 change. */
  source?: RecordedMessage;
  updatesSource?: boolean;
  followUps: RecordedMessage[];
  settle?: (value: InteractionOutcome | Choice[]) => void;
}

const callbackSchema = z.object({ type: z.number().int(), data: z.unknown().optional() });
const choicesSchema = z.object({
  choices: z
    .array(
      z.object({
        name: z.string().min(1).max(100),
        value: z.union([z.string().max(100), z.number()]),
      }),
    )
    .max(25),
});
const deferSchema = z.object({ flags: z.number().int().optional() }).optional();
const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3 } as const;
const componentSchema = z.looseObject({
  type: z.number().int(),
  custom_id: z.string().optional(),
  disabled: z.boolean().optional(),
  options: z.array(z.looseObject({ value: z.string() })).optional(),
  min_values: z.number().int().optional(),
  max_values: z.number().int().optional(),
});
const rowsSchema = z.array(
  z.looseObject({ type: z.number().int(), components: z.array(componentSchema).default([]) }),
);

/** The component a click names, checked the way Discord checks it against the message. */
function clickedComponent(message: RecordedMessage, input: ComponentInput) {
  const rows = rowsSchema.safeParse(message.components);
  const component = (rows.success ? rows.data : [])
    .flatMap((row) => row.components)
    .find((c) => c.custom_id === input.customId);
  if (!component) throw new Error(`message ${message.id} has no component "${input.customId}"`);
  if (component.disabled) throw new Error(`component "${input.customId}" is disabled`);
  if (component.type === ComponentType.StringSelect) {
    const values = input.values ?? [];
    const offered = new Set((component.options ?? []).map((option) => option.value));
    const [min, max] = [component.min_values ?? 1, component.max_values ?? 1];
    if (values.length < min || values.length > max || values.some((v) => !offered.has(v))) {
      throw new Error(`"${input.customId}" offers no such choice: ${values.join(', ')}`);
    }
  } else if (component.type !== ComponentType.Button) {
    throw new Error(
      `component "${input.customId}" (type ${component.type}) cannot be clicked here`,
    );
  }
  return component;
}

const snapshot = (message: RecordedMessage): RecordedMessage => structuredClone(message);

/** Drives interactions like a user would and serves the bot's callbacks and webhook edits. */
export class Interactions {
  private readonly byToken = new Map<string, PendingInteraction>();
  /** Ephemeral replies are in no channel's history, but their components can be used. */
  private readonly ephemeral = new Map<string, RecordedMessage>();

  constructor(
    private readonly state: LocalState,
    private readonly gateway: Gateway,
  ) {}

  runCommand(input: CommandInput): Promise<InteractionOutcome> {
    return this.start(input, `/${input.name}`, 2, (ids) =>
      buildInteractionPayload(this.state, input, { ...ids, type: 2 }),
    ) as Promise<InteractionOutcome>;
  }

  autocomplete(input: CommandInput & { focused: string }): Promise<Choice[]> {
    return this.start(input, `/${input.name}`, 4, (ids) =>
      buildInteractionPayload(this.state, input, { ...ids, type: 4, focused: input.focused }),
    ) as Promise<Choice[]>;
  }

  /** A member clicks a button or chooses in a select menu (of a message the bot sent). */
  clickComponent(input: ComponentInput): Promise<InteractionOutcome> {
    const source =
      this.state.findMessage(input.channelId, input.messageId) ??
      this.ephemeral.get(input.messageId);
    if (source?.channelId !== input.channelId) {
      return Promise.reject(new Error(`no message ${input.messageId} in ${input.channelId}`));
    }
    let type: number;
    try {
      type = input.forged
        ? input.values
          ? ComponentType.StringSelect
          : ComponentType.Button
        : clickedComponent(source, input).type;
    } catch (error) {
      return Promise.reject(error);
    }
    return this.start(
      input,
      `component "${input.customId}"`,
      3,
      (ids) => buildComponentPayload(this.state, input, ids, apiMessage(this.state, source), type),
      source,
    ) as Promise<InteractionOutcome>;
  }

  /** `POST /interactions/{id}/{token}/callback`; returns the body when `with_response` is set. */
  callback(id: string, token: string, raw: unknown, withResponse: boolean): unknown {
    const pending = this.byToken.get(token);
    if (pending?.id !== id || Date.now() - pending.createdAt > RESPONSE_DEADLINE_MS) {
      throw discordError(404, 10062);
    }
    if (pending.acknowledged !== 'no') throw discordError(400, 40060);
    const body = callbackSchema.safeParse(raw);
    const invalidType = discordError(400, 50035, {
      type: { _errors: [{ code: 'INVALID_RESPONSE_TYPE' }] },
    });
    if (!body.success) throw invalidType;

    if (pending.type === 4) {
      if (body.data.type !== 8) throw invalidType;
      const parsed = choicesSchema.safeParse(body.data.data);
      if (!parsed.success) throw discordError(400, 50035);
      pending.acknowledged = 'replied';
      pending.settle?.(parsed.data.choices);
      return undefined;
    }
    if (body.data.type === 4) {
      pending.original = this.post(pending, parseMessageBody(body.data.data, true));
      pending.acknowledged = 'replied';
      this.settle(pending, false);
    } else if (pending.source && body.data.type === 7) {
      applyEdit(pending.source, parseMessageBody(body.data.data, false));
      pending.original = pending.source;
      pending.updatesSource = true;
      pending.acknowledged = 'replied';
      this.settle(pending, false);
    } else if (pending.source && body.data.type === 6) {
      pending.original = pending.source;
      pending.updatesSource = true;
      pending.acknowledged = 'deferred';
    } else if (body.data.type === 5) {
      const defer = deferSchema.safeParse(body.data.data);
      const flags = (defer.success ? (defer.data?.flags ?? 0) : 0) | MessageFlag.Loading;
      pending.original = this.post(pending, {}, flags);
      pending.acknowledged = 'deferred';
    } else {
      throw invalidType;
    }
    if (!withResponse) return undefined;
    return {
      interaction: {
        id,
        type: 2,
        response_message_id: pending.original.id,
        response_message_loading: pending.acknowledged === 'deferred',
        response_message_ephemeral: pending.original.ephemeral,
      },
      resource: { type: body.data.type, message: apiMessage(this.state, pending.original) },
    };
  }

  /** `PATCH /webhooks/{app}/{token}/messages/{id|@original}` */
  editMessage(appId: string, token: string, messageId: string, raw: unknown): RecordedMessage {
    const pending = this.webhook(appId, token);
    const message = this.findMessage(pending, messageId);
    const wasLoading = (message.flags & MessageFlag.Loading) !== 0;
    const firstAnswer = pending.acknowledged === 'deferred' && messageId === '@original';
    applyEdit(message, parseMessageBody(raw, false));
    if (wasLoading || (firstAnswer && pending.updatesSource)) {
      message.flags &= ~MessageFlag.Loading;
      message.editedAt = null;
      pending.acknowledged = 'replied';
      this.settle(pending, true);
    }
    return message;
  }

  /** `POST /webhooks/{app}/{token}`: after a deferral the first follow-up fills the original. */
  followUp(appId: string, token: string, raw: unknown): RecordedMessage {
    const pending = this.webhook(appId, token);
    if (pending.acknowledged === 'no') throw discordError(404, 10015);
    if (pending.acknowledged === 'deferred') {
      return this.editMessage(appId, token, '@original', raw);
    }
    const message = this.post(pending, parseMessageBody(raw, true));
    pending.followUps.push(message);
    return message;
  }

  /** Async so that bad input (unknown guild, channel, option) rejects instead of throwing. */
  private async start(
    input: { channelId: string; timeoutMs?: number },
    label: string,
    type: 2 | 3 | 4,
    build: (ids: { id: string; token: string }) => unknown,
    source?: RecordedMessage,
  ): Promise<unknown> {
    const id = nextSnowflake();
    const token = randomBytes(48).toString('base64url');
    const payload = build({ id, token });
    if (!this.gateway.hasSession()) throw new Error('no bot session is connected to the gateway');
    const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const pending: PendingInteraction = {
      id,
      token,
      channelId: input.channelId,
      type,
      createdAt: Date.now(),
      acknowledged: 'no',
      followUps: [],
      ...(source ? { source } : {}),
    };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.settle = undefined;
        const what =
          type === 4
            ? 'autocomplete choices'
            : `final response (acknowledged: ${pending.acknowledged})`;
        reject(new Error(`${label}: the bot gave no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.settle = (value) => {
        clearTimeout(timer);
        pending.settle = undefined;
        resolve(value);
      };
      this.byToken.set(token, pending);
      this.gateway.dispatch('INTERACTION_CREATE', payload);
    });
  }

  private settle(pending: PendingInteraction, deferred: boolean): void {
    const original = pending.original;
    if (!original) return;
    pending.settle?.({
      deferred,
      ephemeral: original.ephemeral,
      reply: snapshot(original),
      followUps: () => pending.followUps.map(snapshot),
      ...(pending.updatesSource ? { updatedMessage: true } : {}),
    });
  }

  /** Ephemeral responses are seen only by the user, so they stay out of the channel's history. */
  private post(
    pending: PendingInteraction,
    body: Parameters<typeof messageFromBody>[2],
    flags = 0,
  ) {
    const message = messageFromBody(pending.channelId, this.state.bot.id, body, {
      flags,
      interactionId: pending.id,
    });
    if (!message.ephemeral) this.state.addMessage(message);
    else this.ephemeral.set(message.id, message);
    return message;
  }

  private webhook(appId: string, token: string): PendingInteraction {
    const pending = this.byToken.get(token);
    if (!pending || appId !== this.state.applicationId) throw discordError(404, 10015);
    return pending;
  }

  private findMessage(pending: PendingInteraction, messageId: string): RecordedMessage {
    const message =
      messageId === '@original'
        ? pending.original
        : pending.followUps.find((followUp) => followUp.id === messageId);
    if (!message) throw discordError(404, 10008);
    return message;
  }
}
