import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

describe('disputing a grade on Slack', () => {
  let rig: Rig;
  let answerId: number;

  beforeEach(async () => {
    rig = await startRig();
    const { responseId } = await rig.command('daily', { user: 'UADMIN' });
    await rig.until(() => rig.responses(responseId).length === 1);
    const round = rig.app.store.rounds.getOpenRound(`slack:T1:${CHANNEL}`)!;
    await rig.pressAnswer(`round:${round.id}`);
    await rig.until(() => rig.api.callsTo('views.open').length === 1);
    const ack = await rig.submit(rig.api.callsTo('views.open')[0]!.body.view as Record<string, unknown>, 'My answer [score 3]');
    expect(ack.json).toMatchObject({ response_action: 'update' });
    await rig.until(() => rig.api.callsTo('chat.postEphemeral').length === 1);
    const grade = rig.api.callsTo('chat.postEphemeral')[0]!.body;
    const button = (grade.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'prepbot_dispute');
    expect(button).toBeDefined();
    answerId = Number(button!.value.replace('answer:', ''));
  });
  afterEach(async () => {
    await rig.stop();
  });

  it('opens a reason form from the score’s Dispute button and hands the dispute to the admins', async () => {
    await rig.press('prepbot_dispute', `answer:${answerId}`);
    await rig.until(() => rig.api.callsTo('views.open').length === 2);
    const modal = rig.api.callsTo('views.open')[1]!.body.view as Record<string, unknown>;
    expect(modal).toMatchObject({ callback_id: 'prepbot_dispute_modal' });
    expect(JSON.parse(modal.private_metadata as string)).toEqual({ answerId, team: 'T1', channel: CHANNEL });

    const empty = await rig.send(disputeBody(modal, '  '));
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { reason: expect.stringMatching(/Say why/) } });

    const res = await rig.send(disputeBody(modal, 'I covered the second key point.'));
    expect(res.json).toMatchObject({ response_action: 'update' });
    expect(allText(res.json)).toMatch(/Dispute #\d+ is with the admins/);
    await rig.until(() => rig.api.callsTo('chat.postMessage').some((c) => c.body.channel === 'UROOT' && allText(c.body).includes('disputes the 3/10')));
  });

  it('refuses a dispute of somebody else’s answer', async () => {
    await rig.press('prepbot_dispute', `answer:${answerId}`, { user: 'UBOB' });
    await rig.until(() => rig.api.callsTo('views.open').length === 2);
    const modal = rig.api.callsTo('views.open')[1]!.body.view as Record<string, unknown>;
    const res = await rig.send(disputeBody(modal, 'Mine now.', 'UBOB'));
    expect(res.json).toMatchObject({ response_action: 'errors', errors: { reason: expect.stringMatching(/not one of your answers/) } });
  });

  function disputeBody(view: Record<string, unknown>, reason: string, user = 'UALICE'): string {
    return new URLSearchParams({
      payload: JSON.stringify({
        type: 'view_submission',
        team: { id: 'T1', domain: 'test' },
        user: { id: user, username: user.slice(1).toLowerCase(), name: user.slice(1).toLowerCase(), team_id: 'T1' },
        api_app_id: 'A1',
        trigger_id: `trigger.dispute.${Math.random()}`,
        view: { id: 'VD', team_id: 'T1', hash: '1.d', ...view, state: { values: { reason: { text: { type: 'plain_text_input', value: reason } } } } },
      }),
    }).toString();
  }
});
