import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('settings', () => {
  it('default to console mode with the offline grader', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ graderKind: 'offline', platforms: { console: true, discord: false, slack: null }, PORT: 3000, DEFAULT_TIMEZONE: 'UTC', REVEAL_AFTER_HOURS: 24, CATCH_UP_HOURS: 6, MAX_ANSWERS_PER_HOUR: 30 });
  });

  it('pick the LLM grader when a key or base URL is set, and the platforms from their tokens', () => {
    const c = loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', DISCORD_TOKEN: 't', SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 's' });
    expect(c).toMatchObject({ graderKind: 'llm', platforms: { console: false, discord: true, slack: 'http' } });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'x', SLACK_APP_TOKEN: 'a' }).platforms.slack).toBe('socket');
    expect(loadConfig({ OPENAI_API_KEY: 'k', GRADER: 'offline' }).graderKind).toBe('offline');
  });

  it('take HOST as the address to bind, every interface when unset, and refuse what is not an address', () => {
    expect(loadConfig({}).HOST).toBeUndefined();
    expect(loadConfig({ HOST: ' ' }).HOST).toBeUndefined();
    expect(loadConfig({ HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::1' }).HOST).toBe('::1');
    expect(() => loadConfig({ HOST: 'http://localhost:3000' })).toThrow(/HOST must be an address such as 127\.0\.0\.1, ::1 or 0\.0\.0\.0/);
  });

  it('run Discord in this one process unless DISCORD_SHARDS asks for shards (auto or a number), which need Discord and no Slack beside them', () => {
    expect(loadConfig({ DISCORD_TOKEN: 't' }).DISCORD_SHARDS).toBeUndefined();
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: 'auto' }).DISCORD_SHARDS).toBe('auto');
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: ' 4 ' }).DISCORD_SHARDS).toBe(4);
    expect(() => loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: '0' })).toThrow(/DISCORD_SHARDS must be auto or a whole number of shards/);
    expect(() => loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: 'many' })).toThrow(/DISCORD_SHARDS must be auto/);
    expect(() => loadConfig({ DISCORD_SHARDS: '2' })).toThrow(/DISCORD_SHARDS is set, but DISCORD_TOKEN is not/);
    expect(() => loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: '2', SLACK_BOT_TOKEN: 'x', SLACK_APP_TOKEN: 'a' })).toThrow(/run Slack in another prepbot process on the same DATABASE_PATH/);
  });

  it('split ADMIN_USER_IDS and treat blank values as unset', () => {
    expect(loadConfig({ ADMIN_USER_IDS: ' U1, 123 ,,', PORT: '' })).toMatchObject({ ADMIN_USER_IDS: ['U1', '123'], PORT: 3000 });
  });

  it('name every bad variable in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', DEFAULT_TIMEZONE: 'Moon/Base', GRADER: 'llm', SLACK_APP_TOKEN: 'a', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/PORT must be a number/);
      expect(msg).toMatch(/DEFAULT_TIMEZONE must be an IANA time zone/);
      expect(msg).toMatch(/LOG_LEVEL must be one of/);
      expect(msg).toMatch(/GRADER is llm, but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set/);
      expect(msg).toMatch(/SLACK_BOT_TOKEN is missing/);
    }
  });
});
