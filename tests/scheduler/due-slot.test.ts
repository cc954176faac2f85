import { describe, expect, it } from 'vitest';
import type { ChannelSettings } from '../../src/core/model.js';
import { cronExpressionFor } from '../../src/scheduler/cron-expression.js';
import { dueSlot } from '../../src/scheduler/due-slot.js';

const berlin: ChannelSettings = {
  channelId: 'discord:g1:c1',
  scopeId: 'discord:g1',
  platform: 'discord',
  timezone: 'Europe/Berlin',
  postTime: '09:00',
  days: 'daily',
  paused: false,
  suspended: false,
  packs: [],
  roundHours: null,
  pingRole: null,
  cycle: 1,
  scheduleSetAt: Date.parse('2026-01-01T00:00:00Z'),
};
const window = { catchUpHours: 6, roundHours: 24 };
const at = (iso: string) => Date.parse(iso);

describe('which slot is due at an instant', () => {
  it('puts 09:00 Europe/Berlin at 08:00 UTC in winter and 07:00 UTC in summer, on both sides of each change', () => {
    const cases: [string, string][] = [
      ['2026-03-28', '2026-03-28T08:00:00.000Z'], // Saturday before spring forward: CET
      ['2026-03-29', '2026-03-29T07:00:00.000Z'], // the change happens at 02:00 that night: CEST
      ['2026-03-30', '2026-03-30T07:00:00.000Z'],
      ['2026-10-24', '2026-10-24T07:00:00.000Z'], // last CEST morning
      ['2026-10-25', '2026-10-25T08:00:00.000Z'], // fall back at 03:00: CET
      ['2026-10-26', '2026-10-26T08:00:00.000Z'],
    ];
    for (const [date, utc] of cases) {
      const slotAt = at(utc);
      expect(dueSlot(berlin, slotAt - 1, window), `${date} a moment before`).toBeNull();
      expect(dueSlot(berlin, slotAt, window), `${date} on time`).toEqual({ channelId: berlin.channelId, localDate: date, at: slotAt });
    }
  });

  it('uses the local date of a UTC+05:30 zone, which runs ahead of UTC', () => {
    const kolkata = { ...berlin, timezone: 'Asia/Kolkata', postTime: '00:15' };
    // 00:15 on 24 Nov in Kolkata is 18:45 on 23 Nov in UTC.
    expect(dueSlot(kolkata, at('2026-11-23T18:45:00Z'), window)).toEqual({ channelId: kolkata.channelId, localDate: '2026-11-24', at: at('2026-11-23T18:45:00Z') });
    expect(dueSlot(kolkata, at('2026-11-23T18:44:00Z'), window)).toBeNull();
  });

  it('skips Saturday and Sunday for a weekdays schedule', () => {
    const weekdays = { ...berlin, days: 'weekdays' as const };
    expect(dueSlot(weekdays, at('2026-11-27T08:00:00Z'), window)?.localDate).toBe('2026-11-27'); // Friday
    expect(dueSlot(weekdays, at('2026-11-28T08:00:00Z'), window)).toBeNull(); // Saturday
    expect(dueSlot(weekdays, at('2026-11-29T08:00:00Z'), window)).toBeNull(); // Sunday
    expect(dueSlot(weekdays, at('2026-11-30T08:00:00Z'), window)?.localDate).toBe('2026-11-30'); // Monday
  });

  it('still posts a missed slot within CATCH_UP_HOURS, and not after', () => {
    expect(dueSlot(berlin, at('2026-11-23T14:00:00Z'), window)?.localDate).toBe('2026-11-23'); // 6 h late
    expect(dueSlot(berlin, at('2026-11-23T14:00:01Z'), window)).toBeNull();
    expect(dueSlot(berlin, at('2026-11-23T08:20:00Z'), { ...window, catchUpHours: 0 })).toBeNull();
    expect(dueSlot(berlin, at('2026-11-23T08:01:00Z'), { ...window, catchUpHours: 0 })?.localDate).toBe('2026-11-23'); // a late tick is on time
  });

  it("catches up the day before's slot after midnight, under that day's date", () => {
    const late = { ...berlin, postTime: '23:30' };
    // 23:30 Berlin on Mon 23 Nov is 22:30 UTC; the bot comes back at 00:30 Berlin on the 24th.
    expect(dueSlot(late, at('2026-11-23T23:30:00Z'), window)).toEqual({ channelId: late.channelId, localDate: '2026-11-23', at: at('2026-11-23T22:30:00Z') });
    expect(dueSlot(late, at('2026-11-24T04:31:00Z'), window)).toBeNull(); // more than 6 h late
  });

  it('does not post a slot whose round would already be over', () => {
    const short = { catchUpHours: 6, roundHours: 2 };
    expect(dueSlot(berlin, at('2026-11-23T09:59:00Z'), short)?.localDate).toBe('2026-11-23');
    expect(dueSlot(berlin, at('2026-11-23T10:00:00Z'), short)).toBeNull();
  });

  it('does not catch up a slot that had passed before the schedule was set', () => {
    const setLate = { ...berlin, scheduleSetAt: at('2026-11-23T09:00:00Z') }; // 10:00 Berlin, after 09:00
    expect(dueSlot(setLate, at('2026-11-23T09:01:00Z'), window)).toBeNull();
    expect(dueSlot(setLate, at('2026-11-24T08:00:00Z'), window)?.localDate).toBe('2026-11-24');
    const legacy = { ...berlin, scheduleSetAt: null }; // set before the column existed
    expect(dueSlot(legacy, at('2026-11-23T09:01:00Z'), window)?.localDate).toBe('2026-11-23');
  });

  it('has nothing due for a paused, suspended or unscheduled channel', () => {
    const t = at('2026-11-23T08:00:00Z');
    expect(dueSlot({ ...berlin, paused: true }, t, window)).toBeNull();
    expect(dueSlot({ ...berlin, suspended: true }, t, window)).toBeNull();
    expect(dueSlot({ ...berlin, postTime: null }, t, window)).toBeNull();
  });
});

describe('the cron expression of a channel', () => {
  it('is minute and hour of the post time, every day or Monday to Friday', () => {
    expect(cronExpressionFor({ ...berlin, postTime: '09:05' })).toBe('5 9 * * *');
    expect(cronExpressionFor({ ...berlin, postTime: '23:30', days: 'weekdays' })).toBe('30 23 * * 1-5');
    expect(cronExpressionFor({ ...berlin, paused: true })).toBeNull();
    expect(cronExpressionFor({ ...berlin, postTime: null })).toBeNull();
  });
});
