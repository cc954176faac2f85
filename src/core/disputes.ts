import { recordAction } from './audit.js';
import { cmd } from './command-text.js';
import type { DepsWith } from './context.js';
import { endSentence, plural, quote, scopeNoun } from './display.js';
import type { Actor, Place } from './model.js';
import { notifyAdmins } from './notify.js';
import { error, labelsFor, text, type Reply } from './replies.js';
import { hiddenQuestionIds, keyIdea } from './rubric-guard.js';
import { HINT_CAP, pointsFor } from './scoring.js';

/** Longest dispute reason or admin note kept. */
const MAX_REASON = 1_000;

/**
 * Disputes of grades: a member disputes the score of their own scoring daily answer, admins see
 * the answer, the grade and the reason, and set a new score that flows into points, streaks and
 * leaderboards (recorded, and told to the member). Nothing crosses a server or workspace: an id
 * from elsewhere is "not found".
 */
export class Disputes {
  constructor(private readonly d: DepsWith<'disputes' | 'answers' | 'rounds' | 'channels' | 'admins'>) {}

  /** A member disputes the grade of one of their answers (the Dispute button or `dispute <id> <reason>`). */
  async open(actor: Actor, place: Place, answerId: number, rawReason: string): Promise<Reply> {
    const { store, clock, content } = this.d;
    const reason = rawReason.trim();
    const answer = store.answers.getAnswer(answerId);
    if (!answer || answer.userId !== actor.id || answer.scopeId !== place.scopeId) {
      return error(`Answer #${answerId} is not one of your answers in this ${scopeNoun(place.platform)}. ${cmd(place.platform, 'history')} lists your answers with their numbers.`);
    }
    if (answer.kind !== 'daily' || !answer.counts || answer.roundId === null) {
      return error('Only your first answer to a question of the day can be disputed: practice answers earn no points.');
    }
    if (store.rounds.getRound(answer.roundId)?.status === 'skipped') return error('That round was skipped, so its answers earn no points and there is nothing to dispute.');
    const grade = store.answers.getGrade(answer.id);
    if (!grade) return error(`Answer #${answerId} is not graded yet; dispute it once your score arrives.`);
    if (!reason) return error(`Say why the grade seems unfair, for example: ${cmd(place.platform, `dispute ${answerId} I covered the second key point in my last sentence.`)}`);
    const current = grade.overrideScore ?? grade.score;
    const dispute = store.disputes.createDispute({
      answerId: answer.id,
      scopeId: answer.scopeId,
      channelId: answer.channelId,
      userId: actor.id,
      reason: reason.slice(0, MAX_REASON),
      oldScore: current,
      createdAt: clock.now(),
    });
    if (!dispute) {
      const earlier = store.disputes.disputeOfAnswer(answer.id);
      if (earlier?.status === 'resolved') return text(`Your dispute of answer #${answerId} was already reviewed (dispute #${earlier.id}): the score is ${current}/10.`);
      return text(`You already disputed answer #${answerId} (dispute #${earlier?.id ?? '?'}); the admins have it.`);
    }
    const prompt = content.get(answer.questionId)?.prompt ?? answer.questionId;
    this.d.logger.info({ disputeId: dispute.id, answerId: answer.id, userId: actor.id }, 'grade disputed');
    await notifyAdmins(
      this.d,
      answer.channelId,
      `Dispute #${dispute.id}: ${actor.name} disputes the ${current}/10 of answer #${answer.id} to "${quote(prompt, 200)}". Reason: ${endSentence(quote(reason))} See it with ${cmd(place.platform, 'disputes')}; settle it with ${cmd(place.platform, `resolve ${dispute.id} <score 0-10> [note]`)}.`,
    );
    return text(`Dispute #${dispute.id} is with the admins: they will see your answer, its grade and your reason, and you will hear back privately.`, 'private', 'success');
  }

