import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { parseConfig } from '../config.ts';
import { startLocalDiscord } from '../local-discord/server.ts';
import { createLogger } from '../logger.ts';
import { startBot } from '../main.ts';
import { fromPackageRoot } from '../package-root.ts';
import { startLocalBlog } from './blog-server.ts';
import { formatAlert } from './print-alert.ts';

/** Not compiled: read from the package's source tree whether this runs from src/ or dist/. */
const SAMPLE_DIR = 'src/demo/sample';

const SNAPSHOTS = [
  ['t0.html', '09:30', 'first sight of the blog (5 updates)'],
  ['t1.html', '09:50', 'three updates added, Key points rewritten'],
  ['t2.html', '09:56', 'one update corrected, one removed'],
  ['t3.html', '10:06', 'two updates added, Key points rewritten again'],
] as const;
const BACKFILL = 5;

/**
 * `npm run demo`: the real bot, its real SQLite store and the real discord.js client,
 * against a Discord stand-in and a live blog both on 127.0.0.1. No token, no network.
 */
export async function runDemo(_args: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'liveblog-alerts-demo-'));
  const discord = await startLocalDiscord({
    guilds: [
      {
        name: 'Demo Newsroom',
        channels: [
          { name: 'air-raid-alerts' },
          { name: 'ukraine-live', type: 5 },
          { name: 'mods' },
        ],
        members: [{ username: 'olena' }, { username: 'admin' }],
      },
    ],
  });
  const blog = await startLocalBlog();
  const guild = discord.guilds[0]!;
  const [raids, live, mods] = guild.channels;
  const [olena, admin] = guild.members;
  const say = (text: string) => console.log(text);
  try {
    blog.publish(readFileSync(fromPackageRoot(SAMPLE_DIR, SNAPSHOTS[0][0])));
    const config = parseConfig({
      DISCORD_TOKEN: 'demo-token-for-the-local-stand-in',
      DISCORD_API_URL: discord.apiUrl,
      STORE_URL: `sqlite://${join(dir, 'demo.sqlite')}`,
      SOURCES: blog.url,
      ALLOW_PRIVATE_SOURCES: '127.0.0.1/32',
      BACKFILL_ON_FIRST_SIGHT: String(BACKFILL),
    });
    const logger = createLogger({ level: 'error', format: 'pretty' });
    say(
      `liveblog-alerts demo: a Discord stand-in at ${discord.apiUrl}, a live blog at ${blog.url}\n`,
    );
    const bot = await startBot(config, { logger, schedule: false, waitGuildTimeoutMs: 2_000 });
    say(`✔ the bot logged in and sees "${guild.name}"\n`);

    const asAdmin = {
      guildId: guild.id,
      channelId: mods!.id,
      userId: admin!.id,
      permissions: PermissionFlagsBits.ManageGuild,
    };
    for (const [channel, topics] of [
      [raids!, 'air-raid'],
      [live!, 'all'],
    ] as const) {
      const outcome = await discord.runCommand({
        ...asAdmin,
        name: 'alerts',
        subcommandGroup: 'channel',
        subcommand: 'add',
        options: { channel: channel.id, topics },
      });
      say(
        `admin › /alerts channel add #${channel.name} topics:${topics}\n  ${outcome.reply.content}`,
      );
    }
    const subscribed = await discord.runCommand({
      guildId: guild.id,
      channelId: raids!.id,
      userId: olena!.id,
      name: 'subscribe',
      options: { topic: 'air-raid' },
    });
    say(`olena › /subscribe topic:air-raid\n  ${subscribed.reply.content}\n`);
    say(
      `(a newly followed blog alerts only its ${BACKFILL} newest updates: BACKFILL_ON_FIRST_SIGHT=${BACKFILL})\n`,
    );

    const shown = new Map<string, string>();
    const roles = () => new Map(discord.roles(guild.id).map((r) => [r.id, r.name]));
    for (const [file, time, change] of SNAPSHOTS) {
      blog.publish(readFileSync(fromPackageRoot(SAMPLE_DIR, file)));
      say(`━━ ${time} — the blog changes: ${change}`);
      await bot.pollNow();
      await bot.services.worker.idle();
      let printed = 0;
      for (const channel of [raids!, live!]) {
        for (const message of discord.messages(channel.id)) {
          const version = `${message.editedAt ?? ''}${message.crossposted}`;
          if (shown.get(message.id) === version) continue;
          shown.set(message.id, version);
          say(formatAlert(message, `#${channel.name}`, { roles: roles() }));
          printed += 1;
        }
      }
      say(printed === 0 ? '  (no alert)\n' : '');
    }
    const total = [raids!, live!].reduce((n, c) => n + discord.messages(c.id).length, 0);
    say(
      `Done: ${total} alerts posted, none twice. olena holds ${discord.memberRoles(guild.id, olena!.id).length} mention role(s).`,
    );
    await bot.stop();
  } finally {
    await discord.close();
    await blog.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
