/**
 * The grading service: a process the bot starts (src/grading-service/grading-service.ts) to run
 * its LLM grader. It holds no database and no platform connection: it receives grading requests
 * over IPC, grades each (the prompt, the HTTP request to the model, the reply's parsing and the
 * injection scan), and answers with the grade or the failure. The bot stores grades and delivers
 * them. After a quiet spell it exits; the bot starts it again with the next request.
 */
import { loadConfig, type Config } from '../config.js';
import { webApi } from '@slack/bolt';
import { PostQueue } from '../adapters/shared/post-queue.js';
import { BoltLogger } from '../adapters/slack/bolt-logger.js';
import { slackClientOptions } from '../adapters/slack/client-options.js';
import { SlackChat } from '../adapters/slack/slack-chat.js';
import { UserDirectory } from '../adapters/slack/users.js';
import { DeliveryError, GraderRateLimited, type ChatPort } from '../core/ports.js';
import { createLlmGrader } from '../grading/create-grader.js';
import { createLogger } from '../logger.js';
import { CONFIG_ENV, IDLE_EXIT_ENV, type FromService, type ToService } from './protocol.js';

const config: Config = process.env[CONFIG_ENV] ? (JSON.parse(process.env[CONFIG_ENV]) as Config) : loadConfig();
delete process.env[CONFIG_ENV];
const idleExitMs = Number(process.env[IDLE_EXIT_ENV]) || 60_000;
const logger = createLogger(config.LOG_LEVEL).child({ process: 'grading-service' });
const grader = createLlmGrader(config, { logger });
const slack = config.SLACK_BOT_TOKEN ? slackDelivery(config.SLACK_BOT_TOKEN) : null;

/** Slack's Web API client and prepbot's Slack chat, as the Slack adapter builds them, for grade replies. */
function slackDelivery(token: string): ChatPort {
  const log = logger.child({ platform: 'slack' });
  const client = new webApi.WebClient(token, { ...slackClientOptions(config.SLACK_API_URL), logger: new BoltLogger(log) });
  const chat = new SlackChat(client, new UserDirectory(client, log), { adminUserIds: config.ADMIN_USER_IDS, logger: log, updateIntervalMs: 2_000 });
  return new PostQueue(chat, { logger: log });
}

async function deliver(m: Extract<ToService, { type: 'deliver' }>): Promise<void> {
  inFlight.set(-m.id, new AbortController());
  try {
    if (!slack) throw new DeliveryError('failed', 'the grading service has no Slack token');
    post({ type: 'delivered', id: m.id, ref: await slack.send(m.target, m.reply) });
  } catch (err) {
    const e = err instanceof DeliveryError ? err : new DeliveryError('failed', err instanceof Error ? err.message : String(err));
    post({ type: 'undelivered', id: m.id, error: { code: e.code, message: e.message, retryAfterMs: e.retryAfterMs } });
  } finally {
    inFlight.delete(-m.id);
    lastWork = Date.now();
  }
}

const inFlight = new Map<number, AbortController>();
let lastWork = Date.now();
let exiting = false;

const post = (m: FromService): void => {
  if (process.connected) process.send!(m);
};

async function grade(id: number, req: Extract<ToService, { type: 'grade' }>['req']): Promise<void> {
  const call = new AbortController();
  inFlight.set(id, call);
  try {
    post({ type: 'graded', id, grade: await grader.grade(req, call.signal) });
  } catch (err) {
    // Cut short because this process is leaving: the bot sends the request to the next one.
    if (exiting) return;
    const message = err instanceof Error ? err.message : String(err);
    post({ type: 'failed', id, failure: err instanceof GraderRateLimited ? { kind: 'rate_limited', retryAfterMs: err.retryAfterMs, message } : { kind: 'failed', message } });
  } finally {
    inFlight.delete(id);
    lastWork = Date.now();
  }
}

async function exit(reason: 'idle' | 'stopped', graceMs: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  const deadline = Date.now() + graceMs;
  while (inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const call of inFlight.values()) call.abort(new Error('the grading service is stopping'));
  post({ type: 'exiting', reason });
  process.disconnect?.();
  process.exit(0);
}

process.on('message', (raw: unknown) => {
  const m = raw as ToService;
  if (m.type === 'grade') {
    lastWork = Date.now();
    void grade(m.id, m.req);
  } else if (m.type === 'deliver') {
    lastWork = Date.now();
    void deliver(m);
  } else if (m.type === 'cancel') {
    inFlight.get(m.id)?.abort(new Error('cancelled by the bot'));
  } else if (m.type === 'stop') {
    void exit('stopped', m.graceMs);
  }
});
// The bot is gone: nobody to answer.
process.on('disconnect', () => void exit('stopped', 0));
process.on('SIGTERM', () => void exit('stopped', 5_000));
// Ctrl-C reaches the whole process group; the bot decides when this process stops.
process.on('SIGINT', () => undefined);

setInterval(() => {
  if (inFlight.size === 0 && Date.now() - lastWork >= idleExitMs) void exit('idle', 0);
}, Math.min(5_000, idleExitMs)).unref();

post({ type: 'ready' });
