import { recordAction } from '../audit.js';
import { cmd } from '../command-text.js';
import type { Platform, ScheduleDays } from '../model.js';
import { permissionProblem } from '../permissions.js';
import { error, text } from '../replies.js';
import { nextPostAt, postedOn } from '../schedule-time.js';
import { formatLocal, isValidZone, parseTime } from '../time.js';
import { words, type Command } from './command.js';

const usage = (p: Platform) => `${cmd(p, 'schedule HH:MM [IANA zone] [weekdays|daily]')}, for example: ${cmd(p, 'schedule 09:00 Europe/Berlin weekdays')}`;

export const schedule: Command = {
  verb: 'schedule',
  admin: true,
  usage: 'schedule HH:MM [IANA zone] [weekdays|daily]',
  summary: "set this channel's daily post (zone defaults to DEFAULT_TIMEZONE, days to weekdays)",
  options: [
    { name: 'time', description: 'HH:MM, 24-hour', required: true },
    { name: 'zone', description: 'IANA time zone such as Europe/Berlin' },
    { name: 'days', description: 'weekdays or daily', choices: ['weekdays', 'daily'] },
  ],
  async run({ deps, channel, args, actor, place }) {
    const how = usage(place.platform);
    const [timeArg, ...rest] = words(args);
    if (!timeArg) return [error(`Say when to post: ${how}.`)];
    const time = parseTime(timeArg);
    if (!time) return [error(`"${timeArg}" is not a time. Use HH:MM in 24-hour form: ${how}.`)];
    let zone = deps.options.defaultTimezone;
    let days: ScheduleDays = 'weekdays';
    for (const w of rest) {
      if (w === 'weekdays' || w === 'daily') days = w;
      else if (isValidZone(w)) zone = w;
      else return [error(`"${w}" is not an IANA time zone (such as Europe/Berlin or America/New_York) nor weekdays/daily. Usage: ${how}.`)];
    }
    const problem = await permissionProblem(deps, channel.channelId, 'post the question of the day');
    if (problem) return [error(problem)];
    // Scheduling again also resumes a paused channel and one suspended after the bot lost it.
    const resumed = channel.suspended ? ' The suspended schedule is resumed; history and points are intact.' : '';
    const updated = deps.store.channels.updateChannel(channel.channelId, { postTime: time, timezone: zone, days, paused: false, suspended: false, scheduleSetAt: deps.clock.now() });
    deps.scheduler?.update(updated);
    recordAction(deps, actor, place, 'schedule', `${time} ${zone} ${days}`);
    const next = nextPostAt(updated, deps.clock.now(), postedOn(deps, updated.channelId));
    const when = next ? ` Next post: ${formatLocal(next, zone)}.` : '';
    return [text(`Scheduled: ${days === 'daily' ? 'every day' : 'every weekday'} at ${time} ${zone}.${when}${resumed}`, 'private', 'success')];
  },
};

export const unschedule: Command = {
  verb: 'unschedule',
  admin: true,
  usage: 'unschedule',
  summary: "stop this channel's daily post",
  options: [],
  run({ deps, channel, actor, place }) {
    if (!channel.postTime) return [text('This channel has no daily post to stop.')];
    deps.store.channels.updateChannel(channel.channelId, { postTime: null });
    deps.scheduler?.remove(channel.channelId);
    recordAction(deps, actor, place, 'unschedule');
    return [text(`The daily post is stopped. History and points are kept; ${cmd(place.platform, 'schedule')} starts it again.`, 'private', 'success')];
  },
};
