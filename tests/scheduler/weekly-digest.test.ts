import { afterEach, describe, expect, it } from 'vitest';
import { scheduledBot, type ScheduledBot } from './scheduled-bot.js';

const open: ScheduledBot[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.scheduler.stop();
});

describe('the weekly digest on a moving clock', () => {
  it("is posted on Monday at the channel's post time in its zone, after that day's question, once, also across a restart", async () => {
    const b = scheduledBot({ start: '2026-11-19T12:00:00Z' });
    open.push(b);
    await b.cmd('admin', 'settings follow-ups off');
    await b.cmd('admin', 'schedule 09:00 Europe/Berlin daily');
    await b.scheduler.start(b.bot.rounds, b.bot.coaching.digests);
    for (const day of ['20', '21', '22']) {
      await b.run(`2026-11-${day}T07:59:00Z`, `2026-11-${day}T08:01:00Z`);
      await b.answer('ann', 'an answer [score 7]');
    }
    await b.run('2026-11-23T00:00:00Z', '2026-11-23T12:00:00Z');
    const digests = b.chat.of('digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.reply).toMatchObject({ title: 'Weekly digest: Mon 16 Nov to Sun 22 Nov', answers: 3, members: 1, average: 7 });
    // The Monday question went first.
    const order = b.chat.sent.filter((s) => !s.target.userId && !s.target.admins).map((s) => s.reply.kind);
    expect(order.slice(-2)).toEqual(['question', 'digest']);
    await b.restart('2026-11-23T13:00:00Z');
    await b.run('2026-11-23T13:00:00Z', '2026-11-23T14:00:00Z', 10 * 60_000);
    expect(b.chat.of('digest')).toHaveLength(1);
  });
});
