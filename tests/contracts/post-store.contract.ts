import { describe, expect, it } from 'vitest';
import type { PostStore } from '../../src/core/stores/post-store.js';

const intent = (key = '42', at = 1_000) => ({ kind: 'round', key, channelId: 'discord:g1:c1', nonce: `round-${key}.x`, at });
const a = (until: number) => ({ owner: 'host:1:a', until });
const b = (until: number) => ({ owner: 'host:2:b', until });

/** What every PostStore does: intents planned once, leased attempts, the look-first flag, outcomes. */
export function postStoreContract(name: string, make: () => PostStore): void {
  describe(`PostStore: ${name}`, () => {
    it('plans a post once per kind and key; a lease at planning holds its first attempt', () => {
      const s = make();
      expect(s.planPost(intent('42'), a(31_000))).toBe(true);
      expect(s.planPost(intent('42'))).toBe(false);
      expect(s.planPost({ ...intent('42'), kind: 'summary' })).toBe(true);
      expect(s.getPost('round', '42')).toMatchObject({ status: 'pending', owner: 'host:1:a', leaseUntil: 31_000, attempts: 0, uncertain: false, window: null, nextAt: 1_000, createdAt: 1_000 });
      expect(s.beginPostAttempt('round', '42', b(40_000), 5_000)).toBeNull();
      expect(s.beginPostAttempt('round', '42', a(35_000), 5_000)).toMatchObject({ attempts: 1, uncertain: false, owner: 'host:1:a' });
      expect(s.pendingPosts().map((p) => `${p.kind}:${p.key}`)).toEqual(['round:42', 'summary:42']);
    });

    it("makes the post uncertain, with the dead attempt's time as the window, when another process takes it over after the lease", () => {
      const s = make();
      s.planPost(intent('7'));
      expect(s.beginPostAttempt('round', '7', a(31_000), 1_000)).toMatchObject({ uncertain: false, window: null });
      expect(s.renewPost('round', '7', a(61_000))).toBe(true);
      expect(s.renewPost('round', '7', b(61_000))).toBe(false);
      expect(s.beginPostAttempt('round', '7', b(90_000), 60_000)).toBeNull(); // the owner lives
      const taken = s.beginPostAttempt('round', '7', b(91_000), 61_000)!;
      expect(taken).toMatchObject({ owner: 'host:2:b', attempts: 2, uncertain: true, window: { from: 1_000, to: 61_000 } });
      s.postSent('round', '7', 'msg-1', 62_000);
      expect(s.getPost('round', '7')).toMatchObject({ status: 'sent', messageRef: 'msg-1', owner: null, leaseUntil: null });
      expect(s.beginPostAttempt('round', '7', b(99_000), 99_000)).toBeNull();
      expect(s.pendingPosts()).toEqual([]);
    });

    it('backs off after a failure, stays certain after a stated refusal, and becomes uncertain after one that may have posted', () => {
      const s = make();
      s.planPost(intent('9'));
      s.beginPostAttempt('round', '9', a(31_000), 1_000);
      s.postFailed('round', '9', 'host:2:b', { error: 'not its attempt', uncertain: true, nextAt: 9_999_999, now: 2_000 });
      s.postFailed('round', '9', 'host:1:a', { error: 'Missing Permissions', uncertain: false, nextAt: 61_000, now: 2_000 });
      expect(s.getPost('round', '9')).toMatchObject({ uncertain: false, nextAt: 61_000, error: 'Missing Permissions', owner: null });
      expect(s.beginPostAttempt('round', '9', a(100_000), 60_000)).toBeNull();
      expect(s.beginPostAttempt('round', '9', a(100_000), 60_000, true)).toMatchObject({ attempts: 2 });
      s.postFailed('round', '9', 'host:1:a', { error: 'Slack could not be reached', uncertain: true, nextAt: 200_000, now: 75_000 });
      expect(s.getPost('round', '9')).toMatchObject({ uncertain: true, window: { from: 60_000, to: 75_000 } });
      s.abandonPost('round', '9', 'its time to be posted has passed', 300_000);
      expect(s.getPost('round', '9')).toMatchObject({ status: 'abandoned' });
      expect(s.beginPostAttempt('round', '9', a(400_000), 300_000, true)).toBeNull();
    });
  });
}
