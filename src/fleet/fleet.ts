import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { type PlaceLeases, StoreLeases } from '../app/place-leases.ts';
import type { Services } from '../app/services.ts';
import { sourceId } from '../app/source-state.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { KeyValueStore } from '../store/key-value.ts';
import { RedisPacer, type SendPacer } from './send-pacer.ts';

const TICK_SCHEDULER = 'poll-tick';
/** How often a process looks for work other processes left (a lease run out) and for settings changes. */
const LOOK_AROUND_MS = 2_000;

/**
 * What a process of a fleet (REDIS_URL set) shares with the others. Durable state lives in
 * the store; Redis holds only what can be rebuilt: BullMQ's poll queue and its scheduler,
 * the send pace, and a channel that says "deliveries were queued". If Redis restarts empty,
 * each process puts the scheduler back, and the outbox in the store is sent from as before.
 */
export interface FleetLink {
  readonly owner: string;
  readonly pacer: SendPacer;
  readonly leases: PlaceLeases;
  /** Tells every process that deliveries are waiting. */
  announceQueued(): void;
  /** Starts polling through the shared queue and listening for the others. */
  run(services: Services): Promise<void>;
  stop(): Promise<void>;
}

export async function joinFleet(
  config: Config,
  store: KeyValueStore,
  logger: Logger,
): Promise<FleetLink> {
  const url = config.REDIS_URL;
  if (!url) throw new Error('joinFleet needs REDIS_URL');
  const prefix = config.REDIS_PREFIX;
  const owner = `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  // BullMQ wants no per-command retry limit: a command waits for the connection to return.
  const redisOptions = { maxRetriesPerRequest: null, lazyConnect: false } as const;
  const control = new Redis(url, redisOptions);
  const listener = new Redis(url, redisOptions);
  for (const connection of [control, listener]) {
    connection.on('error', (error: Error) =>
      logger.warn({ error: error.message }, 'fleet: Redis connection problem'),
    );
  }
  await control.ping();
  const kickChannel = `${prefix}:deliveries-queued`;
  const leaseMs = config.FLEET_LEASE_SECONDS * 1000;
  const queue = new Queue('polls', { connection: parse(url), prefix });
  let worker: Worker | undefined;
  let lookAround: NodeJS.Timeout | undefined;
  let stopped = false;

  const ensureScheduler = async () => {
    if (stopped) return;
    if (await queue.getJobScheduler(TICK_SCHEDULER)) return;
    await queue.upsertJobScheduler(
      TICK_SCHEDULER,
      { pattern: config.POLL_CRON },
      { name: 'tick', opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
    logger.info({ cron: config.POLL_CRON }, 'fleet: poll schedule set in Redis');
  };

  return {
    owner,
    pacer: new RedisPacer(control, `${prefix}:send-pace`),
    leases: new StoreLeases(store, owner, leaseMs),
    announceQueued() {
      control
        .publish(kickChannel, owner)
        .catch((error: Error) =>
          logger.warn(
            { error: error.message },
            'fleet: could not tell the others about new alerts',
          ),
        );
    },
    async run(services) {
      const { settings, registry, states, poller, worker: deliveries } = services;
      worker = new Worker(
        'polls',
        async (job: Job) => {
          await settings.refresh();
          if (job.name === 'tick') {
            const tick = String(job.id ?? job.timestamp).replace(/[^A-Za-z0-9_-]/g, '_');
            const sources = registry.all();
            // One job per source and tick, named so a tick handled twice adds nothing twice.
            await queue.addBulk(
              sources.map((source) => ({
                name: 'poll',
                data: { source },
                opts: {
                  jobId: `${tick}-${sourceId(source)}`,
                  removeOnComplete: { age: 3_600 },
                  removeOnFail: { age: 3_600 },
                },
              })),
            );
            return { sources: sources.length };
          }
          const source = String((job.data as { source: string }).source);
          await states.loadHealth([source]);
          return (await poller.pollSource(source)).outcome;
        },
        { connection: parse(url), prefix, concurrency: config.POLL_CONCURRENCY },
      );
      worker.on('error', (error) =>
        logger.warn({ error: error.message }, 'fleet: poll worker problem'),
      );
      await listener.subscribe(kickChannel);
      listener.on('message', () => deliveries.kick());
      // After Redis comes back (perhaps empty), the schedule is put back by whoever sees it first.
      control.on('ready', () => void ensureScheduler().catch(() => undefined));
      await ensureScheduler();
      lookAround = setInterval(
        () => {
          deliveries.kick();
          void settings
            .refresh()
            .catch((error: Error) =>
              logger.warn({ error: error.message }, 'fleet: could not read settings changes'),
            );
          void ensureScheduler().catch(() => undefined);
        },
        Math.min(LOOK_AROUND_MS, leaseMs / 2),
      );
      lookAround.unref();
      logger.info({ owner }, 'fleet: joined');
    },
    async stop() {
      stopped = true;
      clearInterval(lookAround);
      await worker?.close();
      await queue.close();
      listener.disconnect();
      control.disconnect();
    },
  };
}

/** BullMQ opens its own connections (one blocking); it takes ioredis options. */
function parse(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}
