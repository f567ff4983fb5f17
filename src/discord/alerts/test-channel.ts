import {
  ChannelType,
  DiscordAPIError,
  PermissionFlagsBits,
  type RESTPostAPIChannelMessageResult,
  Routes,
} from 'discord.js';
import { redactSecrets } from '../../secrets.ts';
import { isChannelOfThisGuild } from '../guild-scope.ts';
import {
  botMember,
  missingIn,
  type PermissionName,
  POSTING_PERMISSIONS,
  permissionLabelKey,
} from '../permissions.ts';
import { renderAlert } from '../render.ts';
import { deferEphemeral, respond, type Speaker } from '../replies.ts';
import { guildAlertLanguage } from '../server-language.ts';
import type { AdminHandler } from './handler.ts';

function permissionList(names: PermissionName[], speaker: Speaker): string {
  return names.map((name) => `**${speaker.say(permissionLabelKey(name))}**`).join(', ');
}

/**
 * `/alerts test`: names every permission the bot lacks in the channel, and when it can post,
 * posts the sample alert through the same renderer and REST call real alerts use.
 */
export const testChannel: AdminHandler = async (interaction, context, speaker) => {
  const { say } = speaker;
  const channel = interaction.options.getChannel('channel', true);
  if (!isChannelOfThisGuild(interaction, channel)) {
    return respond(interaction, say('admin.otherGuild'));
  }
  const mention = `<#${channel.id}>`;
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    return respond(interaction, say('channels.wrongType', { channel: mention }));
  }
  await deferEphemeral(interaction);
  const me = await botMember(interaction.guild);
  const missing = missingIn(channel, me, POSTING_PERMISSIONS);
  const canManageRoles = me.permissions.has(PermissionFlagsBits.ManageRoles);

  const lines = [say('test.header', { channel: mention })];
  for (const name of [...POSTING_PERMISSIONS, 'ManageRoles'] as const) {
    const ok = name === 'ManageRoles' ? canManageRoles : !missing.includes(name);
    lines.push(`${ok ? '✅' : '❌'} ${say(permissionLabelKey(name))}`);
  }

  if (missing.length > 0) {
    lines.push('', say('test.cannotPost', { permissions: permissionList(missing, speaker) }));
  } else {
    // A sample of what the channel will get: in the alerts' language, not the admin's own.
    const language = guildAlertLanguage(context.settings, interaction.guild);
    const view = context.status.sampleAlert(interaction.guildId, language);
    try {
      const message = (await interaction.client.rest.post(Routes.channelMessages(channel.id), {
        body: renderAlert(view),
      })) as RESTPostAPIChannelMessageResult;
      const link = `https://discord.com/channels/${interaction.guildId}/${channel.id}/${message.id}`;
      lines.push('', say('test.posted', { link }));
    } catch (error) {
      if (!(error instanceof DiscordAPIError)) throw error;
      const reason = redactSecrets(error.message);
      lines.push('', say('test.postFailed', { reason, code: String(error.code) }));
    }
  }
  if (!canManageRoles) lines.push(say('test.noManageRoles'));
  await respond(interaction, lines.join('\n'));
};
