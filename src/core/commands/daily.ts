import { error, text } from '../replies.js';
import type { Command } from './command.js';

export const daily: Command = {
  verb: 'daily',
  admin: true,
  usage: 'daily',
  summary: "post this channel's question of the day now, if today's is not posted yet",
  options: [],
  async run({ rounds, place }) {
    const outcome = await rounds.postDaily(place.channelId);
    if (outcome.status === 'exists') return [text("Today's question is already posted in this channel; there is one round per day.")];
    if (outcome.status === 'no-questions') return [error("This channel's packs have no questions. Check the packs with settings, or the content folder.")];
    if (!outcome.delivered) {
      return [error(`Today's round is ready, but I could not post it here: ${outcome.error?.message ?? 'the platform refused'}. Fix the channel and use repost.`)];
    }
    return [text("Posted today's question.", 'private', 'success')];
  },
};

export const reveal: Command = {
  verb: 'reveal',
  admin: true,
  usage: 'reveal',
  summary: 'close the open round now and post its summary',
  options: [],
  async run({ rounds, place, deps }) {
    const round = deps.store.getOpenRound(place.channelId);
    if (!round) return [text('There is no open round in this channel to reveal.')];
    await rounds.close(round, 'closed');
    return [text('Round closed; the summary is posted.', 'private', 'success')];
  },
};
