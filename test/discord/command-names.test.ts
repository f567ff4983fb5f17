import { describe, expect, test } from 'vitest';
import { commandPayloads, loadCommands } from '../../src/discord/command-registry.ts';
import { commandRuleProblems, isValidCommandName } from '../../src/discord/command-rules.ts';
import { en, uk } from '../../src/i18n/index.ts';

const payloads = commandPayloads(await loadCommands());

interface Named {
  name: string;
  name_localizations?: Partial<Record<string, string | null>> | null;
  options?: readonly Named[];
}

/** Every command path a member can type, in English and as a Ukrainian client shows it. */
function paths(locale: 'en' | 'uk'): Set<string> {
  const found = new Set<string>();
  const walk = (node: Named, prefix: string) => {
    const name = locale === 'en' ? node.name : (node.name_localizations?.uk ?? '?');
    const path = `${prefix} ${name}`.trim();
    found.add(path);
    for (const option of node.options ?? []) walk(option, path);
  };
  for (const payload of payloads) walk(payload as Named, '/');
  return new Set([...found].map((p) => p.replace(/^\/ /, '/')));
}

describe('every command registered by deploy-commands', () => {
  test('has a Ukrainian name and description everywhere, within Discord’s rules', () => {
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) {
      expect(commandRuleProblems(payload, ['uk']), `/${payload.name}`).toEqual([]);
    }
  });

  test('Ukrainian names are really Ukrainian (not the English name copied)', () => {
    const ukPaths = [...paths('uk')];
    expect(ukPaths).toContain('/сповіщення канал додати');
    expect(ukPaths).toContain('/підписатися');
    for (const path of ukPaths) expect(path, path).toMatch(/^\/[\p{sc=Cyrl} \-_]+$/u);
  });

  test('commands named in replies exist under that name in that language', () => {
    for (const [locale, strings] of [
      ['en', en],
      ['uk', uk],
    ] as const) {
      const known = paths(locale);
      const named = Object.values(strings).flatMap((text) =>
        [...text.matchAll(/`(\/[^`]+)`/g)].map((m) => m[1] ?? ''),
      );
      expect(named.length).toBeGreaterThan(5);
      for (const path of named) expect(known.has(path), `${locale}: ${path}`).toBe(true);
    }
  });
});

describe('the rule check itself', () => {
  test('accepts Cyrillic, digits, "-" and "_"; refuses capitals, spaces, apostrophes, 33 letters', () => {
    for (const good of ['сповіщення', 'ключові-слова', 'top_10', 'ґанок', 'a'.repeat(32)]) {
      expect(isValidCommandName(good), good).toBe(true);
    }
    for (const bad of ['Сповіщення', 'Alerts', 'two words', "п'ять", '', 'a'.repeat(33), '/x']) {
      expect(isValidCommandName(bad), bad).toBe(false);
    }
  });

  test('names each problem with its path: missing translation, bad name, long text, twins', () => {
    const problems = commandRuleProblems(
      {
        name: 'demo',
        name_localizations: { uk: 'демо' },
        description: 'A demo',
        description_localizations: { uk: 'x'.repeat(101) },
        options: [
          {
            name: 'one',
            name_localizations: { uk: 'Один' },
            description: 'd',
            description_localizations: { uk: 'о' },
          },
          { name: 'two', name_localizations: { uk: 'один' }, description: 'd' },
          {
            name: 'pick',
            name_localizations: { uk: 'вибір' },
            description: 'd',
            description_localizations: { uk: 'в' },
            choices: [{ name: 'First', value: 'first' }],
          },
        ],
      },
      ['uk'],
    );
    expect(problems).toEqual([
      '/demo: uk description must be 1-100 characters, got 101',
      '/demo one: uk name "Один" breaks Discord\'s rules',
      '/demo two: no uk description',
      '/demo pick choice "first": no uk name',
    ]);
    const twins = commandRuleProblems(
      {
        name: 'demo',
        description: 'd',
        options: [
          { name: 'a', name_localizations: { uk: 'х' }, description: 'd' },
          { name: 'b', name_localizations: { uk: 'х' }, description: 'd' },
        ],
      },
      ['uk'],
    );
    expect(twins).toContain('/demo: two options are called "х" in uk');
  });

  test('the 4,000-character budget counts the longest language of each field', () => {
    const options = Array.from({ length: 25 }, (_, i) => ({
      name: `o${i}`,
      description: 'd',
      description_localizations: { uk: 'я'.repeat(100) },
      choices: Array.from({ length: 2 }, (_, j) => ({ name: 'c'.repeat(60), value: `v${j}` })),
    }));
    const problems = commandRuleProblems({ name: 'big', description: 'd', options });
    expect(problems.some((p) => /characters of names, descriptions and choices/.test(p))).toBe(
      true,
    );
  });
});
