import { REST, Routes } from 'discord.js';
import { ConfigError, requireDiscordToken } from '../config.ts';
import { commandPayloads, loadCommands } from '../discord/command-registry.ts';
import { loadEnvironment } from './environment.ts';

export async function runDeployCommands(): Promise<void> {
  const { config, logger } = loadEnvironment();
  const token = requireDiscordToken(config);
  const applicationId = config.DISCORD_CLIENT_ID;
  if (!applicationId) {
    throw new ConfigError([
      'DISCORD_CLIENT_ID: required to register commands (the application id)',
    ]);
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    token,
  );
  const body = commandPayloads(await loadCommands());
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(applicationId, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(applicationId);
  const saved = (await rest.put(route, { body })) as unknown[];
  logger.info(
    {
      count: saved.length,
      scope: config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID}` : 'global',
    },
    'slash commands registered',
  );
}
