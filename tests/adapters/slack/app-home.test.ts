import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payloadBody } from '../../stand-ins/slack-signing.js';
import { bank, question } from '../../fakes/questions.js';
import { allText, startRig, TEAM, type Rig } from './rig.js';

describe('App Home', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    await rig.stop();
  });

  const homeOpened = (user: string, eventId: string, retryNum?: number) =>
    rig.send(
      JSON.stringify({
        token: 'legacy',
        team_id: TEAM,
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: eventId,
        event_time: 1700000000,
        authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
        event: { type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home', event_ts: '1700000000.000001' },
      }),
      { contentType: 'application/json', retryNum },
    );

  const pressPractice = (user: string, view: { id: string; private_metadata: string }) =>
    rig.send(
      payloadBody({
        type: 'block_actions',
        team: { id: TEAM, domain: 'test' },
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
        api_app_id: 'A1',
        token: 'legacy',
        container: { type: 'view', view_id: view.id },
        trigger_id: `trigger.home.${user}`,
        view: { ...view, type: 'home', callback_id: 'prepbot_home', team_id: TEAM, hash: '1.h', state: { values: {} } },
        actions: [{ type: 'button', action_id: 'prepbot_practice', block_id: 'practice', value: 'quiz', action_ts: '1700000001.000000' }],
      }),
    );

  it("publishes the member's figures and a Practice button when Home opens, once per event", async () => {
    const res = await homeOpened('UALICE', 'Ev1');
    expect(res.status).toBe(200);
    await rig.until(() => rig.api.callsTo('views.publish').length === 1);
    const publish = rig.api.callsTo('views.publish')[0]!.body;
    expect(publish.user_id).toBe('UALICE');
    const view = publish.view as { type: string; blocks: unknown[]; private_metadata: string };
    expect(view.type).toBe('home');
    expect(allText(view.blocks)).toMatch(/Daily[\s\S]*points[\s\S]*Practice[\s\S]*Streak[\s\S]*score of 6 or more/);
    expect(allText(view.blocks)).toContain('prepbot_practice');
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: 'DALICE' });
    await homeOpened('UALICE', 'Ev1', 1);
    await homeOpened('UBOB', 'Ev2');
    await rig.until(() => rig.api.callsTo('views.publish').length === 2);
    expect(rig.api.callsTo('views.publish').map((c) => c.body.user_id)).toEqual(['UALICE', 'UBOB']);
  });

  it('opens a practice question in a modal from Home, and the score arrives as a DM', async () => {
    await homeOpened('UALICE', 'Ev3');
    await rig.until(() => rig.api.callsTo('views.publish').length === 1);
    const home = rig.api.callsTo('views.publish')[0]!.body.view as { private_metadata: string };
    const res = await pressPractice('UALICE', { id: 'VHOME', private_metadata: home.private_metadata });
    expect(res.status).toBe(200);
    await rig.until(() => rig.api.callsTo('views.open').length === 1);
    const modal = rig.api.callsTo('views.open')[0]!.body.view as Record<string, unknown>;
    expect(modal).toMatchObject({ type: 'modal', callback_id: 'prepbot_answer_modal', title: { text: 'Practice question' } });
    const meta = JSON.parse(modal.private_metadata as string) as { ref: string; channel: string };
    expect(meta.ref).toMatch(/^practice:\d+$/);
    expect(meta.channel).toBe('DALICE');

    const submitted = await rig.submit(modal, 'Practice answer [score 6]');
    expect(submitted.json).toMatchObject({ response_action: 'update' });
    expect(allText(submitted.json)).toMatch(/Practice answer received/);
    await rig.until(() => rig.api.callsTo('chat.postMessage').some((c) => c.body.channel === 'UALICE'));
    const dm = rig.api.callsTo('chat.postMessage').find((c) => c.body.channel === 'UALICE')!;
    expect(allText(dm.body.blocks)).toMatch(/Score: 6\/10/);
    expect(allText(dm.body.blocks)).toMatch(/Practice answer: it counts toward your practice/);
    expect(rig.api.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it("never shows an open round's key points through Home's Practice before the member has answered the round", async () => {
    await rig.stop();
    rig = await startRig({ content: bank([question('q1', { hint: undefined })]) });
    const posted = await rig.command('daily', { user: 'UADMIN', userName: 'ada' });
    await rig.until(() => rig.responses(posted.responseId).length === 1);
    await homeOpened('UALICE', 'Ev9');
    await rig.until(() => rig.api.callsTo('views.publish').length === 1);
    const home = rig.api.callsTo('views.publish')[0]!.body.view as { private_metadata: string };
    await pressPractice('UALICE', { id: 'VHOME', private_metadata: home.private_metadata });
    await rig.until(() => rig.api.callsTo('views.open').length === 1);
    const modal = rig.api.callsTo('views.open')[0]!.body.view as Record<string, unknown>;
    await rig.submit(modal, 'A practice try at the open question [score 5]');
    await rig.until(() => rig.api.callsTo('chat.postMessage').some((c) => c.body.channel === 'UALICE'));
    const dm = allText(rig.api.callsTo('chat.postMessage').find((c) => c.body.channel === 'UALICE')!.body.blocks);
    expect(dm).toMatch(/Score: 5\/10/);
    expect(dm).toMatch(/Key idea \d of 4/);
    expect(dm).toMatch(/\*Missed\*/);
    const everything = JSON.stringify(rig.api.calls.map((c) => c.body));
    expect(everything).not.toMatch(/q1 point|Reference answer for q1/);
  });
});
