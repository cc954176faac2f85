import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, CHANNEL_ID, MEMBER, OTHER } from '../../stand-ins/discord-stand-in.js';
import type { StoredMessage } from '../../stand-ins/discord-rest.js';
import { buttonLabelled, firstButton, gradeIn, startRig, visible, type Rig } from './rig.js';

const EPHEMERAL = 64;
let rig: Rig | null = null;

afterEach(async () => {
  if (rig) expect(rig.standIn.refusedCallbacks()).toEqual([]);
  await rig?.stop();
  rig = null;
});

/** Posts today's round with /prep daily and returns the channel post. */
async function postDaily(r: Rig): Promise<StoredMessage> {
  const ix = r.standIn.slash(ADMIN, 'daily');
  await r.standIn.waitFor(() => ix.original, 'the reply to /prep daily');
  return r.standIn.waitFor(() => r.standIn.messagesIn(CHANNEL_ID)[0], 'the daily post');
}

/** Presses Answer on `post`, submits `text` in the modal, and returns the submit's interaction. */
async function answer(r: Rig, who: typeof MEMBER, post: StoredMessage, text: string) {
  const press = r.standIn.press(who, post, firstButton(post).custom_id);
  const modal = await r.standIn.waitFor(() => press.modal, 'the answer modal');
  return { press, modal, submit: r.standIn.submit(who, modal.custom_id, { answer: text }) };
}

