import { beforeEach, describe, expect, it } from 'vitest';
import type { NewAnswer } from '../../src/core/stores/answer-store.js';
import { DELIVERY_LEASE_MS } from '../../src/core/stores/round-store.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';

const place = { platform: 'discord' as const, scopeId: 'discord:g1', channelId: 'discord:g1:c1' };
let store: SqliteStore;

const grade = (score: number) => ({ score, covered: ['a'], missed: ['b'], feedback: 'f', grader: 'offline', flags: [] });

function claim(date = '2026-11-23', postedAt = 1_000) {
  return store.rounds.claimRound({ channelId: place.channelId, scopeId: place.scopeId, localDate: date, questionId: 'q1', cycle: 1, postedAt, closesAt: postedAt + 1_000 })!;
}

/** A graded scoring answer of `user` to `roundId`. */
function graded(user: string, roundId: number, score: number, over: Partial<NewAnswer> = {}): number {
  const { answer, jobId } = store.answers.insertAnswer({
    userId: `discord:${user}`, scopeId: place.scopeId, channelId: place.channelId, questionId: 'q1', roundId, kind: 'daily',
    hinted: false, text: `answer of ${user}`, normHash: `h-${user}`, createdAt: 2_000, replyRoute: null, practiceId: null,
    localDate: '2026-11-23', weekKey: 'W2026-48', monthKey: 'M2026-11', ...over,
  });
  store.answers.claimNextJob(10_000);
  store.answers.completeJob(jobId, grade(score), score, 3_000);
  return answer.id;
}

const pointsOf = (user: string) => store.figures.rankOf(`discord:${user}`, place.scopeId, null, 'all')?.points ?? 0;

beforeEach(() => {
  store = SqliteStore.open(':memory:');
  store.channels.ensureChannel(place, { timezone: 'UTC' });
  for (const u of ['u1', 'u2', 'u3']) store.channels.upsertUser(`discord:${u}`, u);
});

