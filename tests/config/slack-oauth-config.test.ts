import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const KEY = '0123456789abcdef'.repeat(4);
const OAUTH = { SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret', SLACK_SIGNING_SECRET: 'signing', PREPBOT_SECRET_KEY: KEY };

const problems = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
    return '';
  } catch (err) {
    return (err as Error).message;
  }
};

describe('Add to Slack settings', () => {
  it('turn Slack on in OAuth mode, over HTTP, with no bot token', () => {
    const c = loadConfig(OAUTH);
    expect(c.platforms).toEqual({ discord: false, slack: 'oauth', console: false });
    expect(c.PREPBOT_SECRET_KEY).toBe(KEY);
    // One SLACK_BOT_TOKEN stays as it was.
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).platforms.slack).toBe('http');
  });

  it('refuse OAuth mode without PREPBOT_SECRET_KEY, saying why and how to make one', () => {
    const { PREPBOT_SECRET_KEY: _key, ...withoutKey } = OAUTH;
    expect(problems(withoutKey)).toMatch(/PREPBOT_SECRET_KEY is missing: Add to Slack keeps each workspace's bot token encrypted with it, and will not store tokens in clear\. Make one with: openssl rand -hex 32/);
  });

  it('refuse a key that is not 32 bytes written as 64 hex characters, without printing it', () => {
    for (const bad of ['abc', `${KEY}00`, 'z'.repeat(64)]) {
      const msg = problems({ ...OAUTH, PREPBOT_SECRET_KEY: bad });
      expect(msg).toMatch(/PREPBOT_SECRET_KEY must be 32 bytes written as 64 hex characters \(make one with: openssl rand -hex 32\)/);
      expect(msg).not.toContain(bad);
    }
  });

  it('name what is missing, and refuse a bot token or Socket Mode alongside', () => {
    expect(problems({ SLACK_CLIENT_ID: '123.456', PREPBOT_SECRET_KEY: KEY })).toMatch(/Add to Slack needs .*; missing: SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_SIGNING_SECRET/);
    expect(problems({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(/SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set/);
    expect(problems({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1' })).toMatch(/SLACK_APP_TOKEN is set, but Add to Slack runs over HTTP/);
    expect(problems(OAUTH)).toBe('');
  });

  it('stop the real process at start, exit 1, with the sentence about the key', () => {
    const { PREPBOT_SECRET_KEY: _key, ...withoutKey } = OAUTH;
    const db = join(mkdtempSync(join(tmpdir(), 'prepbot-oauth-start-')), 'bot.sqlite');
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_PATH: db, ...withoutKey },
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^prepbot cannot start: invalid settings\.\n {2}- PREPBOT_SECRET_KEY is missing: /);
    expect(res.stderr).not.toContain('client-secret');
  });
});