describe('the daily post on Discord', () => {
  it('posts an embed with the question, topic, difficulty, live count and an Answer button naming the round, with no pings', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    expect(visible(post)).toMatch(/Question of the day/);
    expect(visible(post)).toMatch(/Question q\d\?/);
    expect(visible(post)).toMatch(/Topic: topic-[ab]/);
    expect(visible(post)).toMatch(/Difficulty: easy/);
    expect(visible(post)).toMatch(/Answers: 0 so far/);
    const round = rig.app.store.rounds.listOpenRounds()[0]!;
    expect(firstButton(post)).toMatchObject({ custom_id: `answer:round:${round.id}`, label: 'Answer' });
    expect(post.allowedMentions).toEqual({ parse: [] });
    expect(round.messageRef).toBe(`${CHANNEL_ID}:${post.id}`);
  });

  it('opens a modal from the Answer button, then defers, acknowledges and edits in the grade privately', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    const { press, modal, submit } = await answer(rig, MEMBER, post, 'Attention weighs tokens [score 8]');
    expect(press.callbacks.map((c) => c.type)).toEqual([9]);
    const input = modal.components[1].component;
    expect(input).toMatchObject({ type: 4, style: 2, custom_id: 'answer', max_length: 4000, required: true });
    expect(modal.custom_id).toBe(`answer-form:${firstButton(post).custom_id.slice('answer:'.length)}`);

    const graded = await rig.standIn.waitFor(() => gradeIn(submit), 'the grade');
    expect(submit.callbacks).toEqual([expect.objectContaining({ type: 5, data: { flags: EPHEMERAL } })]);
    expect(graded.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visible(graded)).toMatch(/Score: 8\/10/);
    expect(visible(graded)).toMatch(/Covered: • q\d point one/);
    expect(visible(graded)).toMatch(/Missed: • q\d point four/);
    expect(visible(graded)).toMatch(/Advice: Scripted feedback/);
    const edits = rig.standIn.rest.requests.filter((q) => q.method === 'PATCH' && q.path.includes(`/${submit.token}/messages/@original`));
    expect(edits.map((q) => q.body.content)).toEqual([expect.stringMatching(/^Answer saved/), '']);
  });

  it('keeps a live answer count on the post and never shows an answer in public', async () => {
    rig = await startRig({ options: { liveCountIntervalMs: 50 } });
    const post = await postDaily(rig);
    const first = await answer(rig, MEMBER, post, 'my secret answer one');
    await rig.standIn.waitFor(() => gradeIn(first.submit), 'the first grade');
    const second = await answer(rig, OTHER, post, 'my secret answer two');
    await rig.standIn.waitFor(() => gradeIn(second.submit), 'the second grade');
    await rig.standIn.waitFor(() => visible(post).includes('Answers: 2 so far'), 'the count to reach 2');
    const everythingPublic = rig.standIn.messagesIn(CHANNEL_ID).map(visible).join('\n');
    expect(everythingPublic).not.toMatch(/secret answer/);
  });

  it('posts the summary in a thread started on the daily post when the round is revealed', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    const { submit } = await answer(rig, MEMBER, post, 'an answer [score 9]');
    await rig.standIn.waitFor(() => gradeIn(submit), 'the grade');
    rig.standIn.slash(ADMIN, 'reveal');
    const thread = await rig.standIn.waitFor(() => rig!.standIn.threadOn(post.id)?.messages[0] && rig!.standIn.threadOn(post.id), 'the summary thread');
    expect(thread.channel.parent_id).toBe(CHANNEL_ID);
    expect(visible(thread.messages[0])).toMatch(/Round closed[\s\S]*Key points[\s\S]*Answered: 1[\s\S]*Ada \(9\/10\)/);
    expect(visible(thread.messages[0])).not.toMatch(/an answer/);
  });

  it('grades an answer submitted after its round closed as practice, and says so', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    const press = rig.standIn.press(MEMBER, post, firstButton(post).custom_id);
    const modal = await rig.standIn.waitFor(() => press.modal, 'the modal');
    rig.standIn.slash(ADMIN, 'reveal');
    await rig.standIn.waitFor(() => rig!.standIn.threadOn(post.id), 'the round to close');

    const submit = rig.standIn.submit(MEMBER, modal.custom_id, { answer: 'late but keen [score 7]' });
    const graded = await rig.standIn.waitFor(() => gradeIn(submit), 'the practice grade');
    expect(visible(graded)).toMatch(/Score: 7\/10/);
    expect(visible(graded)).toMatch(/Practice answer: it counts toward your practice, not the leaderboard/);
    expect(rig.app.store.figures.roundResults(rig.app.store.rounds.getRound(1)!.id)).toEqual([]);
  });

  it('opens the answer form of the open question for /prep answer without text, and grades what is submitted in it', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    const ix = rig.standIn.slash(MEMBER, 'answer');
    const modal = await rig.standIn.waitFor(() => ix.modal, 'the answer modal');
    expect(ix.callbacks.map((c) => c.type)).toEqual([9]);
    expect(modal.custom_id).toBe(`answer-form:${firstButton(post).custom_id.slice('answer:'.length)}`);
    const submit = rig.standIn.submit(MEMBER, modal.custom_id, { answer: 'Attention weighs tokens [score 6]' });
    expect(visible(await rig.standIn.waitFor(() => gradeIn(submit), 'the grade'))).toMatch(/Score: 6\/10/);
  });

  it('says there is no open question, naming /prep quiz, for /prep answer without text when none is open', async () => {
    rig = await startRig();
    const ix = rig.standIn.slash(MEMBER, 'answer');
    const reply = await rig.standIn.waitFor(() => ix.original, 'the reply');
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/You have no open question here\. .*ask for a practice question with \/prep quiz\./);
  });

  it('says in the modal that a closed round counts as practice', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    rig.standIn.slash(ADMIN, 'reveal');
    await rig.standIn.waitFor(() => rig!.standIn.threadOn(post.id), 'the round to close');
    const press = rig.standIn.press(MEMBER, post, firstButton(post).custom_id);
    const modal = await rig.standIn.waitFor(() => press.modal, 'the modal');
    expect(modal.components[0].content).toMatch(/round has closed[\s\S]*practice/);
  });

  it('disputes a grade through its Dispute button and modal, telling the admins privately', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    const { submit } = await answer(rig, MEMBER, post, 'I said it all [score 3]');
    const graded = await rig.standIn.waitFor(() => gradeIn(submit), 'the grade');
    const button = buttonLabelled(graded, 'Dispute');
    expect(button.label).toBe('Dispute');
    const press = rig.standIn.press(MEMBER, graded, button.custom_id);
    const modal = await rig.standIn.waitFor(() => press.modal, 'the dispute modal');
    const reason = rig.standIn.submit(MEMBER, modal.custom_id, { reason: 'I covered the second key point.' });
    const reply = await rig.standIn.waitFor(() => (reason.original?.edits ? reason.original : null), 'the dispute reply');
    expect(reason.callbacks.map((c) => c.type)).toEqual([5]);
    expect(reply.content).toMatch(/Dispute #1 is with the admins/);
    const owner = rig.standIn.guilds[0]!.ownerId;
    const notice = await rig.standIn.waitFor(() => rig!.standIn.dmsTo(owner).find((m) => m.content.startsWith('Dispute #1')), 'the dispute DM to the owner');
    expect(notice.content).toMatch(/Reason: .*I covered the second key point/);
    expect(rig.standIn.messagesIn(CHANNEL_ID).map(visible).join('\n')).not.toMatch(/second key point/);
  });

  it('refuses a button naming a round of another channel', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    const press = rig.standIn.press(MEMBER, post, firstButton(post).custom_id, { channelId: '1200000000000000012' });
    const reply = await rig.standIn.waitFor(() => press.original, 'the refusal');
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/not available here/);
  });
});
