import { describe, expect, it } from 'vitest';
import { GraderRateLimited, type GradeRequest } from '../../src/core/ports.js';
import type { GradeResult } from '../../src/core/model.js';
import type { GradeReply } from '../../src/core/replies.js';
import { Bot } from '../../src/core/bot.js';
import { DEFAULT_OPTIONS } from '../../src/core/context.js';
import { harness, PLACE } from '../fakes/harness.js';
import { ScriptedGrader } from '../fakes/scripted-grader.js';
import { bank } from '../fakes/questions.js';
import { nextTurn, untilTrue } from '../fakes/turns.js';

const ann = { id: 'discord:ann', platformId: 'ann', name: 'ann' };

describe('grading jobs', () => {
  it('resume once the lease of a crashed owner runs out, and grade it exactly once', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    h.bot.worker.stop(); // the "crashed" process: it claims the job and never finishes
    await h.bot.handle({ type: 'answer', place: PLACE, actor: ann, text: 'answer [score 7]' });
    expect(h.store.answers.claimNextJob(h.clock.now(), { owner: h.bot.deps.options.instanceId, until: h.clock.now() + 30_000 })).not.toBeNull();

    const restarted = new Bot({ ...h.bot.deps, grader: h.grader, options: { ...h.bot.deps.options, instanceId: 'restarted' } });
    expect(restarted.worker.start()).toBe(1); // held by the crashed owner until its lease runs out
    await nextTurn();
    expect(h.grader.calls).toHaveLength(0);
    h.clock.advance(29_000);
    await nextTurn();
    expect(h.grader.calls).toHaveLength(0);
    h.clock.advance(1_000); // the worker wakes as the lease runs out
    await restarted.worker.idle();
    expect(h.chat.of('grade').map((g) => g.reply.score)).toEqual([7]);
    expect(h.store.answers.pendingJobCount()).toBe(0);
    expect(h.store.figures.rankOf(ann.id, PLACE.scopeId, null, 'all')).toMatchObject({ points: 7, answers: 1 });
  });

  it('fall back to the offline grader when the grader fails, and say the grade is offline', async () => {
    const fallback = new ScriptedGrader('offline');
    const h = harness();
    const bot = new Bot({ ...h.bot.deps, fallbackGrader: fallback });
    h.bot.worker.stop();
    bot.start();
    h.grader.failWith = new Error('HTTP 500 from the model server');
    await bot.handle({ type: 'command', place: PLACE, actor: { ...ann, id: 'discord:admin', platformId: 'root' }, verb: 'daily', args: '' });
    await bot.handle({ type: 'answer', place: PLACE, actor: ann, text: 'answer [score 6]' });
    await new Promise((r) => setImmediate(r));
    await bot.worker.idle();
    const grade = h.chat.of('grade')[0]!.reply as GradeReply;
    expect(grade).toMatchObject({ score: 6, grader: 'offline', offline: true });
    expect(grade.notes.join(' ')).toMatch(/could not be reached, so this grade is offline/);
    expect(h.store.answers.getGrade(grade.answerId)?.flags).toContain('offline_fallback');
  });

  it('wait out a rate limit, keeping the job queued, then grade it', async () => {
    const h = harness({ options: { rateLimitPatienceMs: 15 * 60_000 } });
    const fallback = new ScriptedGrader('offline');
    const bot = new Bot({ ...h.bot.deps, fallbackGrader: fallback });
    h.bot.worker.stop();
    bot.start();
    let limited = 1;
    const real = h.grader.grade.bind(h.grader);
    h.grader.grade = async (req) => {
      if (limited-- > 0) throw new GraderRateLimited(60_000);
      return real(req);
    };
    await bot.handle({ type: 'command', place: PLACE, actor: { ...ann, platformId: 'root' }, verb: 'daily', args: '' });
    await bot.handle({ type: 'answer', place: PLACE, actor: ann, text: 'answer [score 8]' });
    await untilTrue(() => limited === 0 && h.store.answers.nextJobDue('prepbot') !== null, 'the rate-limited job to be deferred');
    expect(h.chat.of('grade')).toHaveLength(0);
    expect(h.store.answers.pendingJobCount()).toBe(1);
    h.clock.advance(59_000);
    await nextTurn();
    expect(h.chat.of('grade')).toHaveLength(0);
    // The worker wakes itself when the wait is over.
    h.clock.advance(2_000);
    await bot.worker.idle();
    expect(h.chat.of('grade').map((g) => [g.reply.score, g.reply.grader])).toEqual([[8, 'scripted']]);
    expect(fallback.calls).toHaveLength(0);
    bot.worker.stop();
  });

  it('fall back when the rate limit outlasts the patience', async () => {
    const h = harness({ options: { rateLimitPatienceMs: 60_000 } });
    const fallback = new ScriptedGrader('offline');
    const bot = new Bot({ ...h.bot.deps, fallbackGrader: fallback });
    h.bot.worker.stop();
    bot.start();
    h.grader.failWith = new GraderRateLimited(5 * 60_000);
    await bot.handle({ type: 'command', place: PLACE, actor: { ...ann, platformId: 'root' }, verb: 'daily', args: '' });
    await bot.handle({ type: 'answer', place: PLACE, actor: ann, text: 'answer [score 3]' });
    await new Promise((r) => setImmediate(r));
    await bot.worker.idle();
    expect(h.chat.of('grade').map((g) => g.reply.grader)).toEqual(['offline']);
  });

  it('keep an answer queued, never lost, when grading fails without a fallback', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    h.grader.failWith = new Error('boom');
    await h.bot.handle({ type: 'answer', place: PLACE, actor: ann, text: 'answer' });
    await untilTrue(() => h.grader.calls.length === 1 && h.store.answers.nextJobDue('prepbot') !== null, 'the failed job to be deferred');
    expect(h.store.answers.pendingJobCount()).toBe(1);
    expect(h.chat.of('grade')).toHaveLength(0);
    h.grader.failWith = null;
    h.clock.advance(10 * 60_000);
    await h.bot.worker.idle();
    expect(h.chat.of('grade')).toHaveLength(1);
  });

  it('give up a slow grader call when shutdown grace runs out, leaving the job queued and ungraded', async () => {
    const fallback = new ScriptedGrader('offline');
    const h = harness();
    const bot = new Bot({ ...h.bot.deps, fallbackGrader: fallback });
    h.bot.worker.stop();
    bot.start();
    let calls = 0;
    h.grader.grade = (_req: GradeRequest, signal?: AbortSignal) => {
      calls += 1;
      return new Promise<GradeResult>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
    };
    await bot.handle({ type: 'command', place: PLACE, actor: { ...ann, platformId: 'root' }, verb: 'daily', args: '' });
    await bot.handle({ type: 'answer', place: PLACE, actor: ann, text: 'answer' });
    await untilTrue(() => calls === 1, 'the grader call');
    bot.worker.stop();
    expect(await h.clock.runUntil(bot.worker.settle(50))).toBe(false);
    expect(h.store.answers.pendingJobCount()).toBe(1);
    expect(h.store.answers.claimNextJob(h.clock.now(), { owner: 'next', until: h.clock.now() + 1 })).not.toBeNull(); // pending again, ready for the next start
    expect(fallback.calls).toHaveLength(0);
    expect(h.chat.of('grade')).toHaveLength(0);
  });

  it('reuse the stored grade for the same normalised answer to the same question', async () => {
    const h = harness({ content: bank() });
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'Self-attention, [score 9] weighs tokens!');
    // The same member practising (another member's copy in the round would earn nothing).
    await h.answer('ann', '  self attention [SCORE 9] weighs   tokens ');
    expect(h.grader.calls).toHaveLength(1);
    const [first, second] = h.chat.of('grade').map((g) => h.store.answers.getGrade((g.reply as GradeReply).answerId)!);
    expect(second!.score).toBe(first!.score);
    expect(second!.flags).toContain('cached');
  });

  it('grade several answers at once up to the concurrency limit', async () => {
    const h = harness({ options: { ...DEFAULT_OPTIONS, gradingConcurrency: 2, adminUserIds: ['root'], maxAnswersPerHour: 100 } });
    await h.cmd('admin', 'daily');
    let active = 0;
    let peak = 0;
    const real = h.grader.grade.bind(h.grader);
    h.grader.grade = async (req) => {
      active += 1;
      peak = Math.max(peak, active);
      for (let i = 0; i < 3; i += 1) await nextTurn();
      active -= 1;
      return real(req);
    };
    for (let i = 0; i < 6; i += 1) await h.bot.handle({ type: 'answer', place: PLACE, actor: { ...ann, id: `discord:u${i}`, name: `u${i}` }, text: `answer ${i}` });
    await h.settle();
    expect(h.chat.of('grade')).toHaveLength(6);
    expect(peak).toBe(2);
  });
});
