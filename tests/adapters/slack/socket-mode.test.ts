import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlatformAdapters } from '../../../src/adapters/create-adapters.js';
import { SlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { bank } from '../../fakes/questions.js';
import { ScriptedGrader } from '../../fakes/scripted-grader.js';
import { SlackSocketModeStandIn } from '../../stand-ins/slack-socket-mode.js';
import { SlackWebApiStandIn } from '../../stand-ins/slack-web-api.js';
import { allText } from './rig.js';
import { MemoryLogger } from '../../fakes/silent-logger.js';

describe('Slack in Socket Mode', () => {
  let api: SlackWebApiStandIn;
  let socket: SlackSocketModeStandIn;
  let app: App;

  beforeEach(async () => {
    api = await SlackWebApiStandIn.start();
    api.addUser('UADMIN', { team: 'T1', name: 'ada', admin: true });
    socket = await SlackSocketModeStandIn.start();
    api.socketUrl = socket.url;
    const config = loadConfig({
      DATABASE_PATH: ':memory:',
      SLACK_BOT_TOKEN: 'xoxb-socket-bot',
      SLACK_APP_TOKEN: 'xapp-socket-app',
      SLACK_API_URL: api.url,
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    const logger = new MemoryLogger();
    let started: App | null = null;
    const adapters = createPlatformAdapters(config, logger, { stdin: process.stdin, stdout: process.stdout, health: () => started!.health() });
    app = new App(config, logger, { adapters, content: bank(), grader: new ScriptedGrader() });
    started = app;
    await app.start();
  });
  afterEach(async () => {
    await app.stop(1000);
    await socket.close();
    await api.close();
  });

  const command = (text: string, id: string, user = 'UADMIN', retryAttempt?: number) =>
    socket.send({
      type: 'slash_commands',
      retryAttempt,
      payload: {
        token: 'legacy',
        team_id: 'T1',
        team_domain: 'test',
        channel_id: 'C1',
        channel_name: 'prep',
        user_id: user,
        user_name: 'ada',
        command: '/prep',
        text,
        api_app_id: 'A1',
        response_url: api.responseUrl(id),
        trigger_id: `trigger.${id}`,
      },
    });

  it('connects with the app token through apps.connections.open, with no HTTP receiver', () => {
    const adapter = app.adapters[0] as SlackAdapter;
    expect(adapter.mode).toBe('socket');
    expect(adapter.port).toBeNull();
    expect(socket.connected).toBe(true);
    const open = api.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe('xapp-socket-app');
    expect(api.callsTo('auth.test')[0]!.token).toBe('xoxb-socket-bot');
  });

  it('acks a slash command envelope at once, then answers it', async () => {
    const ack = await command('daily', 's1');
    expect(ack).toEqual({});
    await waitFor(() => api.responses.some((r) => r.id === 's1'));
    expect(allText(api.responses.find((r) => r.id === 's1')!.body)).toMatch(/Posted today's question/);
    const post = api.callsTo('chat.postMessage').find((c) => c.body.channel === 'C1')!;
    expect(post.token).toBe('xoxb-socket-bot');
    expect(allText(post.body.blocks)).toMatch(/Question of the day/);
  });

  it('carries a form refusal in the envelope ack, next to the input', async () => {
    const ack = await socket.send({
      type: 'interactive',
      payload: {
        type: 'view_submission',
        team: { id: 'T1', domain: 'test' },
        user: { id: 'UADMIN', username: 'ada', name: 'ada', team_id: 'T1' },
        api_app_id: 'A1',
        trigger_id: 'trigger.socket.view',
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: 'prepbot_answer_modal',
          private_metadata: JSON.stringify({ ref: 'round:1', team: 'T1', channel: 'C1' }),
          title: { type: 'plain_text', text: 'Question of the day' },
          state: { values: { answer: { text: { type: 'plain_text_input', value: ' ' } } } },
        },
      },
    });
    expect(ack).toMatchObject({ response_action: 'errors', errors: { answer: expect.stringMatching(/empty/) } });
  });

  it('acks and ignores a redelivered envelope (retry_attempt) it has handled: one post, one reply', async () => {
    expect(await command('daily', 's2', 'UADMIN')).toEqual({});
    await waitFor(() => api.responses.some((r) => r.id === 's2'));
    expect(await command('daily', 's2', 'UADMIN', 1)).toEqual({});
    const help = await command('help', 's3');
    expect(help).toEqual({});
    await waitFor(() => api.responses.some((r) => r.id === 's3'));
    expect(api.responses.filter((r) => r.id === 's2')).toHaveLength(1);
    expect(api.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1')).toHaveLength(1);
  });
});

async function waitFor(check: () => boolean): Promise<void> {
  const { vi } = await import('vitest');
  await vi.waitFor(() => {
    if (!check()) throw new Error('not yet');
  }, { timeout: 8000, interval: 10 });
}
