import { describe, expect, it } from 'vitest';
import { DeliveryError, type PostMark, type PostWindow, type Target } from '../../src/core/ports.js';
import { text } from '../../src/core/replies.js';
import { harness, OTHER_SCOPE, PLACE } from '../fakes/harness.js';

/** A post kind of another part of the bot, as a weekly digest would register it. */
function digestKind(h: ReturnType<typeof harness>) {
  const rendered: string[] = [];
  h.bot.posts.register('digest', {
    render: (intent) => {
      rendered.push(intent.key);
      return { target: { channelId: intent.channelId }, reply: text(`Digest of ${intent.key.split('|')[1]}`, 'public') };
    },
    deadline: (intent) => intent.createdAt + 24 * 3_600_000,
  });
  return rendered;
}

describe('posts of a registered kind', () => {
  it('are planned once per key, sent once, carrying their mark, and never again', async () => {
    const h = harness();
    digestKind(h);
    const key = `${PLACE.channelId}|2026-W48`;
    expect(h.bot.posts.plan('digest', key, PLACE.channelId)).toBe(true);
    expect(h.bot.posts.plan('digest', key, PLACE.channelId)).toBe(false);
    expect(await h.bot.posts.deliver('digest', key)).toMatchObject({ status: 'sent', ref: 'msg-1' });
    expect(await h.bot.posts.deliver('digest', key)).toEqual({ status: 'done' });
    expect(await h.bot.rounds.retryUndelivered()).toEqual({ delivered: 0, waiting: 0, gaveUp: 0 });
    expect(h.chat.sent).toHaveLength(1);
    expect(h.chat.sent[0]!.target.post).toEqual({ kind: 'digest', key, tag: expect.stringMatching(/^digest-[a-z0-9]+$/), nonce: expect.any(String) });
    expect(h.chat.sent[0]!.target.post!.nonce!.length).toBeLessThanOrEqual(25);
  });

  it('look first after an attempt that may have posted, adopt what they find, and otherwise post once', async () => {
    const h = harness();
    digestKind(h);
    const looks: { target: Target; mark: PostMark; window: PostWindow }[] = [];
    let found: string | null = 'msg-from-the-first-attempt';
    Object.assign(h.chat, {
      findPost: async (target: Target, mark: PostMark, window: PostWindow) => (looks.push({ target, mark, window }), found),
    });
    const key = `${PLACE.channelId}|2026-W48`;
    h.bot.posts.plan('digest', key, PLACE.channelId);
    h.chat.failNext = new DeliveryError('failed', 'Discord could not be reached', undefined, { uncertain: true });
    expect(await h.bot.posts.deliver('digest', key)).toMatchObject({ status: 'failed' });
    expect(looks).toHaveLength(0);

    h.clock.advance(60_000);
    expect(await h.bot.posts.deliver('digest', key)).toEqual({ status: 'adopted', ref: 'msg-from-the-first-attempt' });
    expect(looks).toHaveLength(1);
    expect(looks[0]!.window).toEqual({ from: Date.parse('2026-11-23T09:00:00Z'), to: Date.parse('2026-11-23T09:00:00Z') });
    expect(h.chat.sent).toHaveLength(0);

    // Another post: the look finds nothing, so it is made.
    const other = `${PLACE.channelId}|2026-W49`;
    found = null;
    h.bot.posts.plan('digest', other, PLACE.channelId);
    h.chat.failNext = new DeliveryError('failed', 'Discord could not be reached', undefined, { uncertain: true });
    await h.bot.posts.deliver('digest', other);
    h.clock.advance(60_000);
    expect(await h.bot.rounds.retryUndelivered()).toEqual({ delivered: 1, waiting: 0, gaveUp: 0 });
    expect(looks).toHaveLength(2);
    expect(h.chat.sent).toHaveLength(1);
  });

  it('wait, without a look, after a refusal the platform stated, and are given up at their deadline', async () => {
    const h = harness();
    digestKind(h);
    let looks = 0;
    Object.assign(h.chat, { findPost: async () => (looks++, null) });
    const key = `${PLACE.channelId}|2026-W48`;
    h.bot.posts.plan('digest', key, PLACE.channelId);
    h.chat.failNext = new DeliveryError('forbidden', 'Missing Permissions');
    await h.bot.posts.deliver('digest', key);
    expect(await h.bot.rounds.retryUndelivered()).toEqual({ delivered: 0, waiting: 1, gaveUp: 0 });
    h.clock.advance(60_000);
    expect(await h.bot.rounds.retryUndelivered()).toEqual({ delivered: 1, waiting: 0, gaveUp: 0 });
    expect(looks).toBe(0);

    const late = `${PLACE.channelId}|2026-W49`;
    h.bot.posts.plan('digest', late, PLACE.channelId);
    h.clock.advance(25 * 3_600_000);
    expect(await h.bot.rounds.retryUndelivered()).toEqual({ delivered: 0, waiting: 0, gaveUp: 1 });
    expect(h.store.posts.getPost('digest', late)).toMatchObject({ status: 'abandoned' });
  });

  it("finish only the channels this process serves: another shard's pending posts and due rounds are left to it", async () => {
    const h = harness();
    digestKind(h);
    Object.assign(h.chat, { serves: (channelId: string) => channelId !== OTHER_SCOPE.channelId });
    await h.cmd('admin', 'daily');
    await h.cmd('admin', 'daily', OTHER_SCOPE);
    const mine = `${PLACE.channelId}|2026-W48`;
    const theirs = `${OTHER_SCOPE.channelId}|2026-W48`;
    h.bot.posts.plan('digest', mine, PLACE.channelId);
    h.bot.posts.plan('digest', theirs, OTHER_SCOPE.channelId);
    expect(await h.bot.posts.recover()).toEqual({ delivered: 1, waiting: 0, gaveUp: 0 });
    expect(h.store.posts.getPost('digest', theirs)).toMatchObject({ status: 'pending' });

    h.clock.advance(25 * 3_600_000);
    expect(await h.bot.rounds.closeDue()).toBe(1);
    expect(h.store.rounds.getOpenRound(OTHER_SCOPE.channelId)).not.toBeNull();
    expect(h.store.rounds.getOpenRound(PLACE.channelId)).toBeNull();
  });
});
