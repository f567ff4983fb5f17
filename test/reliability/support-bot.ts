import type { LookupFunction } from 'node:net';
import { PermissionFlagsBits } from 'discord.js';
import { createSourceAccess } from '../../src/app/source-access.ts';
import { parseConfig } from '../../src/config.ts';
import { commandPayloads, loadCommands } from '../../src/discord/command-registry.ts';
import type {
  CommandInput,
  InteractionOutcome,
  LocalGuildSpec,
  RecordedMessage,
} from '../../src/local-discord/server.ts';
import { type Logger, silentLogger } from '../../src/logger.ts';
import { startBot } from '../../src/main.ts';
import { type Harness, startHarness } from '../support/bot-harness.ts';

export interface RigOptions {
  guilds?: LocalGuildSpec[];
  env?: Record<string, string>;
  /** Where the bot logs (silent by default). */
  logger?: Logger;
  /** Replaces DNS for the bot's fetcher; its answers still pass the address policy. */
  lookup?: LookupFunction;
  /** Runs once the local Discord and blog exist, before the bot is started again (e.g. to change env). */
  beforeRelaunch?: (harness: Harness) => void | Promise<void>;
}

export type Command = Omit<CommandInput, 'guildId' | 'channelId' | 'userId'> & {
  channelId?: string;
};

export interface Rig extends Harness {
  /** Runs a command in guild `guild` (index) as its first member, an admin with Manage Server. */
  admin(input: Command, guild?: number): Promise<InteractionOutcome>;
  /** Runs a command as member `member` (index) of guild `guild`, with the given permissions. */
  member(
    input: Command,
    options?: { guild?: number; member?: number },
  ): Promise<InteractionOutcome>;
  guildId(guild?: number): string;
  channelId(name: string, guild?: number): string;
}

/**
 * The bot harness of test/support, with the commands registered the way `deploy-commands`
 * does (so options carry their declared types), and optionally a logger, a resolver or
 * settings of the test's choosing: the bot is then started again on the same store with those.
 */
export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const harness = await startHarness({
    ...(options.guilds ? { guilds: options.guilds } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  if (options.logger || options.lookup || options.beforeRelaunch) {
    await harness.bot.stop();
    await options.beforeRelaunch?.(harness);
    const launch = () => {
      const config = parseConfig(harness.env);
      return startBot(config, {
        logger: options.logger ?? silentLogger(),
        schedule: false,
        waitGuildTimeoutMs: 1_000,
        access: createSourceAccess(config, options.lookup ? { lookup: options.lookup } : {}),
      });
    };
    harness.bot = await launch();
    harness.restart = async () => {
      harness.bot = await launch();
      return harness.bot;
    };
  }
  const payloads = commandPayloads(await loadCommands());
  for (const guild of harness.discord.guilds) {
    await harness.bot.client.application?.commands.set(payloads, guild.id);
  }

  const guildAt = (index = 0) => {
    const guild = harness.discord.guilds[index];
    if (!guild) throw new Error(`no guild #${index}`);
    return guild;
  };
  const rig = harness as Rig;
  rig.guildId = (index = 0) => guildAt(index).id;
  rig.channelId = (name, index = 0) => {
    const channel = guildAt(index).channels.find((c) => c.name === name);
    if (!channel) throw new Error(`no channel #${name} in guild #${index}`);
    return channel.id;
  };
  rig.admin = ({ channelId, ...input }, index = 0) => {
    const guild = guildAt(index);
    return harness.discord.runCommand({
      guildId: guild.id,
      channelId: channelId ?? guild.channels.at(-1)!.id,
      userId: guild.members[0]!.id,
      permissions: PermissionFlagsBits.ManageGuild,
      ...input,
    });
  };
  rig.member = ({ channelId, ...input }, where = {}) => {
    const guild = guildAt(where.guild);
    return harness.discord.runCommand({
      guildId: guild.id,
      channelId: channelId ?? guild.channels[0]!.id,
      userId: guild.members[where.member ?? 1]!.id,
      ...input,
    });
  };
  return rig;
}

/**
 * What `/alerts source list` says about one source: the lines under its bullet. Long lists
 * arrive as a reply and follow-ups, so this waits until the last source's lines are in.
 */
export async function listedHealth(rig: Rig, source: string, guild = 0): Promise<string> {
  const outcome = await rig.admin(
    { name: 'alerts', subcommandGroup: 'source', subcommand: 'list' },
    guild,
  );
  const followed = rig.bot.services.registry.followedBy(rig.guildId(guild));
  const last = followed.at(-1)?.source ?? source;
  const linesUnder = (url: string) => {
    const lines = replyText(outcome).split('\n');
    const at = lines.findIndex((line) => line.startsWith('•') && line.includes(`<${url}>`));
    if (at < 0) return undefined;
    const rest = lines.slice(at + 1);
    const end = rest.findIndex((line) => !line.startsWith('-#'));
    return rest.slice(0, end < 0 ? undefined : end).join('\n');
  };
  await rig.discord.waitFor(() => Boolean(linesUnder(last)));
  const lines = linesUnder(source);
  if (lines === undefined) throw new Error(`${source} is not in /alerts source list`);
  return lines;
}

/** `/alerts status` in full: a long status arrives as a reply and follow-ups. */
export async function statusText(rig: Rig, guild = 0): Promise<string> {
  const outcome = await rig.admin({ name: 'alerts', subcommand: 'status' }, guild);
  // The last section lists recent alerts (or says there are none); it ends the status.
  const complete = () => /\*\*Last alerts\*\*\n\S/.test(replyText(outcome));
  await rig.discord.waitFor(complete);
  return replyText(outcome);
}

/** Everything the member saw in answer to a command: the reply and any follow-ups. */
export function replyText(outcome: InteractionOutcome): string {
  return [outcome.reply, ...outcome.followUps()].map((message) => message.content).join('\n');
}

/**
 * True when a message cannot ping anyone beyond the listed roles: Discord only pings what
 * allowed_mentions permits, so `parse` must be empty and `users`/`roles` limited.
 */
export function pingsAtMost(message: RecordedMessage, roles: string[] = []): boolean {
  const allowed = message.allowedMentions as
    | { parse?: string[]; roles?: string[]; users?: string[]; replied_user?: boolean }
    | undefined;
  if (!allowed) return false;
  return (
    (allowed.parse ?? []).length === 0 &&
    (allowed.users ?? []).length === 0 &&
    (allowed.roles ?? []).every((role) => roles.includes(role)) &&
    allowed.replied_user !== true
  );
}

/** The text of a message a reader sees: content and every embed's text fields. */
export function visibleText(message: RecordedMessage): string {
  const embeds = message.embeds as {
    title?: string;
    description?: string;
    author?: { name?: string };
    footer?: { text?: string };
    fields?: { name: string; value: string }[];
  }[];
  return [
    message.content,
    ...embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      embed.author?.name ?? '',
      embed.footer?.text ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
  ].join('\n');
}
