import { apiMessage, apiUser } from './api-objects.ts';
import type { Gateway } from './gateway.ts';
import type { Interactions } from './interactions.ts';
import { guildRoutes } from './rest-guilds.ts';
import { messageRoutes } from './rest-messages.ts';
import { get, noContent, ok, patch, post, type Route } from './router.ts';
import type { LocalState } from './state.ts';

/** Every REST route the local Discord serves, bot routes and interaction/webhook routes. */
export function allRoutes(
  state: LocalState,
  gateway: Gateway,
  interactions: Interactions,
  gatewayUrl: () => string,
  recommendedShards = 1,
): Route[] {
  const gatewayInfo = () => ({
    url: gatewayUrl(),
    shards: recommendedShards,
    session_start_limit: {
      total: 1000,
      remaining: 1000,
      reset_after: 86_400_000,
      max_concurrency: 1,
    },
  });
  const interaction = { botAuth: false };
  const message = (found: Parameters<typeof apiMessage>[1]) => ok(apiMessage(state, found));

  return [
    get('/gateway/bot', () => ok(gatewayInfo())),
    get('/gateway', () => ok({ url: gatewayUrl() }), interaction),
    get('/applications/@me', () =>
      ok({
        id: state.applicationId,
        name: state.bot.username,
        description: '',
        flags: 0,
        bot: apiUser(state.bot),
      }),
    ),

    ...messageRoutes(state, gateway),
    ...guildRoutes(state, gateway),

    post(
      '/interactions/:id/:token/callback',
      ({ params, body, query }) => {
        const withResponse = query.get('with_response') === 'true';
        const response = interactions.callback(params.id!, params.token!, body, withResponse);
        return response === undefined ? noContent() : ok(response);
      },
      interaction,
    ),
    post(
      '/webhooks/:appId/:token',
      ({ params, body, query }) => {
        const sent = interactions.followUp(params.appId!, params.token!, body);
        return query.get('wait') === 'true' ? message(sent) : noContent();
      },
      interaction,
    ),
    patch(
      '/webhooks/:appId/:token/messages/:messageId',
      ({ params, body }) =>
        message(interactions.editMessage(params.appId!, params.token!, params.messageId!, body)),
      interaction,
    ),
  ];
}
