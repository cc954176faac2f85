import { beforeEach, describe, expect, it } from 'vitest';
import type { NewAnswer } from '../../src/core/stores/answer-store.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';

const place = { platform: 'discord' as const, scopeId: 'discord:g1', channelId: 'discord:g1:c1' };
let store: SqliteStore;

function newAnswer(over: Partial<NewAnswer> = {}): NewAnswer {
  return {
    userId: 'discord:u1', scopeId: 'discord:g1', channelId: 'discord:g1:c1', questionId: 'q1', roundId: null,
    kind: 'practice', hinted: false, text: 'an answer', normHash: 'h', createdAt: 1000, replyRoute: null,
    practiceId: null, localDate: '2026-11-23', weekKey: 'W2026-48', monthKey: 'M2026-11', ...over,
  };
}

const grade = (score: number) => ({ score, covered: ['a'], missed: ['b'], feedback: 'f', grader: 'offline', flags: [] });

function claim(date = '2026-11-23') {
  return store.rounds.claimRound({ channelId: place.channelId, scopeId: place.scopeId, localDate: date, questionId: 'q1', cycle: 1, postedAt: 1, closesAt: 2 });
}

beforeEach(() => {
  store = SqliteStore.open(':memory:');
  store.channels.ensureChannel(place, { timezone: 'UTC' });
  for (const u of ['u1', 'u2', 'u3']) store.channels.upsertUser(`discord:${u}`, u);
});