describe('operations storage (migration 0003)', () => {
  it('keeps admins per scope and finds a member by id or by any of their groups', () => {
    expect(store.admins.addAdmin({ scopeId: 'discord:g1', subject: 'discord-role:5', kind: 'role', addedBy: 'discord:u1', addedAt: 1 })).toBe(true);
    expect(store.admins.addAdmin({ scopeId: 'discord:g1', subject: 'discord-role:5', kind: 'role', addedBy: 'discord:u2', addedAt: 2 })).toBe(false);
    expect(store.admins.isListedAdmin('discord:g1', ['discord:u3', 'discord-role:9', 'discord-role:5'])).toBe(true);
    expect(store.admins.isListedAdmin('discord:g2', ['discord-role:5'])).toBe(false);
    expect(store.admins.isListedAdmin('discord:g1', [])).toBe(false);
    expect(store.admins.removeAdmin('discord:g1', 'discord-role:5')).toBe(true);
    expect(store.admins.removeAdmin('discord:g1', 'discord-role:5')).toBe(false);
  });

  it('hands a pending post to one delivery attempt at a time, and backs off after a failure', () => {
    const round = claim('2026-11-23', 1_000);
    expect(round.delivery).toBe('pending');
    expect(store.rounds.undeliveredRounds().map((r) => r.id)).toEqual([round.id]);
    // The claim itself holds the first attempt for the lease.
    expect(store.rounds.claimDeliveryAttempt(round.id, 1_000 + DELIVERY_LEASE_MS - 1, 99_999_999)).toBe(false);
    store.rounds.roundDeliveryFailed(round.id, 'Missing Permissions', 5_000);
    expect(store.rounds.getRound(round.id)).toMatchObject({ delivery: 'pending', deliveryAttempts: 1, deliveryError: 'Missing Permissions' });
    expect(store.rounds.claimDeliveryAttempt(round.id, 4_999, 10_000)).toBe(false);
    expect(store.rounds.claimDeliveryAttempt(round.id, 5_000, 10_000)).toBe(true);
    expect(store.rounds.claimDeliveryAttempt(round.id, 5_001, 10_000)).toBe(false);
    expect(store.rounds.markDeliveryReported(round.id, 5_000)).toBe(true);
    expect(store.rounds.markDeliveryReported(round.id, 6_000)).toBe(false);
    store.rounds.roundDelivered(round.id, 'msg-9');
    expect(store.rounds.getRound(round.id)).toMatchObject({ delivery: 'sent', messageRef: 'msg-9', deliveryError: null });
    expect(store.rounds.undeliveredRounds()).toEqual([]);
    expect(store.rounds.claimDeliveryAttempt(round.id, 20_000, 30_000)).toBe(false);
  });

  it('takes a skipped round off the leaderboard in the same step, also for a grade stored after the skip', () => {
    const kept = claim('2026-11-23');
    const skipped = claim('2026-11-24');
    graded('u1', kept.id, 6);
    graded('u1', skipped.id, 9);
    expect(pointsOf('u1')).toBe(15);
    expect(store.rounds.closeRound(skipped.id, 5_000, 'skipped')).toBe(true);
    expect(pointsOf('u1')).toBe(6);
    graded('u2', skipped.id, 8); // graded after the skip
    expect(pointsOf('u2')).toBe(0);
    expect(store.figures.userTotals('discord:u1', place.scopeId)).toMatchObject({ points: 6, answers: 1 });
  });

  it('resolves a dispute once, setting the override and points and rebuilding the totals together', () => {
    const round = claim();
    const answerId = graded('u1', round.id, 4);
    const d = store.disputes.createDispute({ answerId, scopeId: place.scopeId, channelId: place.channelId, userId: 'discord:u1', reason: 'why', oldScore: 4, createdAt: 1 })!;
    expect(store.disputes.createDispute({ answerId, scopeId: place.scopeId, channelId: place.channelId, userId: 'discord:u1', reason: 'again', oldScore: 4, createdAt: 2 })).toBeNull();
    expect(store.disputes.openDisputes(place.scopeId).map((x) => x.id)).toEqual([d.id]);
    expect(store.disputes.resolveDispute(d.id, { score: 9, points: 9, by: 'discord:u2', at: 10, note: null })).toMatchObject({ status: 'resolved', newScore: 9 });
    expect(store.disputes.resolveDispute(d.id, { score: 1, points: 1, by: 'discord:u2', at: 11, note: null })).toBeNull();
    expect(store.answers.getGrade(answerId)).toMatchObject({ score: 4, overrideScore: 9, points: 9 });
    expect(pointsOf('u1')).toBe(9);
    expect(store.figures.roundResults(round.id)[0]).toMatchObject({ score: 9 });
  });

  it('records a pair of same answers once, whichever order the two members come in', () => {
    const round = claim();
    const a = graded('u1', round.id, 5, { normHash: 'same' });
    const b = graded('u2', round.id, 5, { normHash: 'same' });
    expect(store.records.sameAnswerInRound(round.id, 'same', 'discord:u2', b)).toEqual([{ userId: 'discord:u1', answerId: a }]);
    expect(store.records.sameAnswerInRound(round.id, 'same', 'discord:u1', a)).toEqual([]);
    expect(store.records.recordDuplicate(round.id, 'discord:u2', 'discord:u1', b, 1)).toBe(true);
    expect(store.records.recordDuplicate(round.id, 'discord:u1', 'discord:u2', b, 2)).toBe(false);
  });

  it('exports scoring answers with effective scores and zero points for skipped rounds, never text', () => {
    const round = claim('2026-11-23');
    const skipped = claim('2026-11-24');
    const id = graded('u1', round.id, 4);
    graded('u2', skipped.id, 7);
    store.rounds.closeRound(skipped.id, 5_000, 'skipped');
    const d = store.disputes.createDispute({ answerId: id, scopeId: place.scopeId, channelId: place.channelId, userId: 'discord:u1', reason: 'r', oldScore: 4, createdAt: 1 })!;
    store.disputes.resolveDispute(d.id, { score: 8, points: 8, by: 'x', at: 2, note: null });
    const rows = store.records.exportRows(place.scopeId);
    expect(rows.map((r) => [r.name, r.roundDate, r.score, r.points])).toEqual([
      ['u1', '2026-11-23', 8, 8],
      ['u2', '2026-11-24', 7, 0],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/answer of/);
    expect(store.records.exportRows('discord:g2')).toEqual([]);
  });
});
