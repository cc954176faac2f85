import { describe, expect, it } from 'vitest';
import { DeliveryError, type ChartRenderer, type LineChart } from '../../src/core/ports.js';
import type { DigestReply } from '../../src/core/replies.js';
import { harness, textOf } from '../fakes/harness.js';

const DAY = 86_400_000;

class RecordingCharts implements ChartRenderer {
  readonly drawn: LineChart[] = [];
  async renderPng(chart: LineChart): Promise<Uint8Array> {
    this.drawn.push(chart);
    return new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
  }
}

/** Rounds on the days given (offsets from the start), each answered as `scores` says. */
async function playDays(h: ReturnType<typeof harness>, days: { offset: number; scores: Record<string, number> }[]) {
  await h.cmd('admin', 'settings follow-ups off');
  let at = 0;
  for (const d of days) {
    h.clock.advance((d.offset - at) * DAY);
    at = d.offset;
    await h.cmd('admin', 'daily');
    for (const [who, score] of Object.entries(d.scores)) await h.answer(who, `answer [score ${score}]`);
  }
  return at;
}

describe('the weekly digest', () => {
  it('posts participation, averages by topic, the most improved member and a chart, once a week', async () => {
    const charts = new RecordingCharts();
    const h = harness({ charts, start: '2026-11-09T09:00:00Z' }); // a Monday
    // Two weeks before: ann weak, bob strong. Last week: ann strong.
    await playDays(h, [
      { offset: 0, scores: { ann: 2, bob: 8 } },
      { offset: 1, scores: { ann: 3, bob: 8 } },
      { offset: 8, scores: { ann: 8, bob: 7 } },
      { offset: 9, scores: { ann: 9 } },
      { offset: 14, scores: {} },
    ]);
    // Asked for on Monday 23 Nov: the seven days up to today.
    const replies = await h.cmd('admin', 'digest');
    expect(textOf(replies)).toMatch(/Posted the weekly digest/);
    const digest = h.chat.of('digest').at(-1)!;
    expect(digest.target).toMatchObject({ channelId: 'discord:g1:c1', post: { kind: 'digest' } });
    const r: DigestReply = digest.reply;
    expect(r.title).toBe('Weekly digest: Tue 17 Nov to Mon 23 Nov');
    expect(r.days.map((d) => d.members)).toEqual([2, 1, 0, 0, 0, 0, 0]);
    expect(r).toMatchObject({ answers: 3, members: 2, average: 8, mostImproved: { name: 'ann', before: 2.5, after: 8.5 } });
    expect(r.topics).toEqual([{ topic: expect.any(String), average: 8, answers: expect.any(Number) }, ...r.topics.slice(1)]);
    expect(r.chart).toMatchObject({ name: 'prepbot-digest-W2026-48.png', png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    expect(charts.drawn[0]!.labels).toHaveLength(6);
    expect(JSON.stringify(r)).not.toMatch(/answer \[score/);

    expect(textOf(await h.cmd('admin', 'digest'))).toMatch(/This week's digest was posted here on/);
    expect(h.chat.of('digest')).toHaveLength(1);
    expect(textOf(await h.cmd('ann', 'digest'))).toMatch(/Only admins/);
  });

  it('names nobody with privacy on, and posts nothing without answers', async () => {
    const h = harness({ charts: new RecordingCharts(), start: '2026-11-09T09:00:00Z' });
    expect(textOf(await h.cmd('admin', 'digest'))).toMatch(/no digest to post/);
    await h.cmd('ann', 'privacy on');
    await playDays(h, [
      { offset: 0, scores: { ann: 2 } },
      { offset: 1, scores: { ann: 2 } },
      { offset: 8, scores: { ann: 9 } },
      { offset: 9, scores: { ann: 9 } },
      { offset: 14, scores: {} },
    ]);
    await h.cmd('admin', 'digest');
    expect(h.chat.of('digest')[0]!.reply.mostImproved?.name).toBe('anonymous');
  });

  it("is posted by the scheduler's sweep on Monday at the channel's post time, once", async () => {
    const h = harness({ charts: new RecordingCharts(), start: '2026-11-16T08:00:00Z' }); // Monday
    await h.cmd('admin', 'schedule 09:00 UTC daily');
    await playDays(h, [{ offset: 0, scores: {} }]);
    h.clock.advance(2 * 3_600_000);
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'x [score 7]');
    h.clock.advance(7 * DAY - 2 * 3_600_000); // next Monday, 08:00
    expect(await h.bot.coaching.digests.postDue()).toBe(0);
    h.clock.advance(3_600_000); // 09:00
    expect(await h.bot.coaching.digests.postDue()).toBe(1);
    expect(await h.bot.coaching.digests.postDue()).toBe(0);
    h.clock.advance(DAY);
    expect(await h.bot.coaching.digests.postDue()).toBe(0);
    expect(h.chat.of('digest')).toHaveLength(1);
  });

  it("is left to the process that serves the channel (a Discord shard's own servers)", async () => {
    const h = harness({ charts: new RecordingCharts(), start: '2026-11-16T08:00:00Z' }); // Monday
    await h.cmd('admin', 'schedule 09:00 UTC daily');
    h.clock.advance(2 * 3_600_000);
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'x [score 7]');
    h.clock.advance(7 * DAY - 3_600_000); // next Monday, 09:00
    Object.assign(h.chat, { serves: () => false });
    expect(await h.bot.coaching.digests.postDue()).toBe(0);
    Object.assign(h.chat, { serves: () => true });
    expect(await h.bot.coaching.digests.postDue()).toBe(1);
  });

  it('is found in the channel, not sent again, when a send that may have reached it failed', async () => {
    const h = harness({ charts: new RecordingCharts(), start: '2026-11-16T08:00:00Z' }); // Monday
    await h.cmd('admin', 'schedule 09:00 UTC daily');
    h.clock.advance(2 * 3_600_000);
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'x [score 7]');
    let looks = 0;
    Object.assign(h.chat, { findPost: async () => (looks++, 'msg-of-the-first-attempt') });
    h.clock.advance(7 * DAY - 3_600_000); // next Monday, 09:00
    h.chat.failNext = new DeliveryError('failed', 'Discord could not be reached', undefined, { uncertain: true });
    expect(await h.bot.coaching.digests.postDue()).toBe(0);
    h.clock.advance(60_000);
    // The posts' own sweep looks, finds the first attempt's message and marks the week done.
    expect(await h.bot.rounds.retryUndelivered()).toMatchObject({ delivered: 1 });
    expect(looks).toBe(1);
    h.clock.advance(11 * 60_000); // past the week's claim
    expect(await h.bot.coaching.digests.postDue()).toBe(0);
    expect(textOf(await h.cmd('admin', 'digest'))).toMatch(/This week's digest was posted here on/);
    expect(h.chat.of('digest')).toHaveLength(0);
  });
});