describe('SqliteStore', () => {
  it('gives a (channel, local date) slot to the first claim only', () => {
    expect(claim()).not.toBeNull();
    expect(claim()).toBeNull();
    expect(claim('2026-11-24')).not.toBeNull();
  });

  it('keeps channel settings, including lists and flags', () => {
    const updated = store.channels.updateChannel(place.channelId, { postTime: '09:00', timezone: 'Europe/Berlin', packs: ['a', 'b'], paused: true });
    expect(updated).toMatchObject({ postTime: '09:00', timezone: 'Europe/Berlin', packs: ['a', 'b'], paused: true, days: 'weekdays' });
    expect(store.channels.listChannels({ scheduled: true }).map((c) => c.channelId)).toEqual([place.channelId]);
  });

  it("lets only a user's first answer to a round score, even when both arrive as daily answers", () => {
    const round = claim()!;
    const first = store.answers.insertAnswer(newAnswer({ roundId: round.id, kind: 'daily' }));
    const second = store.answers.insertAnswer(newAnswer({ roundId: round.id, kind: 'daily' }));
    expect(first.answer).toMatchObject({ kind: 'daily', counts: true });
    expect(second.answer).toMatchObject({ kind: 'practice', counts: false });
  });

  it('stores a grade once per job even when completion is attempted twice', () => {
    const round = claim()!;
    const { jobId } = store.answers.insertAnswer(newAnswer({ roundId: round.id, kind: 'daily' }));
    expect(store.answers.claimNextJob(5000)?.id).toBe(jobId);
    expect(store.answers.completeJob(jobId, grade(8), 8, 6000)).toMatchObject({ score: 8, points: 8 });
    expect(store.answers.completeJob(jobId, grade(3), 3, 7000)).toBeNull();
    expect(store.figures.leaderboard(place.scopeId, null, 'all', 10)).toMatchObject([{ userId: 'discord:u1', points: 8, answers: 1 }]);
  });

  it('hands a due job to one claimer and puts crashed running jobs back in the queue', () => {
    store.answers.insertAnswer(newAnswer({ createdAt: 1000 }));
    expect(store.answers.claimNextJob(999)).toBeNull();
    expect(store.answers.claimNextJob(1000)).toMatchObject({ attempts: 1 });
    expect(store.answers.claimNextJob(1000)).toBeNull();
    expect(store.answers.resetRunningJobs()).toBe(1);
    expect(store.answers.claimNextJob(1000)).toMatchObject({ attempts: 2 });
  });

  it('ranks ties together on leaderboards and keeps week, month and all apart', () => {
    const round = claim()!;
    const scores: [string, number, string][] = [['u1', 7, 'W2026-48'], ['u2', 7, 'W2026-48'], ['u3', 4, 'W2026-47']];
    for (const [u, s, week] of scores) {
      const { jobId } = store.answers.insertAnswer(newAnswer({ userId: `discord:${u}`, roundId: round.id, kind: 'daily', weekKey: week }));
      store.answers.claimNextJob(1e12);
      store.answers.completeJob(jobId, grade(s), s, 2000);
    }
    expect(store.figures.leaderboard(place.scopeId, null, 'all', 10).map((e) => [e.name, e.rank])).toEqual([['u1', 1], ['u2', 1], ['u3', 3]]);
    expect(store.figures.leaderboard(place.scopeId, null, 'W2026-48', 10).map((e) => e.name)).toEqual(['u1', 'u2']);
    expect(store.figures.leaderboard(place.scopeId, place.channelId, 'M2026-11', 10)).toHaveLength(3);
    expect(store.figures.rankOf('discord:u3', place.scopeId, null, 'all')).toMatchObject({ rank: 3, points: 4 });
    expect(store.figures.rankOf('discord:u3', place.scopeId, null, 'W2026-48')).toBeNull();
    expect(store.figures.leaderboard('discord:other', null, 'all', 10)).toEqual([]);
  });

  it('keeps incremental leaderboard totals equal to a full rebuild from the answers', async () => {
    const { recomputeUserPoints } = await import('../../src/storage/user-points.js');
    const { Statements } = await import('../../src/storage/statements.js');
    store.channels.ensureChannel({ ...place, channelId: 'discord:g1:c2' }, { timezone: 'UTC' });
    const rounds = ['2026-11-20', '2026-11-23', '2026-12-01'].flatMap((d) => [claim(d)!, store.rounds.claimRound({ channelId: 'discord:g1:c2', scopeId: place.scopeId, localDate: d, questionId: 'q', cycle: 1, postedAt: 1, closesAt: 2 })!]);
    let n = 0;
    for (const r of rounds) {
      for (const u of ['u1', 'u2', 'u3']) {
        n += 1;
        const { jobId } = store.answers.insertAnswer(newAnswer({ userId: `discord:${u}`, roundId: r.id, channelId: r.channelId, kind: 'daily', localDate: r.localDate, weekKey: `W${r.localDate}`, monthKey: `M${r.localDate.slice(0, 7)}` }));
        store.answers.claimNextJob(1e12);
        store.answers.completeJob(jobId, grade(n % 11), n % 11, 2000);
      }
    }
    const snapshot = () => store.db.prepare('SELECT * FROM user_points ORDER BY scope_id, channel_id, period_key, user_id').all();
    const incremental = snapshot();
    const s = new Statements(store.db);
    for (const u of ['u1', 'u2', 'u3']) recomputeUserPoints(s, `discord:${u}`, place.scopeId);
    expect(snapshot()).toEqual(incremental);
    // 3 users x (2 channels + scope-wide) x ('all' + 3 week keys + 2 months)
    expect(incremental.length).toBe(3 * 3 * (1 + 3 + 2));
  });

  it('stores SQL metacharacters and non-Latin text verbatim', () => {
    const text = "Robert'); DROP TABLE answers;-- «внимание» 注意力 🚀";
    const { answer } = store.answers.insertAnswer(newAnswer({ text }));
    expect(store.answers.getAnswer(answer.id)?.text).toBe(text);
    store.channels.upsertUser('discord:u4', "O'Brien; --");
    expect(store.channels.getUser('discord:u4')?.name).toBe("O'Brien; --");
  });

  it('refuses an answer from an unknown user (foreign keys are enforced)', () => {
    expect(() => store.answers.insertAnswer(newAnswer({ userId: 'discord:ghost' }))).toThrow(/FOREIGN KEY/);
  });

  it("records a new member, or a member's new name, in the same write as their answer", () => {
    const first = store.answers.insertAnswer(newAnswer({ userId: 'discord:newcomer', userName: 'Newcomer' }));
    expect(store.answers.getAnswer(first.answer.id)?.userId).toBe('discord:newcomer');
    expect(store.channels.getUser('discord:newcomer')?.name).toBe('Newcomer');
    store.answers.insertAnswer(newAnswer({ userId: 'discord:newcomer', userName: 'Newcomer (she/her)' }));
    expect(store.channels.getUser('discord:newcomer')?.name).toBe('Newcomer (she/her)');
  });

  it('stores neither the member nor the answer when the answer cannot be stored', () => {
    expect(() => store.answers.insertAnswer(newAnswer({ userId: 'discord:nobody', userName: 'Nobody', roundId: 999_999 }))).toThrow(/FOREIGN KEY/);
    expect(store.channels.getUser('discord:nobody')).toBeNull();
  });

  it('closes a round once', () => {
    const round = claim()!;
    expect(store.rounds.closeRound(round.id, 5, 'closed')).toBe(true);
    expect(store.rounds.closeRound(round.id, 6, 'closed')).toBe(false);
    expect(store.rounds.getRound(round.id)).toMatchObject({ status: 'closed', closedAt: 5 });
  });
});
