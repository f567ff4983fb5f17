/**
 * Every English string the bot shows. `uk.ts` must have the same keys (a missing one is a
 * type error) and the same `{placeholders}` (checked by a test).
 * Command, subcommand and option descriptions (`cmd.*`, `opt.*`) are at most 100 characters.
 */
export const en = {
  // Command descriptions
  'cmd.topics': 'Show the alert topics, which channels carry them and whether you follow them',
  'cmd.subscribe': 'Get alerts for a topic: a ping in the alert channels or a direct message',
  'cmd.unsubscribe': 'Stop getting alerts for a topic',
  'cmd.subscriptions': 'Show the topics you follow and how',
  'cmd.latest': 'Show the newest live-blog updates',
  'cmd.alerts': 'Set up live-blog alerts for this server (Manage Server)',
  'cmd.alerts.channel': 'Channels that receive alerts',
  'cmd.alerts.channel.add': 'Post alerts for some topics to a channel',
  'cmd.alerts.channel.remove': 'Stop posting alerts to a channel',
  'cmd.alerts.channel.list': 'List the alert channels',
  'cmd.alerts.source': 'Live blogs this server follows',
  'cmd.alerts.source.add': 'Follow a live blog or feed',
  'cmd.alerts.source.remove': 'Stop following a live blog',
  'cmd.alerts.source.list': 'List the followed live blogs and their health',
  'cmd.alerts.role': 'Use an existing role as the mention role of a topic',
  'cmd.alerts.topic': 'This server’s own keyword topics',
  'cmd.alerts.topic.add': 'Create a keyword topic',
  'cmd.alerts.topic.remove': 'Delete a keyword topic',
  'cmd.alerts.test': 'Check the bot’s permissions in a channel and post a sample alert',
  'cmd.alerts.status': 'Sources, channels, pauses and the last alerts sent',
  'cmd.alerts.language': 'The language of this server’s alerts, or see which one is used',
  'cmd.alerts.feedback': 'Members’ recent “Wrong topic?” reports on this server’s alerts',

  // Option descriptions and choices
  'opt.topic.subscribe': 'The topic to follow',
  'opt.topic.unsubscribe': 'The topic to stop following',
  'opt.topic.latest': 'Only updates about this topic',
  'opt.topic.role': 'The topic whose alerts mention the role',
  'opt.delivery': 'How to get the alerts (a ping by default)',
  'opt.count': 'How many updates (1–10, 5 by default)',
  'opt.channel.add': 'A text or announcement channel',
  'opt.channel.remove': 'The alert channel to stop',
  'opt.channel.test': 'The channel to check',
  'opt.topics': 'Topic ids separated by commas, or "all"',
  'opt.url.add': 'The live blog’s address (a page, RSS, Atom or JSON feed)',
  'opt.url.remove': 'The live blog to stop following',
  'opt.role': 'The role to mention',
  'opt.name.add': 'The topic’s name, e.g. "Kharkiv"',
  'opt.name.remove': 'The topic to delete',
  'opt.keywords': 'Words or phrases that make an update match, separated by commas',
  'opt.exclude': 'Words or phrases that stop a match, separated by commas',
  'opt.language': 'Leave out to see the current language',
  'choice.language.server': 'The server’s language in Discord (the default)',
  'choice.language.en': 'English',
  'choice.language.uk': 'Ukrainian (українська)',
  'choice.delivery.ping': 'Ping me in the alert channels',
  'choice.delivery.dm': 'Send me a direct message',
  'choice.allTopics': '✳️ every topic (all)',

  // Alerts
  'alert.readMore': 'Read the full update',
  'alert.topics': 'Topics',
  'alert.matched': 'matched',
  'alert.untitled': 'New update',
  'alert.update': 'Update',
  'alert.edited': '✏️ Edited by the live blog',
  'alert.wrongTopic': 'Wrong topic?',

  // "Wrong topic?" reports and /alerts feedback
  'feedback.pick': 'Which topic is wrong for this alert? Pick one or more.',
  'feedback.pickPlaceholder': 'The wrong topic(s)',
  'feedback.thanks':
    '🙏 Thanks: you reported that this alert is not about {topics}. The server’s admins see it in `/alerts feedback`.',
  'feedback.already': 'You already reported this alert as not about {topics}.',
  'feedback.rateLimited':
    'You sent many reports in a short time, so this one was not recorded. Please try again in a few minutes.',
  'feedback.unknownAlert':
    'This alert is too old to report, or the bot no longer has it. Nothing was recorded.',
  'feedback.notThisAlert': 'That topic is not one of this alert’s topics. Nothing was recorded.',
  'feedback.otherGuild':
    'This alert did not come to you from that server, so it cannot be reported there. Nothing was recorded.',
  'feedback.header': '**Recent “Wrong topic?” reports** (newest first)',
  'feedback.none': 'No member has reported a wrong topic on this server’s alerts yet.',
  'feedback.line': '{when} · {member} · **{title}** ({link}) — not {topic}; matched {words}',
  'feedback.noWords': 'no words recorded',
  'feedback.link': 'the alert',
  'feedback.viaDm': 'sent by DM',

  // Errors shared by every command
  'error.unexpected':
    'Sorry, something went wrong on our side. If it keeps happening, tell the bot’s operator this error id: `{errorId}`',
  'error.unknownCommand': 'This command is not known to the bot (yet). Try again in a minute.',
  'error.guildOnly': 'This command only works in a server the bot is in.',
  'admin.refused':
    'Only members with the **Manage Server** permission can change alert settings. Nothing was changed.',
  'admin.otherGuild': 'That channel or role belongs to another server. Nothing was changed.',
  'topic.unknown': 'There is no topic “{input}”. Topics here: {valid}',

  // /topics
  'topics.header': '**Alert topics** (use `/subscribe` to follow one)',
  'topics.channels': 'posted in {channels}',
  'topics.noChannels': 'not posted in any channel yet',
  'topics.you.ping': '🔔 you get pinged',
  'topics.you.dm': '✉️ you get DMs',
  'topics.you.none': 'you don’t follow it',
  'topics.footer': '-# Admins pick channels with `/alerts channel add`.',

  // /subscribe
  'subscribe.badDelivery': 'Delivery must be `ping` or `dm`.',
  'subscribe.ping.done': '🔔 You now have {role}: alerts about {topic} will ping you.',
  'subscribe.ping.channels': 'They are posted in {channels}.',
  'subscribe.ping.noChannels':
    'No channel posts this topic yet; ask an admin to add one with `/alerts channel add`.',
  'subscribe.already.ping': 'You already get pinged for {topic}.',
  'subscribe.already.dm': 'You already get direct messages for {topic}.',
  'subscribe.dm.done': '✉️ You will get a direct message for every alert about {topic}.',
  'subscribe.dm.confirmation':
    '✉️ You will get alerts about {topic} from **{guild}** here. Use `/unsubscribe` in that server to stop.',
  'subscribe.dm.closed':
    'I can’t send you direct messages, so you are not subscribed to {topic}. Allow direct messages from server members (this server’s Privacy Settings), then run `/subscribe` again.',

  // Mention roles
  'role.name': '{emoji} {name}',
  'role.reason': 'Mention role for /subscribe ({topic})',
  'role.renameReason': "The server's alert language changed ({topic})",
  'role.problem.noManageRoles':
    'I can’t give you a role for {topic}: I don’t have the **Manage Roles** permission. An admin can grant it to my role (Server Settings → Roles), or choose an existing role with `/alerts role`.',
  'role.problem.aboveBot':
    'Discord won’t let me give {role}: it is above my highest role. An admin must drag my role above it in Server Settings → Roles.',
  'role.problem.managed':
    '{role} is managed by an integration, so nobody can give it. An admin can choose another role with `/alerts role`.',

  // /unsubscribe, /subscriptions
  'unsubscribe.ping': '🔕 Removed your role: alerts about {topic} no longer ping you.',
  'unsubscribe.dm': '🔕 No more direct messages about {topic}.',
  'unsubscribe.notSubscribed': 'You weren’t subscribed to {topic}.',
  'subscriptions.header': '**Your subscriptions**',
  'subscriptions.ping': '🔔 ping in {channels}',
  'subscriptions.pingNoChannel': '🔔 ping (no channel posts it yet)',
  'subscriptions.dm': '✉️ direct message',
  'subscriptions.none':
    'You don’t follow any topic. See them with `/topics`, follow with `/subscribe`.',

  // /latest
  'latest.header': '**Latest updates**',
  'latest.headerTopic': '**Latest updates about {topic}**',
  'latest.none': 'No updates are stored yet. They appear after the next poll of the live blogs.',
  'latest.noneForTopic': 'No stored update is about {topic} yet.',
  'latest.badCount': 'Count must be a whole number from 1 to 10.',
  'latest.noTime': 'no time given',
  'latest.noTopics': 'no topic',

  // /alerts channel
  'channels.header': '**Alert channels**',
  'channels.none': 'No alert channel yet. Add one with `/alerts channel add`.',
  'channels.allTopics': 'every topic',
  'channels.announcement': '📢 announcement (published to following servers)',
  'channels.paused': '⏸️ paused {when}: {reason}',
  'channels.added': '✅ {channel} will get alerts about: {topics}.',
  'channels.updated': '✅ {channel} now gets alerts about: {topics}.',
  'channels.announcementNote':
    '📢 It is an announcement channel: each alert is also published to servers that follow it.',
  'channels.resumed': '▶️ The pause on this channel is lifted; new alerts will be posted again.',
  'channels.missingPermissions':
    '⚠️ I can’t post there yet. Give my role these permissions in that channel: {permissions}.',
  'channels.noticeHere': '-# If delivery stops, I will say so in {channel}.',
  'channels.removed': '🗑️ {channel} no longer gets alerts.',
  'channels.notAlertChannel':
    '{channel} is not an alert channel. See them with `/alerts channel list`.',
  'channels.wrongType': '{channel} is not a text or announcement channel.',
  'channels.unknownTopics': 'Unknown topic {unknown}. Use `all` or ids from: {valid}',

  // /alerts source
  'sources.header': '**Live blogs**',
  'sources.none': 'No live blog is followed. Add one with `/alerts source add`.',
  'sources.operator': '(set by the bot’s operator)',
  'sources.lastSuccess': 'last read {when}',
  'sources.neverSucceeded': 'never read yet',
  'sources.failures': 'failures in a row: {count}',
  'sources.known': 'updates stored: {count}',
  'sources.nextAttempt': 'next try {when}',
  'sources.suppressed': '{count} alerts held back {when} (too many at once)',
  'sources.lastError': 'last error {when}: {error}',
  'sources.badUrl': 'Give the address of a live blog, at most 2000 characters.',
  'sources.tooMany': 'This server already follows {max} live blogs. Remove one first.',
  'sources.refused': '❌ {reason}',
  'sources.already': '{url} is already followed.',
  'sources.alreadyOperator':
    '{url} is already followed: the bot’s operator set it for every server.',
  'sources.added': '✅ Following {url}. New updates will be checked at the next poll.',
  'sources.cannotRemoveOperator':
    '{url} was set by the bot’s operator for every server, so it can’t be removed here.',
  'sources.notFound': '{url} is not followed by this server. Its own live blogs: {own}',
  'sources.noneOwn': 'none',
  'sources.removed': '🗑️ Stopped following {url}.',

  'coverage.added':
    '✅ Coverage: {site} — {section}; following now: {blog}, started {when}. Newer live blogs it lists are followed as they appear.',
  'coverage.addedNone':
    '✅ Coverage: {site} — {section}. No live blog is listed there right now; I will follow the first one it lists.',
  'coverage.candidates': '-# Checked {checked} of {candidates} live-looking links: {outcomes}',
  'coverage.line': 'coverage: {site} — {section}',
  'coverage.following': 'following {blog}, started {when}',
  'coverage.alsoFollowing': 'also {blog} until it ends or goes quiet',
  'coverage.switched': 'last switched {when}',
  'coverage.nothingYet': 'no live blog found yet',
  'coverage.noLiveBlog': '⚠️ no live blog with news for over {hours} h',
  'coverage.checked':
    'last check {when}: {links} links, {candidates} looked live, {checked} fetched, {deferred} left for later polls',
  'coverage.refused': 'not followed: {title} — {reason}',
  'coverage.verdict.live': 'live blog',
  'coverage.verdict.ended': 'live blog, ended',
  'coverage.verdict.not-live-blog': 'not a live blog',
  'coverage.verdict.failed': 'could not be fetched',
  'coverage.verdict.too-large': 'too large to fetch',
  'coverage.noLiveNotice':
    '⚠️ {site} — {section} has had no live blog with news for over {hours} hours, so no alerts come from it. I will follow the next live blog it lists: {url}',

  // /alerts role
  'role.everyone': '@everyone can’t be a topic role. Choose or create a role for it.',
  'role.managedRefused':
    '{role} is managed by an integration (a bot or a subscription) and can’t be given to members.',
  'role.set': '✅ Alerts about {topic} will mention {role}, and `/subscribe` gives it.',
  'role.replaced': 'It replaces {previous} (that role was not deleted).',
  'role.notMentionable':
    '⚠️ {role} is not mentionable, so alerts won’t ping it. Turn on “Allow anyone to @mention this role” in its settings.',

  // /alerts topic
  'guildTopics.tooMany': 'This server already has {max} topics of its own. Delete one first.',
  'guildTopics.invalid': '❌ {reason}',
  'guildTopics.clashesBuiltin': '`{slug}` is a built-in topic. Pick another name.',
  'guildTopics.keywordTooShort':
    '❌ The keyword {keyword} reads as “{reads}” once punctuation and symbols are set aside: fewer than two letters or digits, so it would be found in almost every update. Use a whole word.',
  'guildTopics.tooBroad':
    '❌ These keywords would match {matched} of {total} sample live-blog updates ({percent}%), more than a quarter, so the topic would alert on almost everything. Most matches: {keywords}. Choose more specific keywords or add exclusions. Nothing was changed.',
  'guildTopics.exists': 'This server already has a topic `{slug}`. Delete it first to change it.',
  'guildTopics.added': '✅ Created the topic **{name}** (`{slug}`).',
  'guildTopics.keywords': 'Matches: {keywords}',
  'guildTopics.excluded': 'Except with: {keywords}',
  'guildTopics.next':
    'Add it to a channel with `/alerts channel add` (topics: `{slug}`); members follow it with `/subscribe`.',
  'guildTopics.none': 'none',
  'guildTopics.notFound': 'No topic of this server has that name. Its topics: {list}',
  'guildTopics.removed': '🗑️ Deleted the topic **{name}** (`{slug}`) and its subscriptions.',
  'guildTopics.channelsDropped':
    'These channels carried only that topic and no longer get alerts: {channels}',
  'guildTopics.roleKept':
    'The role {role} still exists; delete it in Server Settings if nobody needs it.',

  // /alerts test
  'test.header': '**Permissions in {channel}**',
  'test.cannotPost':
    '❌ I can’t post alerts there. In the channel’s settings (Permissions), give my role: {permissions}.',
  'test.posted': '✅ Posted a sample alert: {link}',
  'test.postFailed': '❌ Discord refused the sample alert ({code}): {reason}',
  'test.noManageRoles':
    '⚠️ Without **Manage Roles** I can’t create roles for `/subscribe`; set roles with `/alerts role` or grant it.',

  // /alerts language
  'language.name.en': 'English',
  'language.name.uk': 'Ukrainian',
  'language.chosen':
    'Alerts on this server are written in **{language}**, as chosen with `/alerts language`.',
  'language.server':
    'Alerts on this server are written in **{language}**, the server’s language in Discord (Server Settings → Community → Overview).',
  'language.bad': 'Language must be `server`, `en` or `uk`. Nothing was changed.',
  'language.setChosen': '✅ From now on alerts on this server are written in **{language}**.',
  'language.rolesRenamed': '🏷️ Mention roles renamed to match: {count}.',
  'language.rolesNotRenamed':
    '⚠️ Mention roles that could not be renamed: {count}. Give the bot Manage Roles and put its role above them, then choose the language again.',
  'language.setServer':
    '✅ From now on alerts on this server follow the server’s language in Discord: now **{language}**.',

  // /alerts status
  'status.header': '**Alert status**',
  'status.deliveries': '**Last alerts**',
  'status.noDeliveries': 'No alert sent yet.',
  'status.dm': 'a direct message',
  'status.delay': '{delay} after the update was seen',
  'status.state.pending': '⏳ waiting',
  'status.state.sent': '✅ sent',
  'status.state.paused': '⏸️ paused',
  'status.state.failed': '❌ failed',

  // Permission names as Discord shows them
  'permission.ViewChannel': 'View Channel',
  'permission.SendMessages': 'Send Messages',
  'permission.EmbedLinks': 'Embed Links',
  'permission.ManageRoles': 'Manage Roles',

  // Told in the guild's notice channel when a channel stops receiving alerts
  'notice.paused':
    "⚠️ Alerts to {channel} are paused: {reason}. Fix the bot's permissions there, then run `/alerts channel add` again.",

  'unit.s': 's',
  'unit.min': 'min',
  'unit.h': 'h',
} as const;

export type MessageKey = keyof typeof en;
