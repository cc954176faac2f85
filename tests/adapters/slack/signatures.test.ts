import { verifySlackRequest } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formBody, nowSeconds, payloadBody, sendSigned, slackSignature } from '../../stand-ins/slack-signing.js';
import { allText, SECRET, startRig, type Rig } from './rig.js';

// Slack's documented signing example (PLATFORM-NOTES): secret, timestamp, body and signature.
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = 1531420618;
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

describe("Slack's documented signing example", () => {
  it('is what the test signer computes', () => {
    expect(slackSignature(DOC_SECRET, DOC_TIMESTAMP, DOC_BODY)).toBe(DOC_SIGNATURE);
  });

  it("passes Bolt's verification at its own time and fails it six minutes later", () => {
    const headers = { 'x-slack-signature': DOC_SIGNATURE, 'x-slack-request-timestamp': DOC_TIMESTAMP };
    expect(() => verifySlackRequest({ signingSecret: DOC_SECRET, body: DOC_BODY, headers, nowMilliseconds: DOC_TIMESTAMP * 1000 })).not.toThrow();
    expect(() => verifySlackRequest({ signingSecret: DOC_SECRET, body: DOC_BODY, headers, nowMilliseconds: (DOC_TIMESTAMP + 360) * 1000 })).toThrow(/stale/);
    expect(() =>
      verifySlackRequest({ signingSecret: DOC_SECRET, body: DOC_BODY.replace('roadrunner', 'coyote'), headers, nowMilliseconds: DOC_TIMESTAMP * 1000 }),
    ).toThrow(/signature mismatch/);
  });
});

describe('the HTTP receiver', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    await rig.stop();
  });

  const handled = () => rig.api.calls.filter((c) => c.method !== 'auth.test').length + rig.api.responses.length;

  it("answers 401 to Slack's documented example today: it is correctly signed but years stale", async () => {
    const res = await sendSigned(`${rig.base}/slack/events`, DOC_BODY, { secret: SECRET, timestamp: DOC_TIMESTAMP, signature: DOC_SIGNATURE });
    expect(res.status).toBe(401);
    expect(handled()).toBe(0);
  });

  it('answers 401 to a forged signature and a stale timestamp, and acts on neither', async () => {
    const { body } = await rig.command('help').then(async (first) => {
      await rig.until(() => rig.responses(first.responseId).length === 1);
      return first;
    });
    const before = handled();
    const forged = await sendSigned(`${rig.base}/slack/events`, body, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const stale = await sendSigned(`${rig.base}/slack/events`, body, { secret: SECRET, timestamp: nowSeconds() - 6 * 60 });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(`${rig.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(unsigned.status).toBe(401);
    expect(handled()).toBe(before);
  });

  it('answers 401 to a correctly signed request dated more than 5 minutes ahead, and stores no answer from it', async () => {
    const daily = await rig.command('daily', { user: 'UADMIN' });
    await rig.until(() => rig.responses(daily.responseId).length === 1);
    const before = handled();
    const roundId = rig.app.store.rounds.getOpenRound('slack:T1:C1')!.id;
    const view = { id: 'V9', team_id: 'T1', type: 'modal', callback_id: 'prepbot_answer_modal', private_metadata: JSON.stringify({ ref: `round:${roundId}`, team: 'T1', channel: 'C1' }), title: { type: 'plain_text', text: 'Question of the day' } };
    const body = payloadBody({ type: 'view_submission', team: { id: 'T1' }, user: { id: 'UALICE', name: 'alice', team_id: 'T1' }, trigger_id: 'trigger.future', view: { ...view, state: { values: { answer: { text: { type: 'plain_text_input', value: 'An answer from the future [score 9]' } } } } } });
    const future = await sendSigned(`${rig.base}/slack/events`, body, { secret: SECRET, timestamp: nowSeconds() + 600 });
    expect(future.status).toBe(401);
    const command = await sendSigned(`${rig.base}/slack/events`, formBody({ team_id: 'T1', channel_id: 'C1', user_id: 'UADMIN', command: '/prep', text: 'reveal', trigger_id: 't.f2' }), { secret: SECRET, timestamp: nowSeconds() + 301 });
    expect(command.status).toBe(401);
    expect(handled()).toBe(before);
    expect(rig.app.store.answers.roundAnswerCount(roundId)).toBe(0);
    expect(rig.app.store.rounds.getOpenRound('slack:T1:C1')).not.toBeNull();
    expect(rig.logs('warn')).toContain('refused a Slack request whose timestamp is more than 5 minutes from now');
    // A clock a little ahead of ours (within 5 minutes) is still Slack.
    const skewed = await sendSigned(`${rig.base}/slack/events`, body, { secret: SECRET, timestamp: nowSeconds() + 240 });
    expect(skewed.status).toBe(200);
    expect(rig.app.store.answers.roundAnswerCount(roundId)).toBe(1);
  });

  it('accepts a correctly signed, fresh slash command and answers it privately', async () => {
    const { res, responseId } = await rig.command('help');
    expect(res.status).toBe(200);
    await rig.until(() => rig.responses(responseId).length === 1);
    const [reply] = rig.responses(responseId);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(reply)).toMatch(/leaderboard/);
  });

  it('serves GET /healthz with the JSON status', async () => {
    const res = await fetch(`${rig.base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(await res.json()).toMatchObject({ status: 'ok', platforms: ['slack'] });
  });
});
