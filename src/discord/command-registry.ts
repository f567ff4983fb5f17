import { readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { CommandContext } from '../app/context.ts';
import { commandRuleProblems } from './command-rules.ts';

/** What every file in `commands/` exports, the way the discord.js guide lays it out. */
export interface SlashCommandModule {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Commands run only in servers: the dispatcher answers anywhere else. */
  execute(
    interaction: ChatInputCommandInteraction<'cached'>,
    context: CommandContext,
  ): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}

export const DEFAULT_COMMANDS_DIR = fileURLToPath(new URL('../../commands', import.meta.url));

const aFunction = (error: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { error });

const ModuleShape = z.object({
  data: z.object(
    {
      name: z.string({ error: 'data has no name (call setName)' }),
      toJSON: aFunction('data is not a SlashCommandBuilder (it has no toJSON)'),
    },
    { error: 'missing export "data" (a SlashCommandBuilder)' },
  ),
  execute: aFunction('missing export "execute" (an async function)'),
  autocomplete: aFunction('"autocomplete" is exported but is not a function').optional(),
});

export class CommandModuleError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'CommandModuleError';
  }
}

function isCommandFile(name: string): boolean {
  return /\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts') && !/\.test\./.test(name);
}

/**
 * Imports every command file in `dir` (one per top-level slash command) and checks its
 * shape, so a broken file stops start-up with its name instead of failing on first use.
 */
export async function loadCommands(
  dir: string = DEFAULT_COMMANDS_DIR,
): Promise<Map<string, SlashCommandModule>> {
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && isCommandFile(entry.name))
    .map((entry) => entry.name)
    .sort();
  const commands = new Map<string, SlashCommandModule>();
  const fileOf = new Map<string, string>();

  for (const name of files) {
    const path = join(dir, name);
    const shown = relative(process.cwd(), path) || path;
    let exported: unknown;
    try {
      exported = await import(pathToFileURL(path).href);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CommandModuleError(shown, `cannot be imported: ${reason}`);
    }
    const parsed = ModuleShape.safeParse(exported);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
      throw new CommandModuleError(shown, problems);
    }
    const module = exported as SlashCommandModule;
    let payload: RESTPostAPIChatInputApplicationCommandsJSONBody;
    try {
      payload = module.data.toJSON();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CommandModuleError(shown, `invalid command definition: ${reason}`);
    }
    const problems = commandRuleProblems(payload);
    if (problems.length > 0) {
      throw new CommandModuleError(shown, `invalid command definition: ${problems.join('; ')}`);
    }
    const commandName = module.data.name;
    const expected = basename(name).replace(/\.(ts|js|mjs)$/, '');
    if (commandName !== expected) {
      throw new CommandModuleError(
        shown,
        `defines /${commandName}; the file must be named ${commandName}.ts`,
      );
    }
    const clash = fileOf.get(commandName);
    if (clash)
      throw new CommandModuleError(shown, `/${commandName} is already defined in ${clash}`);
    fileOf.set(commandName, shown);
    commands.set(commandName, module);
  }
  return commands;
}

/** The JSON Discord expects in a bulk registration (PUT …/commands). */
export function commandPayloads(
  commands: Map<string, SlashCommandModule>,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands.values()].map((command) => command.data.toJSON());
}
