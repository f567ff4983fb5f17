import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { createServices, type Services } from './app/services.ts';
import { createSourceAccess, type SourceAccess } from './app/source-access.ts';
import { type Config, requireDiscordToken } from './config.ts';
import { DiscordAlertSender } from './discord/alert-sender.ts';
import { botCacheFactory } from './discord/client-cache.ts';
import { loadCommands } from './discord/command-registry.ts';
import { handleInteraction } from './discord/interactions.ts';
import { pacedRequests } from './discord/paced-requests.ts';
import { watchServerLanguages } from './discord/server-language.ts';
import { planShards, withoutShardVariables } from './discord/shards.ts';
import { LocalPacer } from './fleet/send-pacer.ts';
import { localeOf } from './i18n/index.ts';
import type { Logger } from './logger.ts';
import { schedulePolls } from './scheduler.ts';
import type { KeyValueStore } from './store/key-value.ts';
import { openStore } from './store/open-store.ts';

export interface RunningBot {
  client: Client;
  services: Services;
  /** Polls every source now (the scheduler does this on POLL_CRON). */
  pollNow(): Promise<unknown>;
  stop(): Promise<void>;
}

export interface BotOptions {
  logger: Logger;
  /** Off for tests and the demo, which poll by hand. */
  schedule?: boolean;
  access?: SourceAccess;
  store?: KeyValueStore;
  /** How long to wait for guilds to arrive before giving up on them at start-up. */
  waitGuildTimeoutMs?: number;
}

/** The composition root: config → store → services → Discord → scheduler; and shutdown. */
export async function startBot(config: Config, options: BotOptions): Promise<RunningBot> {
  const { logger } = options;
  const token = requireDiscordToken(config);
  const shards = await planShards(config, token);
  const store = options.store ?? (await openStore(config.STORE_URL));
  // A fleet (REDIS_URL) is loaded only when asked for: one process never loads BullMQ.
  const fleet = config.REDIS_URL
    ? await import('./fleet/fleet.ts').then((m) => m.joinFleet(config, store, logger))
    : undefined;
  const client = withoutShardVariables(
    () =>
      new Client({
        intents: [GatewayIntentBits.Guilds],
        allowedMentions: { parse: [] },
        makeCache: botCacheFactory(),
        waitGuildTimeout: options.waitGuildTimeoutMs ?? 15_000,
        ...(shards && shards.ids.length > 0
          ? { shards: shards.ids, shardCount: shards.count }
          : {}),
        rest: {
          // Every bot request, whatever sends it, waits its turn under the global limit.
          makeRequest: pacedRequests(fleet?.pacer ?? new LocalPacer()),
          ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
        },
      }),
  );
  client.rest.setToken(token);
  try {
    const services = await createServices(config, {
      store,
      access: options.access ?? createSourceAccess(config),
      sender: new DiscordAlertSender(client.rest),
      ...(fleet ? { leases: fleet.leases, onDeliveriesQueued: () => fleet.announceQueued() } : {}),
      logger,
      // A guild another process holds is not cached here: its stored settings say instead.
      cachedLocaleOf: (guildId) => {
        const guild = client.guilds.cache.get(guildId);
        return guild ? localeOf(guild.preferredLocale) : undefined;
      },
    });
    watchServerLanguages(client, services.settings, logger);
    const commands = await loadCommands();
    client.on(Events.InteractionCreate, (interaction: Interaction) => {
      void handleInteraction(interaction, commands, services.context);
    });
    client.on(Events.Error, (error) =>
      logger.error({ error: error.message }, 'Discord client error'),
    );
    client.on(Events.ShardResume, () => logger.info('gateway session resumed'));
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    if (shards?.ids.length === 0) {
      // SHARD_IDS=none: no gateway, so no interactions; REST alone posts the alerts.
      logger.info({ shardCount: shards.count }, 'polling and sending only: no gateway shard');
    } else {
      await client.login(token);
      await ready;
      logger.info(
        {
          user: client.user?.tag,
          guilds: client.guilds.cache.size,
          ...(shards ? { shards: shards.ids, shardCount: shards.count } : {}),
        },
        'connected to Discord',
      );
    }
    services.worker.kick();
    // A fleet polls through its shared queue (each source once per tick, whoever takes
    // it); a single process on its own cron.
    if (fleet && options.schedule !== false) await fleet.run(services);
    const task =
      options.schedule === false || fleet
        ? undefined
        : schedulePolls(config.POLL_CRON, () => services.poller.pollAll(), logger);
    let stopping: Promise<void> | undefined;
    return {
      client,
      services,
      pollNow: () => services.poller.pollAll(),
      stop: () => {
        stopping ??= (async () => {
          await task?.stop();
          await fleet?.stop();
          await services.poller.idle();
          await services.worker.stop();
          await client.destroy();
          await store.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await fleet?.stop();
    await client.destroy();
    await store.close();
    throw error;
  }
}
