/**
 * The Ukrainian name of every command, subcommand group, subcommand and option, keyed by its
 * English name. One word means one thing wherever it appears (`topic` is `тема` as a group
 * and as an option), so a member learns each word once. Discord still sends the English
 * name in interactions, so handlers never see these.
 *
 * Rules (Discord's, checked by test/discord/command-names.test.ts): lower case, 1–32
 * letters, digits, `-` or `_`. No apostrophe: Discord's API refuses it in names, so words
 * such as «п'ять» are avoided.
 */
export const UK_COMMAND_NAMES: Readonly<Record<string, string>> = {
  // Top-level commands
  alerts: 'сповіщення',
  topics: 'теми',
  subscribe: 'підписатися',
  unsubscribe: 'відписатися',
  subscriptions: 'підписки',
  latest: 'останні',
  // Subcommand groups and subcommands
  channel: 'канал',
  source: 'джерело',
  role: 'роль',
  topic: 'тема',
  test: 'перевірити',
  status: 'стан',
  feedback: 'відгуки',
  language: 'мова',
  add: 'додати',
  remove: 'прибрати',
  list: 'список',
  // Options
  url: 'адреса',
  name: 'назва',
  keywords: 'ключові-слова',
  exclude: 'крім',
  delivery: 'доставка',
  count: 'кількість',
};

/** The Ukrainian name for an English command or option name; throws if there is none. */
export function ukCommandName(englishName: string): string {
  const name = Object.hasOwn(UK_COMMAND_NAMES, englishName)
    ? UK_COMMAND_NAMES[englishName]
    : undefined;
  if (name === undefined) {
    throw new Error(
      `No Ukrainian name for the command or option "${englishName}": add it to src/i18n/command-names.ts`,
    );
  }
  return name;
}
