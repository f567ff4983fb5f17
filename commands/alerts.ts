import {
  type AutocompleteInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandContext } from '../src/app/context.ts';
import { answerAdminAutocomplete } from '../src/discord/alerts/autocomplete.ts';
import { addChannel, listChannels, removeChannel } from '../src/discord/alerts/channels.ts';
import { showFeedback } from '../src/discord/alerts/feedback.ts';
import type { AdminHandler } from '../src/discord/alerts/handler.ts';
import { chooseLanguage } from '../src/discord/alerts/language.ts';
import { setTopicRole } from '../src/discord/alerts/role.ts';
import { addSource, listSources, removeSource } from '../src/discord/alerts/sources.ts';
import { showStatus } from '../src/discord/alerts/status.ts';
import { testChannel } from '../src/discord/alerts/test-channel.ts';
import { addGuildTopic, removeGuildTopic } from '../src/discord/alerts/topics.ts';
import { describe, localizedChoice } from '../src/discord/command-text.ts';
import { ensureManageGuild } from '../src/discord/permissions.ts';
import { respond, speakerFor } from '../src/discord/replies.ts';

const ALERT_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

export const data = describe(new SlashCommandBuilder().setName('alerts'), 'cmd.alerts')
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommandGroup((group) =>
    describe(group.setName('channel'), 'cmd.alerts.channel')
      .addSubcommand((sub) =>
        describe(sub.setName('add'), 'cmd.alerts.channel.add')
          .addChannelOption((option) =>
            describe(option.setName('channel'), 'opt.channel.add')
              .setRequired(true)
              .addChannelTypes(...ALERT_CHANNEL_TYPES),
          )
          .addStringOption((option) =>
            describe(option.setName('topics'), 'opt.topics')
              .setRequired(true)
              .setAutocomplete(true),
          ),
      )
      .addSubcommand((sub) =>
        describe(sub.setName('remove'), 'cmd.alerts.channel.remove').addChannelOption((option) =>
          describe(option.setName('channel'), 'opt.channel.remove').setRequired(true),
        ),
      )
      .addSubcommand((sub) => describe(sub.setName('list'), 'cmd.alerts.channel.list')),
  )
  .addSubcommandGroup((group) =>
    describe(group.setName('source'), 'cmd.alerts.source')
      .addSubcommand((sub) =>
        describe(sub.setName('add'), 'cmd.alerts.source.add').addStringOption((option) =>
          describe(option.setName('url'), 'opt.url.add').setRequired(true).setMaxLength(2000),
        ),
      )
      .addSubcommand((sub) =>
        describe(sub.setName('remove'), 'cmd.alerts.source.remove').addStringOption((option) =>
          describe(option.setName('url'), 'opt.url.remove').setRequired(true).setAutocomplete(true),
        ),
      )
      .addSubcommand((sub) => describe(sub.setName('list'), 'cmd.alerts.source.list')),
  )
  .addSubcommand((sub) =>
    describe(sub.setName('role'), 'cmd.alerts.role')
      .addStringOption((option) =>
        describe(option.setName('topic'), 'opt.topic.role').setRequired(true).setAutocomplete(true),
      )
      .addRoleOption((option) => describe(option.setName('role'), 'opt.role').setRequired(true)),
  )
  .addSubcommandGroup((group) =>
    describe(group.setName('topic'), 'cmd.alerts.topic')
      .addSubcommand((sub) =>
        describe(sub.setName('add'), 'cmd.alerts.topic.add')
          .addStringOption((option) =>
            describe(option.setName('name'), 'opt.name.add').setRequired(true).setMaxLength(50),
          )
          .addStringOption((option) =>
            describe(option.setName('keywords'), 'opt.keywords')
              .setRequired(true)
              .setMaxLength(1000),
          )
          .addStringOption((option) =>
            describe(option.setName('exclude'), 'opt.exclude').setMaxLength(1000),
          ),
      )
      .addSubcommand((sub) =>
        describe(sub.setName('remove'), 'cmd.alerts.topic.remove').addStringOption((option) =>
          describe(option.setName('name'), 'opt.name.remove')
            .setRequired(true)
            .setAutocomplete(true),
        ),
      ),
  )
  .addSubcommand((sub) =>
    describe(sub.setName('test'), 'cmd.alerts.test').addChannelOption((option) =>
      describe(option.setName('channel'), 'opt.channel.test')
        .setRequired(true)
        .addChannelTypes(...ALERT_CHANNEL_TYPES),
    ),
  )
  .addSubcommand((sub) =>
    describe(sub.setName('language'), 'cmd.alerts.language').addStringOption((option) =>
      describe(option.setName('language'), 'opt.language').addChoices(
        localizedChoice('choice.language.server', 'server'),
        localizedChoice('choice.language.en', 'en'),
        localizedChoice('choice.language.uk', 'uk'),
      ),
    ),
  )
  .addSubcommand((sub) => describe(sub.setName('status'), 'cmd.alerts.status'))
  .addSubcommand((sub) => describe(sub.setName('feedback'), 'cmd.alerts.feedback'));

const handlers: Record<string, AdminHandler> = {
  'channel add': addChannel,
  'channel remove': removeChannel,
  'channel list': listChannels,
  'source add': addSource,
  'source remove': removeSource,
  'source list': listSources,
  role: setTopicRole,
  'topic add': addGuildTopic,
  'topic remove': removeGuildTopic,
  test: testChannel,
  language: chooseLanguage,
  status: showStatus,
  feedback: showFeedback,
};

export async function execute(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: CommandContext,
): Promise<void> {
  const speaker = speakerFor(interaction);
  if (!(await ensureManageGuild(interaction))) return;
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(true);
  const handler = handlers[group ? `${group} ${sub}` : sub];
  if (!handler) return respond(interaction, speaker.say('error.unknownCommand'));
  await handler(interaction, context, speaker);
}

export const autocomplete = (interaction: AutocompleteInteraction, context: CommandContext) =>
  answerAdminAutocomplete(interaction, context);
