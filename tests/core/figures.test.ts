import { describe, expect, it } from 'vitest';
import type { LeaderboardReply, StatsReply } from '../../src/core/replies.js';
import { computeStreaks } from '../../src/core/streaks.js';
import type { Round } from '../../src/core/model.js';
import { harness, OTHER_CHANNEL, OTHER_SCOPE, textOf } from '../fakes/harness.js';

const DAY = 24 * 3_600_000;

async function playDays(h: ReturnType<typeof harness>, days: Record<string, number | null>[], place = undefined) {
  for (const scores of days) {
    await h.cmd('admin', 'daily', place);
    for (const [user, score] of Object.entries(scores)) {
      if (score !== null) await h.answer(user, `answer [score ${score}]`, { place });
    }
    h.clock.advance(DAY);
  }
}

describe('leaderboards', () => {
  it('show the top of the period with shared ranks for ties and the caller own rank', async () => {
    const h = harness({ start: '2026-11-23T09:00:00Z' }); // a Monday
    await playDays(h, [{ ann: 8, bob: 8, cid: 3 }]);
    const [board] = (await h.cmd('cid', 'leaderboard week')) as LeaderboardReply[];
    expect(board!.entries.map((e) => [e.rank, e.name, e.points])).toEqual([[1, 'ann', 8], [1, 'bob', 8], [3, 'cid', 3]]);
    expect(board!.you).toMatchObject({ rank: 3, points: 3 });
    expect(board!.visibility).toBe('public');
  });

  it('keep weeks and months apart in the channel zone', async () => {
    const h = harness({ start: '2026-11-27T09:00:00Z' }); // Friday
    await playDays(h, [{ ann: 5 }, {}, {}, { ann: 7 }, { ann: 2 }]); // Fri 27 Nov .. Tue 1 Dec
    h.clock.set('2026-12-01T12:00:00Z');
    const week = (await h.cmd('ann', 'leaderboard week')) as LeaderboardReply[];
    const month = (await h.cmd('ann', 'leaderboard month')) as LeaderboardReply[];
    const all = (await h.cmd('ann', 'leaderboard all')) as LeaderboardReply[];
    expect(week[0]!.you?.points).toBe(9); // Mon 30 Nov + Tue 1 Dec: one ISO week across two months
    expect(month[0]!.you?.points).toBe(2);
    expect(all[0]!.you?.points).toBe(14);
  });

  it('separate servers and can narrow to one channel', async () => {
    const h = harness();
    await playDays(h, [{ ann: 6 }]);
    h.clock.advance(-DAY);
    await h.cmd('admin', 'daily', OTHER_CHANNEL);
    await h.answer('bob', 'x [score 9]', { place: OTHER_CHANNEL });
    await h.cmd('admin', 'daily', OTHER_SCOPE);
    await h.answer('eve', 'x [score 10]', { place: OTHER_SCOPE });
    const server = (await h.cmd('ann', 'leaderboard all')) as LeaderboardReply[];
    expect(server[0]!.entries.map((e) => e.name)).toEqual(['bob', 'ann']);
    const channel = (await h.cmd('ann', 'leaderboard all channel')) as LeaderboardReply[];
    expect(channel[0]!.entries.map((e) => e.name)).toEqual(['ann']);
    const other = (await h.cmd('eve', 'leaderboard all', OTHER_SCOPE)) as LeaderboardReply[];
    expect(other[0]!.entries.map((e) => e.name)).toEqual(['eve']);
  });

  it('reject an unknown period with the choices', async () => {
    const h = harness();
    expect(textOf(await h.cmd('ann', 'leaderboard fortnight'))).toMatch(/week.*month.*all/);
  });

  it('never show practice points', async () => {
    const h = harness();
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'practice [score 10]');
    const [board] = (await h.cmd('ann', 'leaderboard all')) as LeaderboardReply[];
    expect(board!.entries).toEqual([]);
  });
});

describe('streaks', () => {
  const round = (id: number, status: Round['status'] = 'closed'): Round => ({
    id, channelId: 'c', scopeId: 's', localDate: `2026-01-${String(id).padStart(2, '0')}`, questionId: 'q', cycle: 1,
    status, postedAt: 0, closesAt: 0, closedAt: null, messageRef: null,
  });

  it('count consecutive rounds answered with 6 or more', () => {
    const rounds = [1, 2, 3, 4, 5].map((i) => round(i));
    expect(computeStreaks(rounds, new Map([[1, 9], [2, 6], [3, 5], [4, 7], [5, 8]]))).toEqual({ current: 2, best: 2 });
    expect(computeStreaks(rounds, new Map([[1, 9], [2, 6], [3, 10], [5, 8]]))).toEqual({ current: 1, best: 3 });
  });

  it('are not broken by a round still open and unanswered', () => {
    const rounds = [round(1), round(2), round(3, 'open')];
    expect(computeStreaks(rounds, new Map([[1, 7], [2, 7]]))).toEqual({ current: 2, best: 2 });
  });
});

describe('stats', () => {
  it('sum up points, answers, streaks, practice and weakest topics, averaging daily and practice answers apart', async () => {
    const h = harness();
    await playDays(h, [{ ann: 8 }, { ann: 7 }, { ann: 2 }, { ann: 9 }]);
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'practice [score 4]');
    const [stats] = (await h.cmd('ann', 'stats')) as StatsReply[];
    expect(stats).toMatchObject({
      points: 26,
      answers: 4,
      dailyAverage: 6.5,
      currentStreak: 1,
      bestStreak: 2,
      streakMinScore: 6,
      practiceAnswered: 1,
      practicePoints: 4,
      practiceAverage: 4,
    });
    expect(stats!.weakestTopics.length).toBeGreaterThan(0);
    expect(stats!.weakestTopics[0]!.average).toBeLessThanOrEqual(stats!.weakestTopics.at(-1)!.average);
  });

  it('show the streak of the channel the person plays in when asked outside it (a DM, App Home)', async () => {
    const h = harness();
    await playDays(h, [{ ann: 8 }, { ann: 7 }]);
    const dm = { ...OTHER_CHANNEL, channelId: 'discord:g1:dm-ann' };
    const [stats] = (await h.cmd('ann', 'stats', dm)) as StatsReply[];
    expect(stats).toMatchObject({ currentStreak: 2, bestStreak: 2, points: 15 });
  });

  it('are empty but friendly for a newcomer', async () => {
    const h = harness();
    const [stats] = (await h.cmd('new', 'stats')) as StatsReply[];
    expect(stats).toMatchObject({ points: 0, answers: 0, dailyAverage: null, practiceAverage: null, currentStreak: 0, weakestTopics: [] });
  });
});
