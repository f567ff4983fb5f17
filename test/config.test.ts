import { describe, expect, it } from 'vitest';
import { parseConfig, requireDiscordToken } from '../src/config.ts';
import { problemsOf } from './support/config-problems.ts';

describe('configuration from the environment', () => {
  it('gives the documented defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.STORE_URL).toBe('sqlite://data/liveblog-alerts.sqlite');
    expect(config.POLL_CRON).toBe('*/30 * * * * *');
    expect(config.ALLOW_PRIVATE_SOURCES).toBe(false);
    expect(config.SOURCES).toEqual([]);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it('reads good values, lists and CIDR ranges', () => {
    const config = parseConfig({
      DISCORD_TOKEN: 'made-up.token.value',
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      SOURCES: 'https://a.example/live, ./blog.html',
      ALLOW_PRIVATE_SOURCES: '127.0.0.1/32,10.0.0.0/8',
      POLL_CRON: '*/10 * * * * *',
      RETENTION_DAYS: '7',
    });
    expect(config.SOURCES).toEqual(['https://a.example/live', './blog.html']);
    expect(config.ALLOW_PRIVATE_SOURCES).toEqual(['127.0.0.1/32', '10.0.0.0/8']);
    expect(config.RETENTION_DAYS).toBe(7);
    expect(config.DISCORD_API_URL).toBe('http://127.0.0.1:8080/api');
  });

  it('accepts any non-empty token: it is an opaque secret, never shape-checked', () => {
    expect(requireDiscordToken(parseConfig({ DISCORD_TOKEN: 'x' }))).toBe('x');
  });

  it('names DISCORD_TOKEN when the bot must connect without one', () => {
    expect(() => requireDiscordToken(parseConfig({}))).toThrow(/DISCORD_TOKEN/);
    expect(() => requireDiscordToken(parseConfig({ DISCORD_TOKEN: '   ' }))).toThrow(
      /DISCORD_TOKEN/,
    );
  });

  it('names every malformed variable with what it expects, all at once', () => {
    const problems = problemsOf({
      DISCORD_CLIENT_ID: 'my-app',
      DISCORD_API_URL: 'ftp://nowhere',
      STORE_URL: 'mysql://db',
      POLL_CRON: 'every minute',
      ALLOW_PRIVATE_SOURCES: 'sometimes',
      RETENTION_DAYS: '-3',
      LOG_LEVEL: 'loud',
    });
    const named = problems.map((p) => p.split(':')[0]);
    expect(named.sort()).toEqual(
      [
        'ALLOW_PRIVATE_SOURCES',
        'DISCORD_API_URL',
        'DISCORD_CLIENT_ID',
        'LOG_LEVEL',
        'POLL_CRON',
        'RETENTION_DAYS',
        'STORE_URL',
      ].sort(),
    );
    expect(problems.find((p) => p.startsWith('POLL_CRON'))).toMatch(/cron expression/);
    expect(problems.find((p) => p.startsWith('RETENTION_DAYS'))).toMatch(
      /whole number from 1 to 365/,
    );
  });

  it('refuses a fleet on a store only one process may open', () => {
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual([
      expect.stringMatching(/^REDIS_URL: a fleet needs a store every process shares/),
    ]);
    expect(problemsOf({ REDIS_URL: 'http://127.0.0.1' })[0]).toMatch(
      /^REDIS_URL: expected a redis:\/\//,
    );
    const fleet = parseConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      STORE_URL: 'postgresql://db.internal/alerts',
    });
    expect(fleet.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(fleet.FLEET_LEASE_SECONDS).toBe(30);
  });
});
