import { cmd } from '../command-text.js';
import type { Difficulty } from '../model.js';
import { error } from '../replies.js';
import type { Command } from './command.js';

const ID = /^#?(\d{1,12})$/;

/** `suggest [labelled fields]`: opens the suggestion form, or takes the fields as labelled text. */
export const suggest: Command = {
  verb: 'suggest',
  admin: false,
  usage: 'suggest',
  summary: "propose a question (question, reference answer, key points) for this team's own pack",
  options: [],
  async run({ suggestions, actor, place, args }) {
    if (!args.trim()) return [suggestions.form(actor, place)];
    return [await suggestions.submitText(actor, place, args)];
  },
};

/** `suggestions`: the pending suggestions of this server/workspace, for admins. */
export const suggestionsList: Command = {
  verb: 'suggestions',
  admin: true,
  usage: 'suggestions',
  summary: 'the suggested questions waiting for review, in full',
  options: [],
  run({ suggestions, place }) {
    return [suggestions.list(place)];
  },
};

/** `approve <id> [difficulty]`: the suggestion joins the team pack. */
export const approve: Command = {
  verb: 'approve',
  admin: true,
  usage: 'approve <suggestion number> [easy|medium|hard]',
  summary: "add a suggested question to this team's own pack (optionally at another difficulty)",
  options: [
    { name: 'suggestion', description: 'the suggestion number', required: true },
    { name: 'difficulty', description: 'the difficulty to give it, if not the one suggested', choices: ['easy', 'medium', 'hard'] },
  ],
  async run({ suggestions, actor, place, args }) {
    const [idArg = '', level = '', ...extra] = args.trim().split(/\s+/);
    const m = ID.exec(idArg);
    if (!m) return [error(`Give the suggestion number, for example: ${cmd(place.platform, 'approve 3')}. ${cmd(place.platform, 'suggestions')} lists them.`)];
    const difficulty = level.toLowerCase();
    if ((difficulty && !/^(easy|medium|hard)$/.test(difficulty)) || extra.length) {
      return [error(`"${args.trim().slice(idArg.length).trim()}" is not a difficulty. Use ${cmd(place.platform, `approve ${m[1]}`)}, or add easy, medium or hard.`)];
    }
    return [await suggestions.approve(actor, place, Number(m[1]), (difficulty || undefined) as Difficulty | undefined)];
  },
};

/** `reject <id> [reason]`: the suggestion is declined; the member reads the reason. */
export const reject: Command = {
  verb: 'reject',
  admin: true,
  usage: 'reject <suggestion number> [reason]',
  summary: 'decline a suggested question, with a reason the member reads',
  options: [
    { name: 'suggestion', description: 'the suggestion number', required: true },
    { name: 'reason', description: 'why, for the member', rest: true },
  ],
  async run({ suggestions, actor, place, args }) {
    const [idArg = '', ...rest] = args.trim().split(/\s+/);
    const m = ID.exec(idArg);
    if (!m) return [error(`Give the suggestion number, for example: ${cmd(place.platform, 'reject 3 Too close to the caching question.')}`)];
    return [await suggestions.reject(actor, place, Number(m[1]), rest.join(' '))];
  },
};
