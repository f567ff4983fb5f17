import type { MessageKey } from './en.ts';

/** Ukrainian strings: exactly the keys of `en.ts`, with the same `{placeholders}`. */
export const uk: Record<MessageKey, string> = {
  'cmd.topics': 'Теми сповіщень, канали, де вони виходять, і чи ви на них підписані',
  'cmd.subscribe':
    'Отримувати сповіщення на тему: згадку в каналах сповіщень або особисте повідомлення',
  'cmd.unsubscribe': 'Більше не отримувати сповіщень на тему',
  'cmd.subscriptions': 'Ваші підписки і як ви їх отримуєте',
  'cmd.latest': 'Найновіші оновлення з онлайн-трансляцій',
  'cmd.alerts': 'Налаштування сповіщень для цього сервера (Керувати сервером)',
  'cmd.alerts.channel': 'Канали, що отримують сповіщення',
  'cmd.alerts.channel.add': 'Публікувати сповіщення на теми в каналі',
  'cmd.alerts.channel.remove': 'Припинити сповіщення в каналі',
  'cmd.alerts.channel.list': 'Список каналів сповіщень',
  'cmd.alerts.source': 'Онлайн-трансляції, які відстежує сервер',
  'cmd.alerts.source.add': 'Відстежувати онлайн-трансляцію або стрічку',
  'cmd.alerts.source.remove': 'Припинити відстежувати онлайн-трансляцію',
  'cmd.alerts.source.list': 'Відстежувані онлайн-трансляції та їхній стан',
  'cmd.alerts.role': 'Зробити наявну роль роллю для згадок теми',
  'cmd.alerts.topic': 'Власні теми сервера за ключовими словами',
  'cmd.alerts.topic.add': 'Створити тему за ключовими словами',
  'cmd.alerts.topic.remove': 'Видалити тему за ключовими словами',
  'cmd.alerts.test': 'Перевірити дозволи бота в каналі й опублікувати зразок сповіщення',
  'cmd.alerts.status': 'Джерела, канали, паузи й останні надіслані сповіщення',

  'opt.topic.subscribe': 'Тема, на яку підписатися',
  'opt.topic.unsubscribe': 'Тема, від якої відписатися',
  'opt.topic.latest': 'Лише оновлення на цю тему',
  'opt.topic.role': 'Тема, сповіщення якої згадують роль',
  'opt.delivery': 'Як отримувати сповіщення (за замовчуванням — згадка)',
  'opt.count': 'Скільки оновлень (1–10, за замовчуванням 5)',
  'opt.channel.add': 'Текстовий канал або канал оголошень',
  'opt.channel.remove': 'Канал, у якому припинити сповіщення',
  'opt.channel.test': 'Канал для перевірки',
  'opt.topics': 'Ідентифікатори тем через кому або "all"',
  'opt.url.add': 'Адреса онлайн-трансляції (сторінка, RSS, Atom або JSON-стрічка)',
  'opt.url.remove': 'Онлайн-трансляція, яку більше не відстежувати',
  'opt.role': 'Роль для згадки',
  'opt.name.add': 'Назва теми, напр. "Харків"',
  'opt.name.remove': 'Тема, яку видалити',
  'opt.keywords': 'Слова чи фрази, з якими оновлення підходить, через кому',
  'opt.exclude': 'Слова чи фрази, з якими оновлення не підходить, через кому',
  'choice.delivery.ping': 'Згадувати мене в каналах сповіщень',
  'choice.delivery.dm': 'Надсилати мені особисте повідомлення',
  'choice.allTopics': '✳️ усі теми (all)',

  'alert.readMore': 'Читати повністю',
  'alert.topics': 'Теми',
  'alert.matched': 'збіг:',
  'alert.untitled': 'Нове оновлення',
  'alert.update': 'Оновлення',
  'alert.edited': '✏️ Змінено в трансляції',

  'error.unexpected':
    'Вибачте, у нас щось пішло не так. Якщо це повторюється, повідомте оператора бота ідентифікатор помилки: `{errorId}`',
  'error.unknownCommand': 'Бот (поки що) не знає цієї команди. Спробуйте за хвилину.',
  'error.guildOnly': 'Ця команда працює лише на сервері, де є бот.',
  'admin.refused':
    'Змінювати налаштування сповіщень можуть лише учасники з дозволом **Керувати сервером**. Нічого не змінено.',
  'admin.otherGuild': 'Цей канал або роль належить іншому серверу. Нічого не змінено.',
  'topic.unknown': 'Теми «{input}» немає. Теми тут: {valid}',

  'topics.header': '**Теми сповіщень** (підписатися — `/subscribe`)',
  'topics.channels': 'виходить у {channels}',
  'topics.noChannels': 'поки не виходить у жодному каналі',
  'topics.you.ping': '🔔 вас згадують',
  'topics.you.dm': '✉️ вам пишуть в особисті',
  'topics.you.none': 'ви не підписані',
  'topics.footer': '-# Адміністратори обирають канали командою `/alerts channel add`.',

  'subscribe.badDelivery': 'Спосіб отримання має бути `ping` або `dm`.',
  'subscribe.ping.done': '🔔 Тепер у вас роль {role}: сповіщення про {topic} згадуватимуть вас.',
  'subscribe.ping.channels': 'Вони виходять у {channels}.',
  'subscribe.ping.noChannels':
    'Жоден канал ще не публікує цю тему; попросіть адміністратора додати канал командою `/alerts channel add`.',
  'subscribe.already.ping': 'Вас уже згадують у сповіщеннях про {topic}.',
  'subscribe.already.dm': 'Ви вже отримуєте особисті повідомлення про {topic}.',
  'subscribe.dm.done':
    '✉️ Ви отримуватимете особисте повідомлення про кожне сповіщення на тему {topic}.',
  'subscribe.dm.confirmation':
    '✉️ Сповіщення про {topic} із сервера **{guild}** надходитимуть сюди. Щоб припинити, виконайте `/unsubscribe` на тому сервері.',
  'subscribe.dm.closed':
    'Я не можу надсилати вам особисті повідомлення, тож підписку на {topic} не оформлено. Дозвольте особисті повідомлення від учасників сервера (налаштування приватності сервера) і знову виконайте `/subscribe`.',

  'role.name': '{emoji} {name}',
  'role.reason': 'Роль для згадок через /subscribe ({topic})',
  'role.problem.noManageRoles':
    'Я не можу видати вам роль для {topic}: у мене немає дозволу **Керувати ролями**. Адміністратор може надати його моїй ролі (Налаштування сервера → Ролі) або вибрати наявну роль командою `/alerts role`.',
  'role.problem.aboveBot':
    'Discord не дозволяє мені видати {role}: ця роль вища за мою найвищу роль. Адміністратор має перетягнути мою роль вище неї в Налаштуваннях сервера → Ролі.',
  'role.problem.managed':
    'Роллю {role} керує інтеграція, тож її ніхто не може видати. Адміністратор може вибрати іншу роль командою `/alerts role`.',

  'unsubscribe.ping': '🔕 Роль знято: сповіщення про {topic} більше не згадують вас.',
  'unsubscribe.dm': '🔕 Більше жодних особистих повідомлень про {topic}.',
  'unsubscribe.notSubscribed': 'Ви не були підписані на {topic}.',
  'subscriptions.header': '**Ваші підписки**',
  'subscriptions.ping': '🔔 згадка в {channels}',
  'subscriptions.pingNoChannel': '🔔 згадка (жоден канал її ще не публікує)',
  'subscriptions.dm': '✉️ особисте повідомлення',
  'subscriptions.none':
    'Ви не підписані на жодну тему. Перегляньте їх командою `/topics`, підпишіться — `/subscribe`.',

  'latest.header': '**Найновіші оновлення**',
  'latest.headerTopic': '**Найновіші оновлення про {topic}**',
  'latest.none':
    'Збережених оновлень ще немає. Вони з’являться після наступної перевірки трансляцій.',
  'latest.noneForTopic': 'Збережених оновлень про {topic} ще немає.',
  'latest.badCount': 'Кількість має бути цілим числом від 1 до 10.',
  'latest.noTime': 'час не вказано',
  'latest.noTopics': 'без теми',

  'channels.header': '**Канали сповіщень**',
  'channels.none': 'Каналів сповіщень ще немає. Додайте канал командою `/alerts channel add`.',
  'channels.allTopics': 'усі теми',
  'channels.announcement': '📢 канал оголошень (публікується на сервери-підписники)',
  'channels.paused': '⏸️ на паузі {when}: {reason}',
  'channels.added': '✅ {channel} отримуватиме сповіщення про: {topics}.',
  'channels.updated': '✅ {channel} тепер отримує сповіщення про: {topics}.',
  'channels.announcementNote':
    '📢 Це канал оголошень: кожне сповіщення також публікується на серверах, що на нього підписані.',
  'channels.resumed': '▶️ Паузу для цього каналу знято; нові сповіщення знову публікуватимуться.',
  'channels.missingPermissions':
    '⚠️ Я поки не можу туди писати. Надайте моїй ролі в цьому каналі такі дозволи: {permissions}.',
  'channels.noticeHere': '-# Якщо доставка зупиниться, я повідомлю про це в {channel}.',
  'channels.removed': '🗑️ {channel} більше не отримує сповіщень.',
  'channels.notAlertChannel':
    '{channel} не є каналом сповіщень. Перегляньте їх командою `/alerts channel list`.',
  'channels.wrongType': '{channel} не є текстовим каналом чи каналом оголошень.',
  'channels.unknownTopics': 'Невідома тема {unknown}. Вкажіть `all` або ідентифікатори з: {valid}',

  'sources.header': '**Онлайн-трансляції**',
  'sources.none': 'Жодна трансляція не відстежується. Додайте командою `/alerts source add`.',
  'sources.operator': '(задано оператором бота)',
  'sources.lastSuccess': 'востаннє прочитано {when}',
  'sources.neverSucceeded': 'ще жодного разу не прочитано',
  'sources.failures': 'невдач поспіль: {count}',
  'sources.known': 'збережено оновлень: {count}',
  'sources.nextAttempt': 'наступна спроба {when}',
  'sources.suppressed': 'стримано сповіщень: {count} ({when}, забагато за раз)',
  'sources.lastError': 'остання помилка {when}: {error}',
  'sources.badUrl': 'Вкажіть адресу онлайн-трансляції, не довшу за 2000 символів.',
  'sources.tooMany': 'Цей сервер уже відстежує {max} трансляцій. Спершу видаліть одну.',
  'sources.refused': '❌ {reason}',
  'sources.already': '{url} уже відстежується.',
  'sources.alreadyOperator': '{url} уже відстежується: оператор бота задав її для всіх серверів.',
  'sources.added': '✅ Відстежую {url}. Нові оновлення перевірю під час наступного опитування.',
  'sources.cannotRemoveOperator':
    '{url} задав оператор бота для всіх серверів, тому її не можна видалити тут.',
  'sources.notFound': 'Цей сервер не відстежує {url}. Його власні трансляції: {own}',
  'sources.noneOwn': 'немає',
  'sources.removed': '🗑️ Більше не відстежую {url}.',

  'role.everyone': '@everyone не може бути роллю теми. Виберіть або створіть окрему роль.',
  'role.managedRefused':
    'Роллю {role} керує інтеграція (бот чи підписка), її не можна видати учасникам.',
  'role.set': '✅ Сповіщення про {topic} згадуватимуть {role}, і `/subscribe` видаватиме цю роль.',
  'role.replaced': 'Вона замінює {previous} (ту роль не видалено).',
  'role.notMentionable':
    '⚠️ {role} не можна згадувати, тож сповіщення її не сповістять. Увімкніть у її налаштуваннях «Дозволити всім @згадувати цю роль».',

  'guildTopics.tooMany': 'Цей сервер уже має {max} власних тем. Спершу видаліть одну.',
  'guildTopics.invalid': '❌ {reason}',
  'guildTopics.clashesBuiltin': '`{slug}` — вбудована тема. Виберіть іншу назву.',
  'guildTopics.exists': 'Тема `{slug}` на цьому сервері вже є. Щоб змінити, спершу видаліть її.',
  'guildTopics.added': '✅ Створено тему **{name}** (`{slug}`).',
  'guildTopics.keywords': 'Збіг зі словами: {keywords}',
  'guildTopics.excluded': 'Окрім випадків зі словами: {keywords}',
  'guildTopics.next':
    'Додайте її до каналу командою `/alerts channel add` (topics: `{slug}`); учасники підписуються через `/subscribe`.',
  'guildTopics.none': 'немає',
  'guildTopics.notFound': 'На цьому сервері немає теми з такою назвою. Його теми: {list}',
  'guildTopics.removed': '🗑️ Тему **{name}** (`{slug}`) і підписки на неї видалено.',
  'guildTopics.channelsDropped':
    'Ці канали публікували лише цю тему і більше не отримують сповіщень: {channels}',
  'guildTopics.roleKept':
    'Роль {role} залишилася; видаліть її в Налаштуваннях сервера, якщо вона нікому не потрібна.',

  'test.header': '**Дозволи в {channel}**',
  'test.cannotPost':
    '❌ Я не можу публікувати там сповіщення. У налаштуваннях каналу (Дозволи) надайте моїй ролі: {permissions}.',
  'test.posted': '✅ Опубліковано зразок сповіщення: {link}',
  'test.postFailed': '❌ Discord відхилив зразок сповіщення ({code}): {reason}',
  'test.noManageRoles':
    '⚠️ Без дозволу **Керувати ролями** я не можу створювати ролі для `/subscribe`; задайте ролі командою `/alerts role` або надайте дозвіл.',

  'status.header': '**Стан сповіщень**',
  'status.deliveries': '**Останні сповіщення**',
  'status.noDeliveries': 'Ще не надіслано жодного сповіщення.',
  'status.dm': 'особисте повідомлення',
  'status.delay': 'через {delay} після виявлення оновлення',
  'status.state.pending': '⏳ очікує',
  'status.state.sent': '✅ надіслано',
  'status.state.paused': '⏸️ на паузі',
  'status.state.failed': '❌ не вдалося',

  'permission.ViewChannel': 'Переглядати канал',
  'permission.SendMessages': 'Надсилати повідомлення',
  'permission.EmbedLinks': 'Вбудовувати посилання',
  'permission.ManageRoles': 'Керувати ролями',

  'unit.s': 'с',
  'unit.min': 'хв',
  'unit.h': 'год',
};
