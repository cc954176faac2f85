/**
 * Signed Slack requests as Slack sends them (the signing rule is the tests' stand-in's): an
 * answer modal's `view_submission` and a `/prep` slash command, ready for the load driver.
 */
import { formBody, nowSeconds, payloadBody, slackSignature } from '../tests/stand-ins/slack-signing.js';
import type { PostJob } from './http-load.js';

export const SIGNING_SECRET = 'bench-signing-secret-8f742231b10e8888';
export const BOT_TOKEN = 'xoxb-bench-token';
export const TEAM = 'TBENCH';
export const CHANNEL = 'CBENCH';
export const ADMIN = 'UADMIN';

function signed(body: string): PostJob {
  const ts = nowSeconds();
  return {
    path: '/slack/events',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(SIGNING_SECRET, ts, body),
    },
    body,
  };
}

/** A distinct, plausible answer text per member (distinct, so the grade cache never answers for the LLM). */
function answerText(i: number): string {
  return `Answer ${i}: the mechanism compares each query with every key, normalises the scores with a softmax and sums the values with those weights; variant ${i.toString(36)}.`;
}

/** Member `i`'s submission of the answer modal for `answerRef` (e.g. `round:1`). */
export function answerSubmission(i: number, answerRef: string, text = answerText(i)): PostJob {
  const user = `UB${i.toString().padStart(6, '0')}`;
  return signed(
    payloadBody({
      type: 'view_submission',
      team: { id: TEAM, domain: 'bench' },
      user: { id: user, username: `member${i}`, name: `member${i}`, team_id: TEAM },
      api_app_id: 'ABENCH',
      token: 'legacy',
      trigger_id: `${i}.bench.${Date.now()}`,
      view: {
        id: `V${i}`,
        team_id: TEAM,
        type: 'modal',
        callback_id: 'prepbot_answer_modal',
        hash: '1.abc',
        private_metadata: JSON.stringify({ ref: answerRef, team: TEAM, channel: CHANNEL }),
        title: { type: 'plain_text', text: 'Question of the day' },
        blocks: [],
        state: { values: { answer: { text: { type: 'plain_text_input', value: text } } } },
      },
    }),
  );
}

/** `/prep <text>` from the workspace admin in the bench channel. */
export function slashCommand(text: string, responseUrl: string): PostJob {
  return signed(
    formBody({
      token: 'legacy',
      team_id: TEAM,
      team_domain: 'bench',
      channel_id: CHANNEL,
      channel_name: 'interview-prep',
      user_id: ADMIN,
      user_name: 'admin',
      command: '/prep',
      text,
      api_app_id: 'ABENCH',
      response_url: responseUrl,
      trigger_id: `cmd.${Date.now()}`,
    }),
  );
}
