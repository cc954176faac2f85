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

/** What the SQLite store does beyond the port contracts (tests/contracts): its own bookkeeping and constraints. */
describe('SqliteStore', () => {
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
        store.answers.claimNextJob(1e12, { owner: 'test', until: 2e12 });
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

  it('refuses an answer from an unknown user (foreign keys are enforced)', () => {
    expect(() => store.answers.insertAnswer(newAnswer({ userId: 'discord:ghost' }))).toThrow(/FOREIGN KEY/);
  });

  it('stores neither the member nor the answer when the answer cannot be stored', () => {
    expect(() => store.answers.insertAnswer(newAnswer({ userId: 'discord:nobody', userName: 'Nobody', roundId: 999_999 }))).toThrow(/FOREIGN KEY/);
    expect(store.channels.getUser('discord:nobody')).toBeNull();
  });
});
