import { cmd } from '../command-text.js';
import { error } from '../replies.js';
import type { Command } from './command.js';

const ID = /^#?(\d{1,12})$/;

/** `dispute <answer id> <reason>`: the text form of the Dispute button on a score reply. */
export const dispute: Command = {
  verb: 'dispute',
  admin: false,
  usage: 'dispute <answer number> <reason>',
  summary: 'ask the admins to review the grade of one of your answers (numbered in your history)',
  options: [
    { name: 'answer', description: 'the answer number, from your score or history', required: true },
    { name: 'reason', description: 'why the grade seems unfair', required: true, rest: true },
  ],
  async run({ disputes, actor, place, args }) {
    const [idArg = '', ...rest] = args.trim().split(/\s+/);
    const m = ID.exec(idArg);
    if (!m) return [error(`Give the answer number and your reason, for example: ${cmd(place.platform, 'dispute 12 I covered the second key point.')} ${cmd(place.platform, 'history')} shows your answers with their numbers.`)];
    return [await disputes.open(actor, place, Number(m[1]), rest.join(' '))];
  },
};

/** `disputes`: the open disputes of this server/workspace, for admins. */
export const disputesList: Command = {
  verb: 'disputes',
  admin: true,
  usage: 'disputes',
  summary: 'the open disputes of this server or workspace: answer, grade and reason',
  options: [],
  run({ disputes, place, actor }) {
    return [disputes.list(place, actor.id)];
  },
};

/** `resolve <dispute id> <score> [note]`: an admin settles a dispute with a new (or the same) score. */
export const resolve: Command = {
  verb: 'resolve',
  admin: true,
  usage: 'resolve <dispute number> <score 0-10> [note]',
  summary: 'settle a dispute with a score, which recomputes points, streaks and leaderboards',
  options: [
    { name: 'dispute', description: 'the dispute number', required: true },
    { name: 'score', description: 'the score from 0 to 10 (the same score keeps it)', required: true },
    { name: 'note', description: 'a note for the member', rest: true },
  ],
  async run({ disputes, actor, place, args }) {
    const [idArg = '', scoreArg = '', ...rest] = args.trim().split(/\s+/);
    const m = ID.exec(idArg);
    if (!m) return [error(`Give the dispute number and a score, for example: ${cmd(place.platform, 'resolve 3 7 The second point is covered.')}`)];
    if (!/^\d{1,2}$/.test(scoreArg) || Number(scoreArg) > 10) return [error(`"${scoreArg}" is not a score. Give a whole number from 0 to 10: ${cmd(place.platform, `resolve ${m[1]} <score 0-10> [note]`)}.`)];
    return [await disputes.resolve(actor, place, Number(m[1]), Number(scoreArg), rest.join(' '))];
  },
};
