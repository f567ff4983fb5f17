/**
 * Discord's rules for what a chat-input command registration may contain, checked before
 * the payload leaves the machine, so a bad name is reported with its path instead of as an
 * "Invalid Form Body" for the whole registration.
 *
 * Names follow Discord's documented pattern `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`
 * (unicode flag), lower case wherever a letter has a lower-case form, except that the
 * apostrophe is left out: the API refuses U+0027 despite the documentation.
 */
const NAME_PATTERN = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const DESCRIPTION_MAX = 100;
const CHOICE_NAME_MAX = 100;
/** Names, descriptions and choice names and values of one command, longest language per field. */
const COMBINED_MAX = 4000;

type Localizations = Partial<Record<string, string | null>> | null | undefined;

interface ChoiceLike {
  name: string;
  name_localizations?: Localizations;
  value: string | number;
}

interface CommandLike {
  name: string;
  name_localizations?: Localizations;
  description?: string;
  description_localizations?: Localizations;
  options?: readonly CommandLike[];
  choices?: readonly ChoiceLike[];
  type?: number;
}

export function isValidCommandName(name: string): boolean {
  return NAME_PATTERN.test(name) && name === name.toLowerCase();
}

interface Walk {
  problems: string[];
  locales: readonly string[];
  combined: number;
}

const length = (text: string) => [...text].length;

/** The longest form of a field across the default text and its translations. */
function longest(text: string, localized: Localizations): number {
  return Math.max(length(text), ...Object.values(localized ?? {}).map((v) => length(v ?? '')));
}

function checkName(walk: Walk, path: string, name: string, localized: Localizations) {
  if (!isValidCommandName(name))
    walk.problems.push(`${path}: name "${name}" breaks Discord's rules`);
  for (const locale of walk.locales) {
    const value = localized?.[locale];
    if (!value) walk.problems.push(`${path}: no ${locale} name`);
    else if (!isValidCommandName(value)) {
      walk.problems.push(`${path}: ${locale} name "${value}" breaks Discord's rules`);
    }
  }
  walk.combined += longest(name, localized);
}

function checkText(
  walk: Walk,
  path: string,
  what: string,
  text: string,
  localized: Localizations,
  max: number,
) {
  const bad = (value: string) => length(value) < 1 || length(value) > max;
  if (bad(text))
    walk.problems.push(`${path}: ${what} must be 1-${max} characters, got ${length(text)}`);
  for (const locale of walk.locales) {
    const value = localized?.[locale];
    if (!value) walk.problems.push(`${path}: no ${locale} ${what}`);
    else if (bad(value)) {
      walk.problems.push(
        `${path}: ${locale} ${what} must be 1-${max} characters, got ${length(value)}`,
      );
    }
  }
  walk.combined += longest(text, localized);
}

/** Sibling names must differ, in every language. */
function checkUnique(
  walk: Walk,
  path: string,
  siblings: readonly { name: string; name_localizations?: Localizations }[],
) {
  for (const locale of [undefined, ...walk.locales]) {
    const seen = new Set<string>();
    for (const sibling of siblings) {
      const name = locale ? sibling.name_localizations?.[locale] : sibling.name;
      if (!name) continue;
      if (seen.has(name))
        walk.problems.push(
          `${path}: two options are called "${name}"${locale ? ` in ${locale}` : ''}`,
        );
      seen.add(name);
    }
  }
}

function checkNode(walk: Walk, path: string, node: CommandLike) {
  checkName(walk, path, node.name, node.name_localizations);
  checkText(
    walk,
    path,
    'description',
    node.description ?? '',
    node.description_localizations,
    DESCRIPTION_MAX,
  );
  const options = node.options ?? [];
  checkUnique(walk, path, options);
  for (const option of options) checkNode(walk, `${path} ${option.name}`, option);
  const choices = node.choices ?? [];
  checkUnique(walk, `${path} (choices)`, choices);
  for (const choice of choices) {
    const where = `${path} choice ${JSON.stringify(choice.value)}`;
    checkText(walk, where, 'name', choice.name, choice.name_localizations, CHOICE_NAME_MAX);
    walk.combined += length(String(choice.value));
  }
}

/**
 * Every way a chat-input command payload breaks Discord's rules, one line each naming the
 * command path ("/alerts channel add channel: …"). `locales` lists the translations every
 * name and description must have.
 */
export function commandRuleProblems(
  command: CommandLike,
  locales: readonly string[] = [],
): string[] {
  const walk: Walk = { problems: [], locales, combined: 0 };
  checkNode(walk, `/${command.name}`, command);
  if (walk.combined > COMBINED_MAX) {
    walk.problems.push(
      `/${command.name}: ${walk.combined} characters of names, descriptions and choices; Discord allows ${COMBINED_MAX}`,
    );
  }
  return walk.problems;
}