  /**
   * The scope's open disputes, for admins: the answer, its grade and the member's reason. An admin
   * who has not answered an open round sees its question's key points numbered, not named.
   */
  list(place: Place, viewerId?: string): Reply {
    const { store, content } = this.d;
    const open = store.disputes.openDisputes(place.scopeId);
    if (open.length === 0) return text(`There are no open disputes in this ${scopeNoun(place.platform)}.`);
    const hidden = viewerId ? hiddenQuestionIds(this.d, viewerId, place.scopeId) : new Set<string>();
    const lines = [`Open disputes (${open.length}), oldest first:`];
    for (const dispute of open.slice(0, 10)) {
      const answer = store.answers.getAnswer(dispute.answerId);
      const grade = store.answers.getGrade(dispute.answerId);
      if (!answer || !grade) continue;
      const name = store.channels.getUser(dispute.userId)?.name ?? dispute.userId;
      const round = answer.roundId !== null ? store.rounds.getRound(answer.roundId) : null;
      const prompt = content.get(answer.questionId)?.prompt ?? answer.questionId;
      const keyPoints = grade.covered.length + (grade.partly?.length ?? 0) + grade.missed.length;
      const labels = labelsFor(grade.grader);
      const show = (t: string) => (hidden.has(answer.questionId) ? keyIdea(content.get(answer.questionId), t) : quote(t, 120));
      lines.push(
        '',
        `#${dispute.id} from ${name}, answer #${answer.id} to "${quote(prompt, 200)}"${round ? ` (round of ${round.localDate})` : ''}`,
        `  Grade: ${grade.overrideScore ?? grade.score}/10 by ${grade.grader}, ${grade.covered.length} of ${keyPoints} key points ${labels.covered.toLowerCase()}${grade.flags.length ? `; flags: ${grade.flags.join(', ')}` : ''}`,
        ...(grade.missed.length ? [`  ${labels.missed}: ${grade.missed.map(show).join('; ')}`] : []),
        `  Reason: ${quote(dispute.reason, MAX_REASON)}`,
        `  Answer: ${quote(answer.text, 1_000)}`,
        `  Settle it with: ${cmd(place.platform, `resolve ${dispute.id} <score 0-10> [note]`)}`,
      );
    }
    if (open.length > 10) lines.push('', `...and ${plural(open.length - 10, 'more dispute')}; settle these first.`);
    return text(lines.join('\n'));
  }

  /** An admin sets the score of a disputed answer (the same score keeps it), in one transaction with the totals. */
  async resolve(actor: Actor, place: Place, disputeId: number, score: number, rawNote: string): Promise<Reply> {
    const { store, clock, content, chat, logger } = this.d;
    const dispute = store.disputes.getDispute(disputeId);
    if (!dispute || dispute.scopeId !== place.scopeId) return error(`Dispute #${disputeId} was not found in this ${scopeNoun(place.platform)}. ${cmd(place.platform, 'disputes')} lists the open ones.`);
    if (dispute.status !== 'open') return text(`Dispute #${disputeId} was already resolved: the score was set to ${dispute.newScore}/10.`);
    const answer = store.answers.getAnswer(dispute.answerId)!;
    const before = store.answers.getGrade(answer.id);
    const old = before ? (before.overrideScore ?? before.score) : dispute.oldScore;
    const note = rawNote.trim().slice(0, MAX_REASON) || null;
    const points = pointsFor(answer, score);
    const resolved = store.disputes.resolveDispute(disputeId, { score, points, by: actor.id, at: clock.now(), note });
    if (!resolved) return text(`Dispute #${disputeId} was already resolved.`);
    recordAction(this.d, actor, place, 'resolve', `dispute #${disputeId}, answer #${answer.id}: ${old} -> ${score}`);
    logger.info({ disputeId, answerId: answer.id, from: old, to: score }, 'dispute resolved');

    const name = store.channels.getUser(answer.userId)?.name ?? answer.userId;
    const prompt = content.get(answer.questionId)?.prompt ?? answer.questionId;
    const capped = answer.hinted && score > HINT_CAP ? ` (${points} points after your hint)` : '';
    const outcome = score === old ? `kept your score at ${score}/10` : `changed your score from ${old}/10 to ${score}/10${capped}; points, streaks and leaderboards are updated`;
    const member = `An admin reviewed your dispute #${disputeId} of your answer to "${quote(prompt, 200)}" and ${outcome}.${note ? ` Note: ${note}` : ''}`;
    try {
      await chat.send({ channelId: answer.channelId, userId: answer.userId, dm: true }, text(member));
    } catch (err) {
      logger.warn({ err, disputeId }, 'could not tell the member about the resolved dispute');
    }
    const change = score === old ? `kept ${name}'s score at ${score}/10` : `${name}'s score is now ${score}/10 (was ${old}/10); points, streaks and leaderboards are updated`;
    return text(`Dispute #${disputeId} resolved: ${change}. ${name} was told privately.`, 'private', 'success');
  }
}
