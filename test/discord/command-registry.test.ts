import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { commandPayloads, loadCommands } from '../../src/discord/command-registry.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lba-commands-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const PING = `import { SlashCommandBuilder } from 'discord.js';
export const data = new SlashCommandBuilder().setName('ping').setDescription('Pong');
export async function execute() {}`;

test('the project’s commands load, with the names and options users type', async () => {
  const commands = await loadCommands();
  expect([...commands.keys()].sort()).toEqual([
    'alerts',
    'latest',
    'subscribe',
    'subscriptions',
    'topics',
    'unsubscribe',
  ]);
  const payloads = commandPayloads(commands);
  const alerts = payloads.find((p) => p.name === 'alerts')!;
  expect(alerts.default_member_permissions).toBe('32'); // Manage Server
  expect(alerts.options?.map((o) => o.name)).toEqual([
    'channel',
    'source',
    'role',
    'topic',
    'test',
    'language',
    'status',
    'feedback',
  ]);
  for (const payload of payloads) {
    expect(payload.description_localizations?.uk, payload.name).toBeTruthy();
    expect(payload.name).toMatch(/^[a-z]+$/);
  }
});

test('a module without execute is refused with its file name', async () => {
  const dir = folder({
    'ping.ts': PING,
    'broken.ts': `import { SlashCommandBuilder } from 'discord.js';
export const data = new SlashCommandBuilder().setName('broken').setDescription('x');`,
  });
  await expect(loadCommands(dir)).rejects.toThrow(/broken\.ts: missing export "execute"/);
});

test('a module that cannot even be imported is refused with its file name', async () => {
  const dir = folder({ 'oops.ts': 'export const data = ;' });
  await expect(loadCommands(dir)).rejects.toThrow(/oops\.ts: cannot be imported/);
});

test('a file whose command has another name is refused, naming both', async () => {
  const dir = folder({ 'pong.ts': PING });
  await expect(loadCommands(dir)).rejects.toThrow(/pong\.ts: defines \/ping/);
});

test('an invalid builder (no description) is refused at load, not at registration', async () => {
  const dir = folder({
    'nodesc.ts': `import { SlashCommandBuilder } from 'discord.js';
export const data = new SlashCommandBuilder().setName('nodesc');
export async function execute() {}`,
  });
  await expect(loadCommands(dir)).rejects.toThrow(/nodesc\.ts: invalid command definition/);
});

test('a valid folder gives one payload per command', async () => {
  const commands = await loadCommands(folder({ 'ping.ts': PING, 'README.md': '# not code' }));
  expect(commandPayloads(commands)).toEqual([
    expect.objectContaining({ name: 'ping', description: 'Pong' }),
  ]);
});
