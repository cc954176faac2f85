import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pngSize } from '../png.js';
import { answerAndGrade, command } from './play.js';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

type Block = { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] };
const buttons = (body: Record<string, unknown>) => (body.blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('coaching on Slack', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    await rig.stop();
  });

  it('ends a weak grade with a follow-up whose button opens its form; its answer gets a second grade on that key point', async () => {
    await command(rig, 'daily', { user: 'UADMIN' });
    const graded = await answerAndGrade(rig, 'Half of it [score 5]');
    expect(allText(graded.blocks)).toMatch(/Follow-up question:[\s\S]*\/prep answer &lt;your answer&gt; \(or the button\), or skip it with \/prep pass/);
    const follow = buttons(graded).find((b) => b.text.text === 'Answer the follow-up')!;
    expect(follow.value).toMatch(/^followup:\d+$/);
    expect(buttons(graded).map((b) => b.text.text)).toContain('Dispute');

    const opened = rig.api.callsTo('views.open').length;
    await rig.pressAnswer(follow.value);
    await rig.until(() => rig.api.callsTo('views.open').length === opened + 1);
    const view = rig.api.callsTo('views.open').at(-1)!.body.view as Record<string, unknown>;
    expect(allText(view)).toMatch(/Follow-up question/);
    const ack = await rig.submit(view, 'The missing point, explained [score 10]');
    expect(allText(ack.json)).toMatch(/Follow-up answer received/);
    await rig.until(() => rig.api.callsTo('chat.postEphemeral').length === 2);
    const second = rig.api.callsTo('chat.postEphemeral')[1]!.body;
    expect(allText(second.blocks)).toMatch(/Score: 10\/10[\s\S]*Follow-up on key point 3/);
    expect(buttons(second).map((b) => b.text.text)).toEqual([]);
  });

  it('posts the digest with its chart through files.uploadV2, once a week', async () => {
    await command(rig, 'daily', { user: 'UADMIN' });
    await answerAndGrade(rig, 'An answer [score 7]');
    expect(await command(rig, 'digest', { user: 'UADMIN' })).toMatch(/Posted the weekly digest/);
    const post = rig.api.callsTo('chat.postMessage').find((c) => /Weekly digest/.test(allText(c.body)))!;
    expect(post.body.channel).toBe(CHANNEL);
    expect(allText(post.body.blocks)).toMatch(/1 answers from 1 members[\s\S]*Average score by topic/);
    expect(rig.api.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(rig.api.callsTo('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: CHANNEL });
    const png = pngSize(rig.api.files[0]!.bytes);
    expect(png).toEqual({ width: 900, height: 450 });

    expect(await command(rig, 'digest', { user: 'UADMIN' })).toMatch(/already|was posted here on/);
    expect(rig.api.callsTo('files.getUploadURLExternal')).toHaveLength(1);
  });

  it("quotes the best answer of a member who set showcase on in the summary's thread, never another's", async () => {
    expect(await command(rig, 'showcase on', { user: 'UBOB' })).toMatch(/Showcase on/);
    await command(rig, 'daily', { user: 'UADMIN' });
    await answerAndGrade(rig, 'Alice says <!channel> it all [score 10]', 'UALICE');
    await answerAndGrade(rig, 'Bob explains *it* well [score 8]', 'UBOB');
    await command(rig, 'reveal', { user: 'UADMIN' });
    await rig.until(() => rig.api.callsTo('chat.postMessage').some((c) => c.body.thread_ts));
    const summary = rig.api.callsTo('chat.postMessage').find((c) => c.body.thread_ts)!;
    const text = allText(summary.body.blocks);
    expect(text).toMatch(/missed by \d of 2/);
    expect(text).toMatch(/Best answer shared by bob\* \(8\/10\)\n>Bob explains \*it\* well \[score 8\]/);
    expect(JSON.stringify(rig.api.calls.filter((c) => c.method === 'chat.postMessage'))).not.toMatch(/Alice says/);
  });
});
