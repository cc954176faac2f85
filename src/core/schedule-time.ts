import type { ChannelSettings } from './model.js';
import type { Stores } from './stores/index.js';
import { addDays, isoWeekday, localDate, zonedInstant } from './time.js';

/** Whether a channel posts on this local date (weekdays: Monday to Friday). */
function postsOn(channel: Pick<ChannelSettings, 'days'>, date: string): boolean {
  return channel.days === 'daily' || isoWeekday(date) <= 5;
}

/** The instant of the channel's post on a local date, or null when it does not post that day. */
export function slotOn(channel: Pick<ChannelSettings, 'days' | 'postTime' | 'timezone'>, date: string): number | null {
  if (!channel.postTime || !postsOn(channel, date)) return null;
  return zonedInstant(date, channel.postTime, channel.timezone);
}

/**
 * The first post instant strictly after `now`, or null when the channel has no schedule or is
 * paused. A date that already has its round (`posted`, e.g. after `daily` by hand) gets no post:
 * there is one round per channel and local date, so its slot would pass without one.
 */
export function nextPostAt(channel: ChannelSettings, now: number, posted: (date: string) => boolean = () => false): number | null {
  if (!channel.postTime || channel.paused || channel.suspended) return null;
  const today = localDate(now, channel.timezone);
  for (let i = 0; i < 8; i += 1) {
    const date = addDays(today, i);
    const at = slotOn(channel, date);
    if (at !== null && at > now && !posted(date)) return at;
  }
  return null;
}

/** Whether a channel has its round for a local date, for {@link nextPostAt}. */
export function postedOn(d: { store: Pick<Stores, 'rounds'> }, channelId: string): (date: string) => boolean {
  return (date) => d.store.rounds.getRoundByDate(channelId, date) !== null;
}
