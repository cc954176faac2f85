import { DateTime, IANAZone } from 'luxon';

/** Calendar helpers in a channel's IANA zone. Instants are epoch milliseconds. */

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDate(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISODate()!;
}

const weekKeys = new Map<string, string>();

/**
 * ISO week key of a local date, e.g. `W2026-48` (the ISO week-year, which may differ from the year).
 * Every answer needs one and a day's answers share it, so keys are remembered (luxon's parse costs
 * about a tenth of an answer's whole handling).
 */
export function weekKey(date: string): string {
  let key = weekKeys.get(date);
  if (key === undefined) {
    const d = DateTime.fromISO(date, { zone: 'UTC' });
    key = `W${d.weekYear}-${String(d.weekNumber).padStart(2, '0')}`;
    if (weekKeys.size >= 1_000) weekKeys.clear();
    weekKeys.set(date, key);
  }
  return key;
}

/** Month key of a local date, e.g. `M2026-11`. */
export function monthKey(date: string): string {
  return `M${date.slice(0, 7)}`;
}

export function periodKey(period: 'week' | 'month' | 'all', date: string): string {
  if (period === 'all') return 'all';
  return period === 'week' ? weekKey(date) : monthKey(date);
}

/** 1 = Monday ... 7 = Sunday, of a local date. */
export function isoWeekday(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/**
 * The instant at which wall-clock `HH:MM` happens on `date` in `zone`. On a spring-forward day a
 * time that does not exist moves forward by the gap (02:30 becomes 03:30), as people expect.
 */
export function zonedInstant(date: string, time: string, zone: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return DateTime.fromISO(date, { zone }).set({ hour: h, minute: m, second: 0, millisecond: 0 }).toMillis();
}

/** Parses `HH:MM` (24-hour, `9:00` accepted); null when invalid. */
export function parseTime(text: string): string | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

/** A readable local time, e.g. `Mon 30 Nov 09:00 (Europe/Berlin)`. */
export function formatLocal(at: number, zone: string): string {
  return `${DateTime.fromMillis(at, { zone }).toFormat('ccc d LLL HH:mm')} (${zone})`;
}

/** A short local time without the zone, e.g. `Mon 30 Nov 09:00`, for lists under a heading naming the zone. */
export function formatShort(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat('ccc d LLL HH:mm');
}

/** A local date as people read it in a list, e.g. `Mon 30 Nov`. */
export function formatDay(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL');
}
