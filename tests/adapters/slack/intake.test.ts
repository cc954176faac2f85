import { afterEach, describe, expect, it } from 'vitest';
import { HeldGrader } from '../shared/held-grader.js';
import { channelKey, command, sendEvent } from './play.js';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

const RESTARTING = 'prepbot is restarting, try again in a minute.';
let rig: Rig | null = null;

afterEach(async () => {
  await rig?.stop();
  rig = null;
});

describe('Slack intake at shutdown', () => {
  it('answers commands, buttons and forms "restarting", keeps typed text in the form, and still delivers a grade in flight', async () => {
    const grader = new HeldGrader();
    rig = await startRig({ grader });
    await command(rig, 'schedule 09:00 UTC', { user: 'UADMIN' });
    await command(rig, 'daily', { user: 'UADMIN' });
    const round = rig.app.store.rounds.getOpenRound(channelKey())!;
    await rig.pressAnswer(`round:${round.id}`, { user: 'UALICE' });
    await rig.pressAnswer(`round:${round.id}`, { user: 'UBOB' });
    await rig.until(() => rig!.api.callsTo('views.open').length === 2);
    const [aliceForm, bobForm] = rig.api.callsTo('views.open').map((c) => c.body.view as Record<string, unknown>);
    await rig.submit(aliceForm!, 'answered before the restart [score 7]');
    await rig.until(() => grader.held === 1);

    await rig.adapter.stopIntake();

    const { res } = await rig.command('leaderboard', { user: 'UBOB' });
    expect(res.json).toEqual({ response_type: 'ephemeral', text: RESTARTING });
    const form = await rig.submit(bobForm!, 'my carefully typed answer', { user: 'UBOB' });
    expect(form.json).toEqual({ response_action: 'errors', errors: { answer: RESTARTING } });
    const press = await rig.pressAnswer(`round:${round.id}`, { user: 'UBOB' });
    await rig.until(() => rig!.responses(press.responseId).length === 1);
    expect(rig.responses(press.responseId)[0]).toMatchObject({ response_type: 'ephemeral', text: RESTARTING });
    expect(rig.api.callsTo('views.open')).toHaveLength(2);
    expect(rig.app.store.answers.roundAnswerCount(round.id)).toBe(1);

    // A channel lost during shutdown is still recorded.
    await sendEvent(rig, { type: 'channel_deleted', channel: CHANNEL });
    await rig.until(() => rig!.app.store.channels.getChannel(channelKey())!.suspended);

    grader.release();
    await rig.until(() => rig!.api.callsTo('chat.postEphemeral').some((c) => c.body.user === 'UALICE' && allText(c.body).includes('Score: 7/10')));
  });
});
