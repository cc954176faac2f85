import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { bank } from '../../fakes/questions.js';
import { SlackWebApiStandIn } from '../../stand-ins/slack-web-api.js';
import { MemoryLogger } from '../../fakes/silent-logger.js';

describe('starting the Slack adapter', () => {
  let api: SlackWebApiStandIn;
  let app: App | null = null;
  beforeEach(async () => {
    api = await SlackWebApiStandIn.start();
  });
  afterEach(async () => {
    await app?.stop(100);
    await api.close();
  });

  function build(mode: 'http' | 'socket'): App {
    const config = loadConfig({ DATABASE_PATH: ':memory:', PORT: '0', LOG_LEVEL: 'silent' });
    const adapter = new SlackAdapter({
      botToken: 'xoxb-revoked',
      ...(mode === 'socket' ? { appToken: 'xapp-wrong' } : { signingSecret: 'secret' }),
      port: 0,
      apiUrl: api.url,
      adminUserIds: [],
      logger: new MemoryLogger(),
      health: () => ({ status: 'ok', platforms: ['slack'], pendingJobs: 0, uptimeSeconds: 0 }),
    });
    app = new App(config, new MemoryLogger(), { adapters: [adapter], content: bank() });
    return app;
  }

  it('names SLACK_BOT_TOKEN in a sentence when Slack refuses it', async () => {
    api.failNext('auth.test', { error: 'invalid_auth' });
    await expect(build('http').start()).rejects.toThrow(/Slack did not accept SLACK_BOT_TOKEN \(invalid_auth\)\. Use the Bot User OAuth Token/);
  });

  it('names SLACK_APP_TOKEN when Socket Mode cannot connect with it', async () => {
    api.failNext('apps.connections.open', { error: 'invalid_auth' });
    await expect(build('socket').start()).rejects.toThrow(/SLACK_APP_TOKEN must be an app-level token \(xapp-\.\.\.\) with the connections:write scope/);
  });
});
