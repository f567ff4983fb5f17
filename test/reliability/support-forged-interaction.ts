/**
 * Rewrites the next INTERACTION_CREATE the bot receives, before discord.js reads it: the
 * way to hand the bot an option Discord itself would never resolve (another guild's
 * channel or role), to prove the bot does not rely on Discord alone.
 */
import type { Client } from 'discord.js';

interface Packet {
  t?: string | null;
  d?: unknown;
}

interface Option {
  name: string;
  type: number;
  value?: unknown;
  options?: Option[];
}

interface InteractionData {
  data: { options?: Option[]; resolved?: Record<string, Record<string, Record<string, unknown>>> };
}

export function forgeNextInteraction(client: Client, forge: (data: InteractionData) => void) {
  const ws = client.ws as unknown as {
    handlePacket(packet: Packet, shard: unknown): unknown;
  };
  const original = ws.handlePacket;
  ws.handlePacket = function (this: unknown, packet: Packet, shard: unknown) {
    if (packet?.t === 'INTERACTION_CREATE') {
      ws.handlePacket = original;
      forge(packet.d as InteractionData);
    }
    return original.call(this, packet, shard);
  };
}

function findOption(options: Option[] | undefined, name: string): Option | undefined {
  for (const option of options ?? []) {
    if (option.name === name && option.value !== undefined) return option;
    const inner = findOption(option.options, name);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Replaces the channel or role an option names with another one (which may belong to
 * another guild), in the option and in the resolved objects, as a consistent payload.
 */
export function swapResolved(
  kind: 'channels' | 'roles',
  optionName: string,
  replacement: Record<string, unknown> & { id: string },
) {
  return (payload: InteractionData) => {
    const option = findOption(payload.data.options, optionName);
    if (!option) throw new Error(`the interaction has no option ${optionName}`);
    const resolved = payload.data.resolved?.[kind];
    if (!resolved) throw new Error(`the interaction resolved no ${kind}`);
    const previous = resolved[String(option.value)] ?? {};
    delete resolved[String(option.value)];
    resolved[replacement.id] = { ...previous, ...replacement };
    option.value = replacement.id;
  };
}
