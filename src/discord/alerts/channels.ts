import { ChannelType } from 'discord.js';
import { isChannelOfThisGuild } from '../guild-scope.ts';
import { topicIdList } from '../member-topics.ts';
import { botMember, missingIn, POSTING_PERMISSIONS, permissionLabelKey } from '../permissions.ts';
import { respond, respondLines } from '../replies.ts';
import { safeText } from '../safe-text.ts';
import { parseTopicList, TopicListInputSchema } from '../topic-options.ts';
import type { AdminHandler } from './handler.ts';
import { carriedTopics, channelLines } from './overview.ts';

export const addChannel: AdminHandler = async (interaction, context, speaker) => {
  const { say } = speaker;
  const guildId = interaction.guildId;
  const channel = interaction.options.getChannel('channel', true);
  if (!isChannelOfThisGuild(interaction, channel)) {
    return respond(interaction, say('admin.otherGuild'));
  }
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    return respond(interaction, say('channels.wrongType', { channel: `<#${channel.id}>` }));
  }
  const topics = context.topics.list(guildId);
  const input = TopicListInputSchema.safeParse(interaction.options.getString('topics', true));
  const parsed = input.success ? parseTopicList(topics, input.data) : undefined;
  if (!parsed?.ok) {
    const unknown = parsed ? parsed.unknown : [interaction.options.getString('topics', true)];
    return respond(
      interaction,
      say('channels.unknownTopics', {
        unknown: unknown.map((item) => `“${safeText(item.slice(0, 50))}”`).join(', '),
        valid: topicIdList(topics),
      }),
    );
  }

  let existed = false;
  let wasPaused = false;
  const settings = await context.settings.update(guildId, (s) => {
    const entry = s.channels.find((c) => c.channelId === channel.id);
    const announcement = channel.type === ChannelType.GuildAnnouncement;
    if (entry) {
      existed = true;
      wasPaused = entry.paused !== undefined;
      entry.topics = parsed.topics;
      entry.announcement = announcement;
      delete entry.paused;
    } else {
      s.channels.push({ channelId: channel.id, topics: parsed.topics, announcement });
    }
    // Problems with delivery are reported where the admin set alerts up.
    s.noticeChannelId = interaction.channelId;
  });

  const saved = settings.channels.find((c) => c.channelId === channel.id);
  const lines = [
    say(existed ? 'channels.updated' : 'channels.added', {
      channel: `<#${channel.id}>`,
      topics: saved ? carriedTopics(saved, context, guildId, speaker) : '',
    }),
  ];
  if (saved?.announcement) lines.push(say('channels.announcementNote'));
  if (wasPaused) lines.push(say('channels.resumed'));
  const missing = missingIn(channel, await botMember(interaction.guild), POSTING_PERMISSIONS);
  if (missing.length > 0) {
    const names = missing.map((name) => `**${say(permissionLabelKey(name))}**`).join(', ');
    lines.push(say('channels.missingPermissions', { permissions: names }));
  }
  lines.push(say('channels.noticeHere', { channel: `<#${interaction.channelId}>` }));
  await respond(interaction, lines.join('\n'));
};

export const removeChannel: AdminHandler = async (interaction, context, speaker) => {
  const channel = interaction.options.getChannel('channel', true);
  let removed = false;
  await context.settings.update(interaction.guildId, (s) => {
    const before = s.channels.length;
    s.channels = s.channels.filter((c) => c.channelId !== channel.id);
    removed = s.channels.length < before;
  });
  const key = removed ? 'channels.removed' : 'channels.notAlertChannel';
  await respond(interaction, speaker.say(key, { channel: `<#${channel.id}>` }));
};

export const listChannels: AdminHandler = async (interaction, context, speaker) => {
  await respondLines(interaction, [
    speaker.say('channels.header'),
    ...channelLines(context, interaction.guildId, speaker),
  ]);
};
