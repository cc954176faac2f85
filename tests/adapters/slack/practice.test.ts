import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

describe('practice and typed answers on Slack', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    await rig.stop();
  });

  it('shows /prep quiz privately with an Answer button that opens the practice form', async () => {
    const { responseId } = await rig.command('quiz');
    await rig.until(() => rig.responses(responseId).length === 1);
    const reply = rig.responses(responseId)[0]!;
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(reply)).toMatch(/Practice question/);
    const button = (reply.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions')!.elements![0]!;
    expect(button.value).toMatch(/^practice:\d+$/);
    expect(rig.api.callsTo('chat.postMessage')).toHaveLength(0);

    await rig.pressAnswer(button.value);
    await rig.until(() => rig.api.callsTo('views.open').length === 1);
    const view = rig.api.callsTo('views.open')[0]!.body.view as Record<string, unknown>;
    expect(JSON.parse(view.private_metadata as string)).toMatchObject({ ref: button.value, channel: CHANNEL });
    const ack = await rig.submit(view, 'A practice answer [score 8]');
    expect(allText(ack.json)).toMatch(/Practice answer received/);
    await rig.until(() => rig.api.callsTo('chat.postEphemeral').length === 1);
    const grade = rig.api.callsTo('chat.postEphemeral')[0]!.body;
    expect(grade).toMatchObject({ channel: CHANNEL, user: 'UALICE' });
    expect(allText(grade.blocks)).toMatch(/Score: 8\/10[\s\S]*Practice answer: it counts toward your practice/);
    expect(allText(grade.blocks)).not.toContain('prepbot_dispute');
  });

  it('takes /prep answer <text> with a private acknowledgement, then the score', async () => {
    const daily = await rig.command('daily', { user: 'UADMIN' });
    await rig.until(() => rig.responses(daily.responseId).length === 1);
    const { responseId } = await rig.command('answer Tokens attend to each other [score 6]', { user: 'UBOB', userName: 'bob' });
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(rig.responses(responseId)[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(rig.responses(responseId))).toMatch(/Answer saved/);
    await rig.until(() => rig.api.callsTo('chat.postEphemeral').length === 1);
    expect(rig.api.callsTo('chat.postEphemeral')[0]!.body).toMatchObject({ channel: CHANNEL, user: 'UBOB' });
    expect(allText(rig.api.callsTo('chat.postEphemeral')[0]!.body.blocks)).toMatch(/Score: 6\/10/);
  });
});
