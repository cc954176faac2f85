import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/core/ports.js';
import type { QuestionReply } from '../../../src/core/replies.js';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

const CH = `slack:T1:${CHANNEL}`;

const question = (answerCount: number): QuestionReply => ({
  kind: 'question',
  visibility: 'public',
  answerRef: 'round:1',
  mode: 'daily',
  questionId: 'q1',
  prompt: 'Question q1?',
  topic: 'topic-a',
  difficulty: 'easy',
  pack: 'test-pack',
  answerCount,
});

describe("the Slack ChatPort (what the core's sends become)", () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    await rig.stop();
  });

  it("waits out a 429 as Retry-After says in the app's send queue and sends the post again, never dropping it", async () => {
    rig.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const ref = await rig.app.chat.send({ channelId: CH }, question(0));
    expect(ref).toMatch(/^C1:\d+\.\d+$/);
    expect(rig.api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(rig.logs('warn')).toContain('rate limited; the post waits and is sent again');
  });

  it('reports a refusal other than a rate limit at once, as a DeliveryError', async () => {
    rig.api.failNext('chat.postMessage', { error: 'not_in_channel' });
    const err = await rig.adapter.chat.send({ channelId: CH }, question(0)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ code: 'forbidden' });
    expect(rig.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('turns a deleted or archived channel into channel_gone', async () => {
    rig.api.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(rig.adapter.chat.send({ channelId: CH }, question(0))).rejects.toMatchObject({ code: 'channel_gone' });
    rig.api.failNext('chat.postMessage', { error: 'is_archived' });
    await expect(rig.adapter.chat.send({ channelId: CH }, question(0))).rejects.toMatchObject({ code: 'channel_gone' });
  });

  it('updates the post in place with chat.update, and hands a 429 on it to the send queue', async () => {
    const ref = await rig.adapter.chat.send({ channelId: CH }, question(0));
    expect(ref).toMatch(/^C1:\d+\.\d+$/);
    rig.api.failNext('chat.update', { status: 429, retryAfter: 1 });
    await expect(rig.adapter.chat.edit({ channelId: CH }, ref!, question(3))).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 1000 });
    await rig.app.chat.edit({ channelId: CH }, ref!, question(4));
    const updates = rig.api.callsTo('chat.update');
    expect(updates.map((u) => allText(u.body.blocks).includes('4 answered so far'))).toEqual([false, true]);
    expect(updates.at(-1)!.body).toMatchObject({ channel: 'C1', ts: ref!.split(':')[1] });
  });

  it("DMs admin notices to the workspace's admins and owners and the ADMIN_USER_IDS of that workspace only, and warns when there is none", async () => {
    await rig.adapter.chat.send({ channelId: CH, admins: true }, { kind: 'text', visibility: 'private', text: 'Two questions left.' });
    const dms = rig.api.callsTo('chat.postMessage').map((c) => c.body.channel);
    expect(dms).toEqual(['UADMIN', 'UROOT']);
    await rig.adapter.chat.send({ channelId: 'slack:T9:C9', admins: true }, { kind: 'text', visibility: 'private', text: 'Hello T9.' });
    expect(rig.api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(rig.logs('warn')).toContainEqual(expect.stringMatching(/no admin of this workspace/));
  });

  it('uploads a file reply (export) into the DM, not as message text', async () => {
    await rig.adapter.chat.send({ channelId: CH, userId: 'slack:T1:UADMIN' }, { kind: 'text', visibility: 'private', text: 'Your export.', file: { name: 'export.csv', content: 'user,score\nanonymous-1,7\n' } });
    expect(rig.api.callsTo('conversations.open')[0]!.body.users).toBe('UADMIN');
    expect(rig.api.callsTo('files.getUploadURLExternal')[0]!.body.filename).toBe('export.csv');
    expect(rig.api.uploads.join('')).toContain('anonymous-1,7');
    expect(rig.api.callsTo('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: 'DADMIN', initial_comment: 'Your export.' });
  });

  it('splits a long reply into sections of at most 3,000 characters with a plain text fallback', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `Line ${i} ${'z'.repeat(40)}`).join('\n');
    await rig.adapter.chat.send({ channelId: CH, userId: 'slack:T1:UALICE' }, { kind: 'text', visibility: 'private', text });
    const body = rig.api.callsTo('chat.postEphemeral')[0]!.body as { blocks: { text: { text: string } }[]; text: string };
    expect(body.blocks.length).toBeGreaterThan(2);
    for (const b of body.blocks) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(body.text.length).toBeGreaterThan(0);
  });
});
