import { DateTime } from 'luxon';
import { vi } from 'vitest';
import type { Place } from '../../src/core/model.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import type { DiscordStandIn } from '../stand-ins/discord-stand-in.js';
import type { SlackWebApiStandIn } from '../stand-ins/slack-web-api.js';
import { nowSeconds, payloadBody, sendSigned, type SlackHttpResult } from '../stand-ins/slack-signing.js';
import type { BotProcess } from './bot-process.js';

export const SLACK_SECRET = 'crash-test-secret';
/** A short lease, so a killed process's work is taken over within seconds instead of 30. */
const LEASE = { LEASE_SECONDS: '2' };

/**
 * Schedules a channel with a slot 30 minutes ago, in a zone where that is neither just after nor
 * just before midnight, so the bot's start makes the day's post as a catch-up.
 */
export function seedScheduledChannel(db: string, place: Place): void {
  const zone = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Asia/Kolkata'].find((z) => {
    const h = DateTime.now().setZone(z).hour;
    return h >= 2 && h <= 21;
  })!;
  const slot = DateTime.now().setZone(zone).minus({ minutes: 30 }).toFormat('HH:mm');
  const seed = SqliteStore.open(db);
  seed.channels.ensureChannel(place, { timezone: zone });
  seed.channels.updateChannel(place.channelId, { postTime: slot, days: 'daily', timezone: zone, scheduleSetAt: Date.now() - 86_400_000 });
  seed.close();
}

export function slackEnv(api: SlackWebApiStandIn, extra: Record<string, string> = {}): Record<string, string> {
  return { SLACK_BOT_TOKEN: 'xoxb-crash', SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: api.url, PORT: '0', HOST: '127.0.0.1', ADMIN_USER_IDS: 'UROOT', ...LEASE, ...extra };
}

export function discordEnv(standIn: DiscordStandIn, extra: Record<string, string> = {}): Record<string, string> {
  return { DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.apiUrl, PORT: '0', HOST: '127.0.0.1', ...LEASE, ...extra };
}

/** The rows of a table as the test reads them from the bot's database file (WAL lets it read while the bot writes). */
export function rows<T>(db: string, sql: string, ...params: unknown[]): T[] {
  const store = SqliteStore.open(db);
  try {
    return store.db.prepare(sql).all(...params) as T[];
  } finally {
    store.close();
  }
}

/** Waits (real time, for a child process) until `check` holds. */
export async function until(check: () => boolean, timeout = 40_000): Promise<void> {
  await vi.waitFor(
    () => {
      if (!check()) throw new Error('not yet');
    },
    { timeout, interval: 50 },
  );
}

/** The port Slack's HTTP receiver listens on, from the bot's start-up log. */
export async function slackPort(bot: BotProcess): Promise<number> {
  const log = await bot.waitFor(/Slack over HTTP/, { stream: 'stderr', timeoutMs: 40_000 });
  const line = log.split('\n').find((l) => l.includes('Slack over HTTP'))!;
  return (JSON.parse(line) as { port: number }).port;
}

/** Kills the process with SIGKILL (nothing runs after it: no shutdown, no checkpoint) and waits for it to go. */
export async function killHard(bot: BotProcess): Promise<void> {
  bot.child.kill('SIGKILL');
  await bot.exited;
}

/** The body of an answer form submission exactly as Slack sends it (sending it again is a replay). */
export function answerSubmission(roundId: number, user: string, text: string, trigger: string): string {
  const view = {
    id: `V-${trigger}`,
    team_id: 'T1',
    type: 'modal',
    callback_id: 'prepbot_answer_modal',
    private_metadata: JSON.stringify({ ref: `round:${roundId}`, team: 'T1', channel: 'C1' }),
    title: { type: 'plain_text', text: 'Question of the day' },
    state: { values: { answer: { text: { type: 'plain_text_input', value: text } } } },
  };
  return payloadBody({ type: 'view_submission', team: { id: 'T1' }, user: { id: user, name: user.toLowerCase(), team_id: 'T1' }, api_app_id: 'A1', trigger_id: trigger, view });
}

/** Sends a body to a bot's Slack receiver, signed at `timestamp` (now by default). */
export function sendToSlackBot(port: number, body: string, timestamp = nowSeconds()): Promise<SlackHttpResult> {
  return sendSigned(`http://127.0.0.1:${port}/slack/events`, body, { secret: SLACK_SECRET, timestamp });
}
