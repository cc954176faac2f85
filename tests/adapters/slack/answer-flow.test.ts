import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

const ANSWER = 'Attention lets every token weigh every other token; the secret phrase is tangerine-42. [score 7]';

describe('answering the question of the day on Slack', () => {
  let rig: Rig;
  let roundId: number;
  let postTs: string;

  beforeEach(async () => {
    rig = await startRig();
    const { responseId } = await rig.command('daily', { user: 'UADMIN' });
    await rig.until(() => rig.responses(responseId).length === 1);
    const round = rig.app.store.rounds.getOpenRound(`slack:T1:${CHANNEL}`)!;
    roundId = round.id;
    postTs = round.messageRef!.split(':')[1]!;
  });
  afterEach(async () => {
    await rig.stop();
  });

  /** Presses Answer and returns the modal Slack was asked to open. */
  async function openModal(user = 'UALICE'): Promise<Record<string, unknown>> {
    const before = rig.api.callsTo('views.open').length;
    const { res } = await rig.pressAnswer(`round:${roundId}`, { user });
    expect(res.status).toBe(200);
    await rig.until(() => rig.api.callsTo('views.open').length === before + 1);
    return rig.api.callsTo('views.open').at(-1)!.body.view as Record<string, unknown>;
  }

  const answersOf = (user: string) => rig.app.store.db.prepare('SELECT count(*) AS n FROM answers WHERE user_id = ?').get(`slack:T1:${user}`) as { n: number };

  it('opens a modal with a multi-line input capped at Slack’s 3,000 and a hint that says so', async () => {
    const view = await openModal();
    expect(view).toMatchObject({ type: 'modal', callback_id: 'prepbot_answer_modal', submit: { text: 'Submit' } });
    expect(JSON.parse(view.private_metadata as string)).toEqual({ ref: `round:${roundId}`, team: 'T1', channel: CHANNEL });
    const input = (view.blocks as { type: string; block_id?: string; element?: Record<string, unknown>; hint?: { text: string } }[]).find((b) => b.type === 'input')!;
    expect(input.block_id).toBe('answer');
    expect(input.element).toMatchObject({ type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 3000 });
    expect(input.hint!.text).toMatch(/3,000 characters: Slack's limit.*4,000/);
  });

  it('stores a submitted answer before acking, updates the live count, and sends the score to that person only', async () => {
    const view = await openModal();
    const res = await rig.submit(view, ANSWER);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(allText(res.json)).toMatch(/Answer saved/);
    expect(answersOf('UALICE').n).toBe(1);

    await rig.until(() => rig.api.callsTo('chat.postEphemeral').length === 1);
    const grade = rig.api.callsTo('chat.postEphemeral')[0]!.body;
    expect(grade).toMatchObject({ channel: CHANNEL, user: 'UALICE' });
    expect(allText(grade.blocks)).toMatch(/Score: 7\/10/);
    expect(allText(grade.blocks)).toMatch(/Covered[\s\S]*Missed/);
    expect(allText(grade.blocks)).toMatch(/Advice/);

    await rig.until(() => rig.api.callsTo('chat.update').some((c) => allText(c.body.blocks).includes('1 answered so far')));
    const update = rig.api.callsTo('chat.update').at(-1)!.body;
    expect(update).toMatchObject({ channel: CHANNEL, ts: postTs });

    // Answer text never reaches a channel: not in posts, not in the live count.
    const publicBodies = [...rig.api.callsTo('chat.postMessage'), ...rig.api.callsTo('chat.update')].map((c) => allText(c.body));
    expect(publicBodies.join('\n')).not.toContain('tangerine-42');
  });

  it('keeps an empty answer in the form with an error next to the input that speaks of the form, storing nothing', async () => {
    const view = await openModal();
    const res = await rig.submit(view, '   \n  ');
    expect(res.json).toMatchObject({ response_action: 'errors', errors: { answer: 'Your answer is empty: write it in the answer box, then submit the form again.' } });
    expect(allText(res.json)).not.toMatch(/after the command/);
    expect(answersOf('UALICE').n).toBe(0);
  });

  it('opens the answer form of the open question for /prep answer without text, and takes the answer from it', async () => {
    const { res, responseId } = await rig.command('answer', { user: 'UBOB' });
    expect(res.status).toBe(200);
    await rig.until(() => rig.api.callsTo('views.open').length === 1);
    const view = rig.api.callsTo('views.open')[0]!.body.view as Record<string, unknown>;
    expect(JSON.parse(view.private_metadata as string)).toEqual({ ref: `round:${roundId}`, team: 'T1', channel: CHANNEL });
    expect(rig.responses(responseId)).toEqual([]);
    const saved = await rig.submit(view, 'An answer from the form [score 5]', { user: 'UBOB' });
    expect(saved.json).toMatchObject({ response_action: 'update' });
    expect(answersOf('UBOB').n).toBe(1);
  });

  it('names verbs as they are typed on Slack, with /prep', async () => {
    await rig.app.bot.rounds.close(rig.app.store.rounds.getOpenRound(`slack:T1:${CHANNEL}`)!, 'closed');
    const { responseId } = await rig.command('hint', { user: 'UBOB' });
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(allText(rig.responses(responseId))).toMatch(/no open question to give a hint for\. Ask for one with \/prep quiz\./);
    const typo = await rig.command('leaderbord', { user: 'UBOB' });
    await rig.until(() => rig.responses(typo.responseId).length === 1);
    expect(allText(rig.responses(typo.responseId))).toMatch(/Did you mean \/prep leaderboard\? Use \/prep help to see them all\./);
  });

  it('refuses an answer over 4,000 characters in the form, storing nothing', async () => {
    const view = await openModal();
    const res = await rig.submit(view, 'x'.repeat(4001));
    expect(res.json).toMatchObject({ response_action: 'errors', errors: { answer: expect.stringMatching(/limited to 4,000 characters; yours has 4,001/) } });
    expect(answersOf('UALICE').n).toBe(0);
    const ok = await rig.submit(view, `${'y'.repeat(2990)} [score 5]`);
    expect(ok.json).toMatchObject({ response_action: 'update' });
    expect(answersOf('UALICE').n).toBe(1);
  });

  it('never stores a second answer when Slack delivers the submission again, and acknowledges it the same way', async () => {
    const view = await openModal();
    const first = await rig.submit(view, ANSWER, { trigger: 'trigger.same' });
    expect(first.json).toMatchObject({ response_action: 'update' });
    const retried = await rig.submit(view, ANSWER, { trigger: 'trigger.same', retryNum: 1 });
    expect(retried.status).toBe(200);
    expect(retried.json).toMatchObject({ response_action: 'update' });
    expect(allText(retried.json)).toMatch(/Answer saved \(\d+ characters\)\. It had reached me already, so it is stored once/);
    expect(answersOf('UALICE').n).toBe(1);
    expect(rig.app.store.answers.roundAnswerCount(roundId)).toBe(1);
    expect(rig.app.store.answers.pendingJobCount()).toBeLessThanOrEqual(1);
  });

  it('refuses an Answer button naming a round of another channel, privately, without opening a form', async () => {
    const { responseId } = await rig.pressAnswer(`round:${roundId}`, { channel: 'C2' });
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(rig.responses(responseId)[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(rig.responses(responseId))).toMatch(/not available here/);
    expect(rig.api.callsTo('views.open')).toHaveLength(0);
  });

  it('sends the score as a DM when the bot may not post ephemerally in the channel', async () => {
    const view = await openModal('UBOB');
    rig.api.failNext('chat.postEphemeral', { error: 'not_in_channel' });
    await rig.submit(view, 'An answer from Bob [score 4]', { user: 'UBOB' });
    await rig.until(() => rig.api.callsTo('chat.postMessage').some((c) => c.body.channel === 'UBOB'));
    const dm = rig.api.callsTo('chat.postMessage').find((c) => c.body.channel === 'UBOB')!;
    expect(allText(dm.body.blocks)).toMatch(/Score: 4\/10/);
  });

  it('posts the reveal summary in the thread of the daily post', async () => {
    const view = await openModal();
    await rig.submit(view, ANSWER);
    await rig.until(() => rig.api.callsTo('chat.postEphemeral').length === 1);
    const { responseId } = await rig.command('reveal', { user: 'UADMIN' });
    await rig.until(() => rig.responses(responseId).length === 1);
    const summary = rig.api.callsTo('chat.postMessage').find((c) => c.body.thread_ts !== undefined)!;
    expect(summary.body).toMatchObject({ channel: CHANNEL, thread_ts: postTs });
    expect(allText(summary.body.blocks)).toMatch(/Round closed/);
    expect(allText(summary.body.blocks)).toMatch(/Key points/);
    expect(allText(summary.body.blocks)).toMatch(/1 answered, average 7\/10/);
    expect(allText(summary.body.blocks)).toMatch(/1\. alice \(7\/10\)/);
    expect(allText(summary.body)).not.toContain('tangerine-42');
    // The post itself now says the round is closed.
    await rig.until(() => rig.api.callsTo('chat.update').some((c) => allText(c.body.blocks).includes('This round is closed')));
  });
});
