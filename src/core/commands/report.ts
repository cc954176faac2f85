import { cmd } from '../command-text.js';
import { endSentence, quote } from '../display.js';
import { notifyAdmins } from '../notify.js';
import { findOpenQuestion } from '../open-question.js';
import { error, text } from '../replies.js';
import type { Command } from './command.js';

const MAX_REASON = 500;

/**
 * `report`: flags a question's reference answer as wrong, to the admins, and stores the report.
 * It acts on your open question, else on this channel's latest round (a wrong key point is often
 * noticed when the summary shows them).
 */
export const report: Command = {
  verb: 'report',
  admin: false,
  usage: 'report [reason]',
  summary: "flag the open question's reference answer as wrong, to the admins",
  options: [{ name: 'reason', description: 'what is wrong with the reference answer', rest: true }],
  async run({ deps, actor, place, args }) {
    const { store, content, clock } = deps;
    const open = findOpenQuestion(deps, actor.id, place);
    const round = open?.kind === 'round' ? open.round : open ? null : store.rounds.latestRound(place.channelId);
    const question = open?.question ?? (round ? content.get(round.questionId) : undefined);
    if (!question) return [error(`There is no question here to report. Use ${cmd(place.platform, 'report')} while a question is open, or after its round closed.`)];
    const reason = args.trim().slice(0, MAX_REASON);
    const saved = store.records.createReport({
      scopeId: place.scopeId,
      channelId: place.channelId,
      questionId: question.id,
      roundId: round?.id ?? null,
      userId: actor.id,
      reason,
      createdAt: clock.now(),
    });
    if (!saved) return [text(`You already reported "${quote(question.prompt, 120)}"; the admins have it.`)];
    deps.logger.info({ reportId: saved.id, questionId: question.id, userId: actor.id }, 'question reported');
    const skipHint = round?.status === 'open' && round.channelId === place.channelId ? ` If it is wrong, ${cmd(place.platform, 'skip')} closes the open round without points.` : '';
    await notifyAdmins(
      deps,
      place.channelId,
      `${actor.name} reports that the reference answer of "${quote(question.prompt, 200)}" may be wrong${reason ? `: ${endSentence(quote(reason))}` : '.'} The question is ${question.id} (${question.file} in the content folder).${skipHint}`,
    );
    return [text(`Thank you: the admins are told that the reference answer of "${quote(question.prompt, 120)}" may be wrong.`, 'private', 'success')];
  },
};
