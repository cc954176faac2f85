import { vi } from 'vitest';
import { SlackAdapter, type SlackAdapterOptions } from '../../../src/adapters/slack/slack-adapter.js';
import { App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { CoreOptions } from '../../../src/core/context.js';
import type { Clock, QuestionBank } from '../../../src/core/ports.js';
import { bank } from '../../fakes/questions.js';
import { ScriptedGrader } from '../../fakes/scripted-grader.js';
import { SlackWebApiStandIn } from '../../stand-ins/slack-web-api.js';
import { formBody, payloadBody, sendSigned, type SlackHttpResult } from '../../stand-ins/slack-signing.js';
import { MemoryLogger } from '../../fakes/silent-logger.js';

export const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const TEAM = 'T1';
export const CHANNEL = 'C1';

export interface Rig {
  api: SlackWebApiStandIn;
  app: App;
  adapter: SlackAdapter;
  logger: MemoryLogger;
  grader: ScriptedGrader;
  /** `http://127.0.0.1:<port>` of the adapter's HTTP receiver. */
  base: string;
  /** A signed slash command; `responseId` names its response_url at the stand-in. */
  command(text: string, o?: { user?: string; userName?: string; channel?: string; team?: string; retryNum?: number; trigger?: string }): Promise<{ res: SlackHttpResult; responseId: string; body: string }>;
  /** A signed `block_actions` press of the Answer button on a channel message. */
  pressAnswer(value: string, o?: { user?: string; channel?: string; team?: string }): Promise<{ res: SlackHttpResult; responseId: string; trigger: string }>;
  /** A signed `block_actions` press of any button on a channel message. */
  press(actionId: string, value: string, o?: { user?: string; channel?: string; team?: string }): Promise<{ res: SlackHttpResult; responseId: string; trigger: string }>;
  /** A signed `view_submission` of the answer modal last opened (or of the given view). */
  submit(view: Record<string, unknown>, text: string, o?: { user?: string; userName?: string; team?: string; retryNum?: number; trigger?: string }): Promise<SlackHttpResult>;
  /** Posts any signed body to /slack/events. */
  send(body: string, o?: { retryNum?: number; contentType?: string }): Promise<SlackHttpResult>;
  /** Responses posted to a response_url id. */
  responses(id: string): Record<string, unknown>[];
  /** Waits until `check` holds (what the stand-in recorded after an ack arrives later). */
  until(check: () => boolean): Promise<void>;
  logs(level: 'info' | 'warn' | 'error'): string[];
  stop(): Promise<void>;
}

export interface RigOptions {
  env?: Record<string, string>;
  /** A stand-in to use (and leave open at stop): a second app on the same Slack, after a restart. */
  api?: SlackWebApiStandIn;
  adapter?: Partial<SlackAdapterOptions>;
  content?: QuestionBank;
  /** The core's clock (a FakeClock moves delivery retries along); the real one by default. */
  clock?: Clock;
  /** The grader; a ScriptedGrader by default. */
  grader?: ScriptedGrader;
  /** The core's settings; live counts are refreshed every 20 ms by default. */
  options?: Partial<CoreOptions>;
}

let seq = 0;
const next = (p: string) => `${p}${(seq += 1)}`;

/**
 * The whole app with the real Slack adapter over HTTP: Bolt's receiver on a free port, its Web API
 * calls going to a local stand-in. Members: UADMIN (workspace admin), UALICE, UBOB, UROOT (in
 * ADMIN_USER_IDS), UOTHER (another workspace). With Add to Slack settings in `env` (SLACK_CLIENT_ID...)
 * the app builds its adapter from the config, as `npm start` does. Stop it in afterEach.
 */
export async function startRig(o: RigOptions = {}): Promise<Rig> {
  const api = o.api ?? (await SlackWebApiStandIn.start());
  api.addUser('UADMIN', { team: TEAM, name: 'ada', realName: 'Ada Admin', admin: true });
  api.addUser('UALICE', { team: TEAM, name: 'alice', realName: 'Alice Liddell' });
  api.addUser('UBOB', { team: TEAM, name: 'bob', realName: 'Bob' });
  api.addUser('UROOT', { team: TEAM, name: 'root', realName: 'Root' });
  api.addUser('UOTHER', { team: 'T2', name: 'other', realName: 'Other' });
  const oauth = Boolean(o.env?.SLACK_CLIENT_ID);
  const config = loadConfig({
    DATABASE_PATH: ':memory:',
    ...(oauth ? {} : { SLACK_BOT_TOKEN: 'xoxb-test-token' }),
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: api.url,
    PORT: '0',
    ADMIN_USER_IDS: 'UROOT,UOTHER',
    LOG_LEVEL: 'silent',
    ...o.env,
  });
  const logger = new MemoryLogger();
  let app: App | null = null;
  const own = oauth
    ? null
    : new SlackAdapter({
        botToken: config.SLACK_BOT_TOKEN!,
        signingSecret: config.SLACK_SIGNING_SECRET,
        port: config.PORT,
        apiUrl: config.SLACK_API_URL,
        adminUserIds: config.ADMIN_USER_IDS,
        logger,
        health: () => app!.health(),
        ...o.adapter,
      });
  const grader = o.grader ?? new ScriptedGrader();
  app = new App(config, logger, { ...(own ? { adapters: [own] } : {}), content: o.content ?? bank(), grader, clock: o.clock, options: { liveCountIntervalMs: 20, ...o.options } });
  const adapter = own ?? (app.adapters.find((a) => a.platform === 'slack') as SlackAdapter);
  const closeApi = () => (o.api ? Promise.resolve() : api.close());
  try {
    await app.start();
  } catch (err) {
    await closeApi();
    throw err;
  }
  const running = app;
  const base = `http://127.0.0.1:${adapter.port}`;
  const events = `${base}/slack/events`;
  const send = (body: string, s: { retryNum?: number; contentType?: string } = {}) => sendSigned(events, body, { secret: SECRET, ...s });

  const press: Rig['press'] = async (actionId, value, c = {}) => {
    const responseId = next('act');
    const trigger = next('trigger.');
    const user = c.user ?? 'UALICE';
    const body = payloadBody({
      type: 'block_actions',
      team: { id: c.team ?? TEAM, domain: 'test' },
      user: { id: user, username: user.slice(1).toLowerCase(), name: user.slice(1).toLowerCase(), team_id: c.team ?? TEAM },
      api_app_id: 'A1',
      token: 'legacy',
      container: { type: 'message', message_ts: '1700000000.000101', channel_id: c.channel ?? CHANNEL, is_ephemeral: false },
      trigger_id: trigger,
      channel: { id: c.channel ?? CHANNEL, name: 'interview-prep' },
      message: { type: 'message', ts: '1700000000.000101', text: 'Question of the day' },
      response_url: api.responseUrl(responseId),
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1700000001.000000', text: { type: 'plain_text', text: 'Answer' } }],
    });
    return { res: await send(body), responseId, trigger };
  };
  return {
    api,
    app: running,
    adapter,
    logger,
    grader,
    base,
    send,
    async command(text, c = {}) {
      const responseId = next('cmd');
      const body = formBody({
        token: 'legacy',
        team_id: c.team ?? TEAM,
        team_domain: 'test',
        channel_id: c.channel ?? CHANNEL,
        channel_name: 'interview-prep',
        user_id: c.user ?? 'UALICE',
        user_name: c.userName ?? 'alice',
        command: '/prep',
        text,
        api_app_id: 'A1',
        response_url: api.responseUrl(responseId),
        trigger_id: c.trigger ?? next('trigger.'),
      });
      return { res: await send(body, { retryNum: c.retryNum }), responseId, body };
    },
    pressAnswer: (value, c = {}) => press('prepbot_answer', value, c),
    press,
    submit(view, text, c = {}) {
      const user = c.user ?? 'UALICE';
      const body = payloadBody({
        type: 'view_submission',
        team: { id: c.team ?? TEAM, domain: 'test' },
        user: { id: user, username: c.userName ?? user.slice(1).toLowerCase(), name: c.userName ?? user.slice(1).toLowerCase(), team_id: c.team ?? TEAM },
        api_app_id: 'A1',
        token: 'legacy',
        trigger_id: c.trigger ?? next('trigger.'),
        view: { id: 'V1', team_id: c.team ?? TEAM, hash: '1.abc', ...view, state: { values: { answer: { text: { type: 'plain_text_input', value: text } } } } },
      });
      return send(body, { retryNum: c.retryNum });
    },
    responses: (id) => api.responses.filter((r) => r.id === id).map((r) => r.body),
    async until(check) {
      await vi.waitFor(() => {
        if (!check()) throw new Error('not yet');
      }, { timeout: 8000, interval: 10 });
    },
    logs: (level) => logger.entries.filter((e) => e.level === level).map((e) => e.msg ?? ''),
    async stop() {
      await running.stop(1000);
      await closeApi();
    },
  };
}

/** Every piece of mrkdwn and text in a Web API body or response (blocks flattened), for assertions. */
export function allText(body: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(body);
  return out.join('\n');
}
