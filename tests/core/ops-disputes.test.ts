import { describe, expect, it } from 'vitest';
import type { LeaderboardReply, StatsReply } from '../../src/core/replies.js';
import { harness, OTHER_SCOPE, PLACE, textOf, type Harness } from '../fakes/harness.js';

const DAY = 24 * 3_600_000;
const ANN = { id: 'discord:ann', platformId: 'ann', name: 'ann', isPlatformAdmin: async () => false };

/** Plays a round a day; returns the answer id of each of the user's scoring answers. */
async function playDays(h: Harness, user: string, scores: number[]): Promise<number[]> {
  const ids: number[] = [];
  for (const score of scores) {
    await h.cmd('admin', 'daily');
    await h.answer(user, `my answer for today [score ${score}]`);
    ids.push(h.chat.of('grade').at(-1)!.reply.answerId);
    h.clock.advance(DAY);
  }
  return ids;
}

const points = async (h: Harness, who: string, period = 'all') => ((await h.cmd(who, `leaderboard ${period}`)) as LeaderboardReply[])[0]!.you?.points;

describe('disputes', () => {
  it('let a member dispute a grade and an admin set a new score that recomputes points, streak and leaderboards', async () => {
    const h = harness({ start: '2026-11-23T09:00:00Z' }); // Monday
    const [, day2] = await playDays(h, 'ann', [8, 5, 7]);
    expect(h.chat.of('grade').every((g) => g.reply.disputable)).toBe(true);
    expect(await points(h, 'ann')).toBe(20);
    let [stats] = (await h.cmd('ann', 'stats')) as StatsReply[];
    expect(stats).toMatchObject({ currentStreak: 1, bestStreak: 1 });

    expect(textOf(await h.cmd('ann', `dispute ${day2} I named the second key point in my last sentence.`))).toMatch(/Dispute #1 is with the admins/);
    const notice = h.chat.sent.filter((s) => s.target.admins).map((s) => textOf([s.reply])).at(-1);
    expect(notice).toMatch(new RegExp(`Dispute #1: ann disputes the 5/10 of answer #${day2}.*Reason: I named the second key point.*resolve 1 <score 0-10>`));
    const open = textOf(await h.cmd('admin', 'disputes'));
    expect(open).toMatch(/#1 from ann, answer #\d+ to "Question q\d\?" \(round of 2026-11-24\)/);
    expect(open).toMatch(/Grade: 5\/10 by scripted, 2 of 4 key points covered/);
    expect(open).toMatch(/Reason: I named the second key point/);
    expect(open).toMatch(/Answer: my answer for today \[score 5\]/);

    h.clock.advanceHours(2);
    expect(textOf(await h.cmd('admin', 'resolve 1 6 Fair: the second point is there.'))).toMatch(/Dispute #1 resolved: ann's score is now 6\/10 \(was 5\/10\).*ann was told privately/);
    expect(await points(h, 'ann')).toBe(21);
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, PLACE.channelId, 'W2026-48')?.points).toBe(21);
    [stats] = (await h.cmd('ann', 'stats')) as StatsReply[];
    expect(stats).toMatchObject({ points: 21, currentStreak: 3, bestStreak: 3 });

    const told = h.chat.sent.filter((s) => s.target.userId === 'discord:ann' && s.target.dm).map((s) => textOf([s.reply]));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(
      /^An admin reviewed your dispute #1 of your answer to "Question q\d\?" and changed your score from 5\/10 to 6\/10; points, streaks and leaderboards are updated. Note: Fair: the second point is there.$/,
    );
    expect(h.store.disputes.getDispute(1)).toMatchObject({ status: 'resolved', oldScore: 5, newScore: 6, resolvedBy: 'discord:admin', note: 'Fair: the second point is there.' });
    expect(h.store.answers.getGrade(day2!)).toMatchObject({ score: 5, overrideScore: 6, points: 6 });
    expect(h.store.admins.recentActions(PLACE.scopeId, 1)[0]).toMatchObject({ action: 'resolve', detail: `dispute #1, answer #${day2}: 5 -> 6` });
    expect(textOf(await h.cmd('admin', 'disputes'))).toMatch(/no open disputes/);
    expect(textOf(await h.cmd('admin', 'resolve 1 9'))).toMatch(/already resolved/);
    expect(textOf(await h.cmd('ann', `dispute ${day2} again`))).toMatch(/already reviewed/);
    expect(await points(h, 'ann')).toBe(21);
  });

  it('come from the Dispute button as an event, once per answer', async () => {
    const h = harness();
    const [id] = await playDays(h, 'ann', [4]);
    const first = await h.bot.handle({ type: 'dispute', place: PLACE, actor: ANN, answerId: id!, reason: 'The grader missed my example.' });
    expect(textOf(first)).toMatch(/Dispute #1 is with the admins/);
    const again = await h.bot.handle({ type: 'dispute', place: PLACE, actor: ANN, answerId: id!, reason: 'Please look again.' });
    expect(textOf(again)).toMatch(/You already disputed answer #\d+ \(dispute #1\)/);
    expect(h.store.disputes.openDisputes(PLACE.scopeId)).toHaveLength(1);
  });

  it("refuse someone else's answer, another server's answer and dispute, practice and empty reasons", async () => {
    const h = harness();
    const [annAnswer] = await playDays(h, 'ann', [4]);
    h.clock.advance(-DAY);
    await h.cmd('admin', 'daily', OTHER_SCOPE);
    await h.answer('ann', 'elsewhere [score 3]', { place: OTHER_SCOPE });
    const elsewhere = h.chat.of('grade').at(-1)!.reply.answerId;

    expect(textOf(await h.cmd('bob', `dispute ${annAnswer} mine now`))).toMatch(/is not one of your answers in this server/);
    expect(textOf(await h.cmd('ann', `dispute ${elsewhere} wrong server`))).toMatch(/is not one of your answers in this server/);
    expect(textOf(await h.cmd('ann', 'dispute 9999 nothing'))).toMatch(/Answer #9999 is not one of your answers/);
    expect(textOf(await h.cmd('ann', `dispute ${annAnswer}`))).toMatch(/Say why the grade seems unfair/);
    expect(textOf(await h.cmd('ann', 'dispute twelve because'))).toMatch(/Give the answer number and your reason/);
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'practice [score 2]');
    const practice = h.chat.of('grade').at(-1)!.reply;
    expect(practice.disputable).toBe(false);
    expect(textOf(await h.cmd('ann', `dispute ${practice.answerId} too low`))).toMatch(/Only your first answer to a question of the day can be disputed/);
    expect(h.store.disputes.openDisputes(PLACE.scopeId)).toEqual([]);

    await h.cmd('ann', `dispute ${elsewhere} too low`, OTHER_SCOPE);
    const foreign = h.store.disputes.openDisputes(OTHER_SCOPE.scopeId)[0]!;
    expect(textOf(await h.cmd('admin', `resolve ${foreign.id} 10`))).toMatch(new RegExp(`Dispute #${foreign.id} was not found in this server`));
    expect(textOf(await h.cmd('admin', 'disputes'))).toMatch(/no open disputes in this server/);
    expect(h.store.answers.getGrade(elsewhere)?.overrideScore).toBeNull();
  });

  it('leave resolving to admins, with a score from 0 to 10, and apply the hint cap to the new score', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await h.cmd('ann', 'hint');
    await h.answer('ann', 'hinted [score 5]');
    const id = h.chat.of('grade').at(-1)!.reply.answerId;
    await h.cmd('ann', `dispute ${id} it deserved more`);
    expect(textOf(await h.cmd('ann', 'resolve 1 10'))).toMatch(/Only admins can use \/prep admin resolve/);
    expect(textOf(await h.cmd('admin', 'resolve 1 11'))).toMatch(/"11" is not a score/);
    expect(textOf(await h.cmd('admin', 'resolve 1'))).toMatch(/"" is not a score/);
    expect(h.store.disputes.getDispute(1)?.status).toBe('open');
    await h.cmd('admin', 'resolve #1 10');
    expect(h.store.answers.getGrade(id)).toMatchObject({ overrideScore: 10, points: 7 });
    expect(await points(h, 'ann')).toBe(7);
    const told = h.chat.sent.filter((s) => s.target.dm).map((s) => textOf([s.reply])).at(-1);
    expect(told).toMatch(/from 5\/10 to 10\/10 \(7 points after your hint\)/);
  });

  it('keep the score when the admin gives the same one, and say so', async () => {
    const h = harness();
    const [id] = await playDays(h, 'ann', [6]);
    await h.cmd('ann', `dispute ${id} should be higher`);
    expect(textOf(await h.cmd('admin', 'resolve 1 6 The grade stands.'))).toMatch(/kept ann's score at 6\/10/);
    expect(h.chat.sent.filter((s) => s.target.dm).map((s) => textOf([s.reply])).at(-1)).toMatch(/kept your score at 6\/10. Note: The grade stands./);
    expect(await points(h, 'ann')).toBe(6);
  });
});
