import { recordAction } from '../audit.js';
import { cmd } from '../command-text.js';
import { permissionProblem } from '../permissions.js';
import { error, text } from '../replies.js';
import { nextPostAt, postedOn } from '../schedule-time.js';
import { formatLocal } from '../time.js';
import type { Command } from './command.js';

/** `pause`: no daily post until `resume`, keeping every setting. `daily` by hand is refused too. */
export const pause: Command = {
  verb: 'pause',
  admin: true,
  usage: 'pause',
  summary: "stop this channel's daily post, keeping its settings",
  options: [],
  run({ deps, channel, actor, place }) {
    const c = (usage: string) => cmd(place.platform, usage);
    if (!channel.postTime) return [text(`This channel has no daily post to pause; ${c('schedule')} sets one.`)];
    if (channel.paused) return [text(`This channel is already paused; ${c('resume')} restarts its daily post.`)];
    const updated = deps.store.channels.updateChannel(channel.channelId, { paused: true });
    deps.scheduler?.update(updated);
    recordAction(deps, actor, place, 'pause');
    return [text(`Paused: no question of the day here until ${c('resume')}. The schedule, settings, history and points are kept; an open round still closes as usual.`, 'private', 'success')];
  },
};

/** `resume`: restarts a paused (or suspended) channel's daily post once the bot may post there. */
export const resume: Command = {
  verb: 'resume',
  admin: true,
  usage: 'resume',
  summary: "restart this channel's paused daily post",
  options: [],
  async run({ deps, channel, actor, place }) {
    if (!channel.postTime) return [text(`This channel has no daily post to resume; ${cmd(place.platform, 'schedule')} sets one.`)];
    if (!channel.paused && !channel.suspended) return [text('This channel is not paused; its daily post runs.')];
    const problem = await permissionProblem(deps, channel.channelId, 'post the question of the day');
    if (problem) return [error(problem)];
    const updated = deps.store.channels.updateChannel(channel.channelId, { paused: false, suspended: false });
    deps.scheduler?.update(updated);
    recordAction(deps, actor, place, 'resume');
    const next = nextPostAt(updated, deps.clock.now(), postedOn(deps, updated.channelId));
    return [text(`Resumed: the daily post runs again.${next ? ` Next post: ${formatLocal(next, updated.timezone)}.` : ''}`, 'private', 'success')];
  },
};

/** `skip`: closes the open round without points; its question stays asked, so it is retired until the cycle restarts. */
export const skip: Command = {
  verb: 'skip',
  admin: true,
  usage: 'skip',
  summary: "close today's round without points and retire its question from this cycle",
  options: [],
  async run({ deps, rounds, actor, place }) {
    const round = deps.store.rounds.getOpenRound(place.channelId);
    if (!round) return [text('There is no open round in this channel to skip.')];
    if (!(await rounds.close(round, 'skipped'))) return [text('That round has just closed; there is nothing to skip.')];
    recordAction(deps, actor, place, 'skip', `round ${round.id} (${round.questionId})`);
    return [
      text(
        "Skipped: the round is closed without points (its answers earn nothing and streaks pass over it), and its question is not asked again until the cycle restarts. The next question comes with the next post.",
        'private',
        'success',
      ),
    ];
  },
};

/** `repost`: posts the open round again when its message is gone; never a second round. */
export const repost: Command = {
  verb: 'repost',
  admin: true,
  usage: 'repost',
  summary: 'post the open round again when its message is gone (never a second round)',
  options: [],
  async run({ deps, rounds, actor, place }) {
    const round = deps.store.rounds.getOpenRound(place.channelId);
    if (!round) return [text(`There is no open round in this channel to repost. ${cmd(place.platform, 'daily')} posts today's question if it is not posted yet.`)];
    const problem = await permissionProblem(deps, place.channelId, 'post the question');
    if (problem) return [error(problem)];
    const result = await rounds.repost(round);
    if (!result.delivered) return [error(`I could not post the round here: ${result.error.message}. Nothing changed; fix the channel and try again.`)];
    recordAction(deps, actor, place, 'repost', `round ${round.id} (${round.questionId})`);
    return [text('Posted the open round again. Answers so far still count; the answer count and the summary follow the new message.', 'private', 'success')];
  },
};
