import { recordAction } from '../audit.js';
import { cmd } from '../command-text.js';
import { permissionProblem } from '../permissions.js';
import { error, text } from '../replies.js';
import { localDate } from '../time.js';
import type { Command } from './command.js';

export const daily: Command = {
  verb: 'daily',
  admin: true,
  usage: 'daily',
  summary: "post this channel's question of the day now, if today's is not posted yet",
  options: [],
  async run({ rounds, place, channel, deps, actor }) {
    // Paused means "no question of the day here" until resume, by hand as well as on schedule.
    if (channel.paused) return [error(`This channel is paused, so no question of the day is posted. Use ${cmd(place.platform, 'resume')} first.`)];
    // Asked only when a post is due, so "already posted" needs no call to the platform.
    if (!deps.store.rounds.getRoundByDate(place.channelId, localDate(deps.clock.now(), channel.timezone))) {
      const problem = await permissionProblem(deps, place.channelId, 'post the question of the day');
      if (problem) return [error(problem)];
    }
    const outcome = await rounds.postDaily(place.channelId);
    if (outcome.status === 'exists') return [text("Today's question is already posted in this channel; there is one round per day.")];
    if (outcome.status === 'no-questions') return [error(`This channel's packs have no questions. Check the packs with ${cmd(place.platform, 'settings')}, or the content folder.`)];
    recordAction(deps, actor, place, 'daily', `round ${outcome.round.id} (${outcome.question.id})${outcome.delivered ? '' : ', not delivered'}`);
    if (!outcome.delivered) {
      return [
        error(
          `Today's round is ready, but I could not post it here: ${outcome.error?.message ?? 'the platform refused'}. I will keep trying for ${deps.options.catchUpHours} hours; fix the channel and use ${cmd(place.platform, 'repost')} to post it at once.`,
        ),
      ];
    }
    const suspended = deps.store.channels.getChannel(place.channelId)?.suspended
      ? ` The daily schedule of this channel is still suspended; run ${cmd(place.platform, 'schedule')} again to resume it.`
      : '';
    return [text(`Posted today's question.${suspended}`, 'private', 'success')];
  },
};

export const reveal: Command = {
  verb: 'reveal',
  admin: true,
  usage: 'reveal',
  summary: 'close the open round now and post its summary',
  options: [],
  async run({ rounds, place, deps, actor }) {
    const round = deps.store.rounds.getOpenRound(place.channelId);
    if (!round) return [text('There is no open round in this channel to reveal.')];
    if (await rounds.close(round, 'closed')) recordAction(deps, actor, place, 'reveal', `round ${round.id} (${round.questionId})`);
    return [text('Round closed; the summary is posted.', 'private', 'success')];
  },
};
