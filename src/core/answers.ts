import { cmd } from './command-text.js';
import type { DepsWith } from './context.js';
import { plural } from './display.js';
import type { Actor, Answer, Place } from './model.js';
import { answerHash } from './normalize.js';
import { answerRefOf, findOpenQuestion, resolveAnswerRef, type OpenQuestion } from './open-question.js';
import { error, type AckReply, type FormReply, type Reply } from './replies.js';
import type { Rounds } from './rounds.js';
import { localDate, monthKey, weekKey } from './time.js';

const HOUR = 3_600_000;

/** Taking answers: checks, storing before acknowledging, queueing the grading job. */
export class Answers {
  constructor(
    private readonly d: DepsWith<'answers' | 'channels' | 'practice' | 'rounds' | 'deliveries' | 'followUps'>,
    private readonly rounds: Rounds,
    private readonly onQueued: () => void,
  ) {}

  /**
   * What an Answer button opens: the form for this round or practice question, or a refusal.
   * Without a reference (`answer` with no text where forms exist), the form for the open question.
   */
  openForm(actor: Actor, place: Place, answerRef?: string): Reply {
    const target = answerRef ? resolveAnswerRef(this.d, answerRef, actor.id, place) : findOpenQuestion(this.d, actor.id, place);
    if (!target && !answerRef) return this.noOpenQuestion(place);
    if (!target) return error('That question is not available here. Use the Answer button on a question in this channel.');
    const closed = target.kind === 'round' && target.round.status !== 'open';
    const again = target.kind === 'round' && !closed && this.d.store.answers.hasAnsweredRound(actor.id, target.round.id);
    const form: FormReply = {
      kind: 'form',
      visibility: 'private',
      answerRef: answerRefOf(target),
      mode: target.kind === 'round' && !closed && !again ? 'daily' : 'practice',
      title: target.kind === 'round' ? 'Question of the day' : target.kind === 'followup' ? 'Follow-up question' : 'Practice question',
      prompt: target.kind === 'followup' ? target.followUp.prompt : target.question.prompt,
      maxLength: this.d.options.maxAnswerLength,
    };
    if (closed) form.note = 'This round has closed: your answer will be graded as practice and earn no points.';
    else if (again) form.note = 'You already answered this round: this answer will be graded as practice and earn no points.';
    return form;
  }

  /**
   * Stores an answer with its grading job and acknowledges it; the grade follows as its own reply.
   * With a `deliveryId`, the answer is idempotent on it: the same delivery again (a platform's retry,
   * a replay, after a restart or in another process) gets the same acknowledgement and stores nothing.
   */
  submit(actor: Actor, place: Place, rawText: string, o: { answerRef?: string; replyRoute?: string | null; deliveryId?: string | null } = {}): Reply {
    const { store, clock, options } = this.d;
    const { answerRef, replyRoute, deliveryId } = o;
    const earlier = deliveryId ? store.deliveries.answerOfDelivery(deliveryId, clock.now()) : null;
    if (earlier !== null) {
      const answer = store.answers.getAnswer(earlier);
      if (answer) return this.repeatAck(answer);
    }
    const text = rawText.trim();
    if (text.length === 0) {
      // From a form (it carries the question's reference), the member fixes it in the form itself.
      if (answerRef) return error('Your answer is empty: write it in the answer box, then submit the form again.');
      return error(`Your answer is empty. Write your answer after the command, for example: ${cmd(place.platform, 'answer Attention lets each token weigh every other token.')}`);
    }
    if (text.length > options.maxAnswerLength) {
      return error(
        `Answers are limited to ${options.maxAnswerLength.toLocaleString('en-US')} characters; yours has ${text.length.toLocaleString('en-US')}. Nothing was saved: shorten it and send it again.`,
      );
    }
    let target: OpenQuestion | null;
    if (answerRef) {
      target = resolveAnswerRef(this.d, answerRef, actor.id, place);
      if (!target) return error('That question is not available here, so nothing was saved. Use the Answer button on a question in this channel.');
    } else {
      target = findOpenQuestion(this.d, actor.id, place);
      if (!target) return this.noOpenQuestion(place);
    }

    const now = clock.now();
    const recent = store.answers.answerTimesSince(actor.id, now - HOUR);
    if (recent.length >= options.maxAnswersPerHour) {
      const minutes = Math.max(1, Math.ceil((recent[0]! + HOUR - now) / 60_000));
      return error(
        `You have sent ${plural(recent.length, 'answer')} in the last hour, the most allowed (${options.maxAnswersPerHour}). Nothing was saved; you can answer again in ${plural(minutes, 'minute')}.`,
      );
    }

    const channel = store.channels.getChannel(place.channelId)!;
    const round = target.kind === 'round' ? target.round : null;
    const open = round !== null && round.status === 'open';
    const date = round ? round.localDate : localDate(now, channel.timezone);
    const hinted = round ? store.practice.hasHintedRound(actor.id, round.id) : target.kind === 'practice' && target.prompt.hinted;
    const { answer, repeated } = store.answers.insertAnswer({
      userId: actor.id,
      userName: actor.name,
      scopeId: place.scopeId,
      channelId: place.channelId,
      questionId: target.question.id,
      roundId: round?.id ?? null,
      kind: open ? 'daily' : 'practice',
      hinted,
      text,
      normHash: answerHash(text),
      createdAt: now,
      replyRoute: replyRoute ?? null,
      practiceId: target.kind === 'practice' ? target.prompt.id : null,
      followUpId: target.kind === 'followup' ? target.followUp.id : null,
      localDate: date,
      weekKey: weekKey(date),
      monthKey: monthKey(date),
      ...(deliveryId ? { delivery: { id: deliveryId, expiresAt: now + options.deliveryMemoryMs } } : {}),
      // This process grades it while it lives: it holds the member's interaction (the reply route) to answer through.
      queuedBy: { owner: options.instanceId, until: now + options.leaseMs },
    });
    if (repeated) return this.repeatAck(answer);
    this.d.logger.info({ answerId: answer.id, userId: actor.id, questionId: answer.questionId, kind: answer.kind, chars: text.length }, 'answer stored');
    this.onQueued();
    if (round && open && answer.counts) this.rounds.liveCounts.changed(round.id);

    let note = 'Grading it now; your score arrives in a moment.';
    if (round && !open) note = 'This round has closed, so it is graded as practice and earns no points. Grading it now.';
    else if (round && !answer.counts) note = 'You already answered this round, so this one is graded as practice and earns no points. Grading it now.';
    else if (target.kind === 'followup') note = 'Follow-up answer received. Grading it against that key point now.';
    else if (!round) note = 'Practice answer received. Grading it now.';
    const ack: AckReply = { kind: 'ack', visibility: 'private', answerId: answer.id, mode: answer.kind, text: `Answer saved (${plural(text.length, 'character')}). ${note}` };
    return ack;
  }

  /** The acknowledgement of a delivery that stored its answer already: nothing new is stored or graded. */
  private repeatAck(answer: Answer): AckReply {
    this.d.logger.info({ answerId: answer.id, userId: answer.userId }, 'a delivery that stored its answer already came again; nothing stored');
    return {
      kind: 'ack',
      visibility: 'private',
      answerId: answer.id,
      mode: answer.kind,
      text: `Answer saved (${plural(answer.text.length, 'character')}). It had reached me already, so it is stored once; your score comes privately.`,
    };
  }

  private noOpenQuestion(place: Place): Reply {
    return error(`You have no open question here. Wait for the question of the day, or ask for a practice question with ${cmd(place.platform, 'quiz')}.`);
  }
}
