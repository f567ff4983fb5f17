import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LocalBlog } from '../../src/demo/blog-server.ts';
import type { LocalDiscord } from '../../src/local-discord/server.ts';
import type { BotProcess } from '../support/bot-process.ts';

/** The moments at which the crash test pulls the plug on the bot. */
export type KillMoment =
  /** Somewhere while the process loads, logs in and resumes its outbox. */
  | 'start-up'
  /** Just after it asked Discord for the gateway: connected, nothing done yet. */
  | 'logged-in'
  /** A few milliseconds after the blog answered a poll with a changed page. */
  | 'mid-poll'
  /** The instant the store file changes after a changed page: inside the poll's writes. */
  | 'store-write'
  /** Discord has just accepted an alert; the bot has not written that down yet. */
  | 'post-accepted'
  /** About half of the alerts still owed have landed. */
  | 'half-delivered'
  /** Discord has just received an edit of a posted alert. */
  | 'edit-under-way'
  /** Discord has just received the publication of an announcement. */
  | 'publish-under-way';

export interface KillContext {
  bot: BotProcess;
  discord: LocalDiscord;
  blog: LocalBlog;
  storeFile: string;
  /** Alerts (all places) Discord holds now. */
  alertCount(): number;
  /** Alerts still owed when the process started. */
  owed: number;
  random(): number;
}

const TRIGGER_TIMEOUT_MS = 15_000;

/** Checks a condition every millisecond; false if it did not hold in time or the bot died. */
async function until(ctx: KillContext, condition: () => boolean): Promise<boolean> {
  const deadline = Date.now() + TRIGGER_TIMEOUT_MS;
  while (!condition()) {
    if (Date.now() > deadline || !ctx.bot.running) return false;
    await sleep(1);
  }
  return true;
}

/** Changes to the SQLite file, its write-ahead log or its rollback journal. */
function storeStamp(storeFile: string): string {
  return ['', '-wal', '-journal']
    .map((suffix) => {
      const stat = statSync(`${storeFile}${suffix}`, { bigint: true, throwIfNoEntry: false });
      return stat ? `${stat.size}:${stat.mtimeNs}` : '-';
    })
    .join('|');
}

/**
 * Waits for the moment and returns whether it was reached (the caller kills either way).
 * Only requests made after the call count, so each moment belongs to this process.
 */
export async function reachMoment(moment: KillMoment, ctx: KillContext): Promise<boolean> {
  const { discord, blog } = ctx;
  const fromRequest = discord.requests.length;
  const fromFetch = blog.requests.length;
  const sinceStart = () => discord.requests.slice(fromRequest);
  const pageServed = () => blog.requests.slice(fromFetch).some((r) => !r.notModified);
  switch (moment) {
    case 'start-up':
      await sleep(150 + Math.floor(ctx.random() * 1_100));
      return ctx.bot.running;
    case 'logged-in':
      return until(ctx, () => sinceStart().some((r) => r.path === '/gateway/bot'));
    case 'mid-poll': {
      const reached = await until(ctx, pageServed);
      await sleep(Math.floor(ctx.random() * 15));
      return reached;
    }
    case 'store-write': {
      if (!(await until(ctx, pageServed))) return false;
      const before = storeStamp(ctx.storeFile);
      return until(ctx, () => storeStamp(ctx.storeFile) !== before);
    }
    case 'post-accepted':
      return until(ctx, () =>
        sinceStart().some(
          (r) =>
            r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status < 300,
        ),
      );
    case 'half-delivered': {
      const target = ctx.alertCount() + Math.max(1, Math.ceil(ctx.owed / 2));
      return until(ctx, () => ctx.alertCount() >= target);
    }
    case 'edit-under-way':
      return until(ctx, () =>
        sinceStart().some((r) => r.method === 'PATCH' && r.path.startsWith('/channels/')),
      );
    case 'publish-under-way':
      return until(ctx, () =>
        sinceStart().some((r) => r.method === 'POST' && r.path.endsWith('/crosspost')),
      );
  }
}
