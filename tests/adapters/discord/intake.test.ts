import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, OTHER } from '../../stand-ins/discord-stand-in.js';
import { HeldGrader } from '../shared/held-grader.js';
import { channelKey, postDaily, replyOf, until } from './play.js';
import { firstButton, gradeIn, startRig, visible, type Rig } from './rig.js';

const EPHEMERAL = 64;
const RESTARTING = 'prepbot is restarting, try again in a minute.';
let rig: Rig | null = null;

afterEach(async () => {
  await rig?.stop();
  rig = null;
});

describe('Discord intake at shutdown', () => {
  it('tells new interactions prepbot is restarting, hands typed text back, and still delivers a grade in flight', async () => {
    const grader = new HeldGrader();
    rig = await startRig({ grader });
    const post = await postDaily(rig);
    const first = rig.standIn.press(MEMBER, post, firstButton(post).custom_id);
    const modal = await rig.standIn.waitFor(() => first.modal, 'the answer modal');
    const inFlight = rig.standIn.submit(MEMBER, modal.custom_id, { answer: 'answered before the restart [score 7]' });
    await until(() => grader.held === 1);
    const late = rig.standIn.press(OTHER, post, firstButton(post).custom_id);
    const lateModal = await rig.standIn.waitFor(() => late.modal, 'a second answer modal');

    await rig.adapter.stopIntake();

    const command = rig.standIn.slash(ADMIN, 'leaderboard');
    expect(await rig.standIn.waitFor(() => replyOf(command), 'the reply')).toMatchObject({ content: RESTARTING, flags: EPHEMERAL });
    const submit = rig.standIn.submit(OTHER, lateModal.custom_id, { answer: 'my carefully typed answer' });
    const handedBack = await rig.standIn.waitFor(() => replyOf(submit), 'the reply to the form');
    expect(handedBack.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(handedBack.content).toMatch(/^prepbot is restarting, try again in a minute\. Your text was not saved/);
    expect(visible(handedBack)).toContain('my carefully typed answer');
    const zone = rig.standIn.autocomplete(ADMIN, 'schedule', { time: '09:00', zone: 'berl' }, 'zone');
    expect(await rig.standIn.waitFor(() => zone.choices, 'the choices')).toEqual([]);
    const round = rig.app.store.rounds.getOpenRound(channelKey())!;
    expect(rig.app.store.answers.roundAnswerCount(round.id)).toBe(1);

    grader.release();
    expect(visible(await rig.standIn.waitFor(() => gradeIn(inFlight), 'the grade in flight'))).toMatch(/Score: 7\/10/);
  });
});
