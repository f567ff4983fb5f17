import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import type { SendPacer } from '../fleet/send-pacer.ts';

type MakeRequest = RESTOptions['makeRequest'];

/** Discord counts a request against the bot's global limit when it carries the bot's token. */
function countsGlobally(init: Parameters<MakeRequest>[1]): boolean {
  return /^Bot /.test(
    new Headers(init.headers as ConstructorParameters<typeof Headers>[0]).get('authorization') ??
      '',
  );
}

/**
 * discord.js's HTTP call, each bot request first waiting its turn from the pacer. The turn
 * is taken here, after discord.js's own queues, immediately before the request leaves:
 * taken any earlier, requests released in turn could still bunch in those queues (behind a
 * per-route wait, or a 429's retry-after) and leave together. discord.js's retries of a
 * 429 come through here as well and wait their turn like any other request. Interaction
 * responses carry no token and are not held up.
 */
export function pacedRequests(
  pacer: SendPacer,
  send: MakeRequest = DefaultRestOptions.makeRequest,
): MakeRequest {
  return async (url, init) => {
    if (countsGlobally(init)) await pacer.wait();
    return send(url, init);
  };
}
