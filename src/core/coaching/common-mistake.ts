import type { DepsWith } from '../context.js';
import type { Round } from '../model.js';
import type { SummaryReply } from '../replies.js';
import { isAnonymous } from './anonymity.js';

/** A round needs this many graded answers, two of them short of a key point, before its wrong ideas are summed up. */
const MIN_ANSWERS = 3;
const MIN_SHORT = 2;
/** Answers read by the model, at most. */
const SAMPLE = 20;
const TIMEOUT_MS = 30_000;

/**
 * The summary with one anonymised sentence on the round's most common wrong idea, written by the
 * model from the answers that fell short. Only with a model, only in a round with enough answers
 * that one person's mistake is not singled out, and only a sentence that names no member and
 * quotes no answer; anything else leaves the summary as it was. Never fails the reveal.
 */
export async function withCommonMistake(d: DepsWith<'insights' | 'figures', 'coach' | 'content' | 'clock' | 'logger'>, round: Round, summary: SummaryReply): Promise<SummaryReply> {
  const { coach, content, store, logger, clock } = d;
  const question = content.get(round.questionId);
  if (!coach || !question || summary.skipped || summary.answered < MIN_ANSWERS) return summary;
  const short = store.insights.missedAnswers(round.id, SAMPLE);
  if (short.length < MIN_SHORT) return summary;
  const names = store.figures.roundResults(round.id).map((r) => r.name);
  const abort = new AbortController();
  const cancel = clock.setTimeout(() => abort.abort(new Error('the summary sentence took too long')), TIMEOUT_MS);
  try {
    const keyPoints = question.keyPoints.map((k) => k.text);
    const sentence = (await coach.commonMistake({ questionId: question.id, question: question.prompt, reference: question.reference, keyPoints, answers: short, names }, abort.signal))
      ?.replace(/\s+/g, ' ')
      .trim();
    if (!sentence) return summary;
    const material = [question.prompt, question.reference, ...keyPoints].join('\n');
    if (sentence.length > 300 || !isAnonymous(sentence, { answers: short.map((a) => a.text), names, material })) {
      logger.warn({ roundId: round.id }, 'the common wrong idea named a member or quoted an answer; left out');
      return summary;
    }
    return { ...summary, commonMistake: sentence };
  } catch (err) {
    logger.warn({ err, roundId: round.id }, 'could not write the common wrong idea; the summary goes without it');
    return summary;
  } finally {
    cancel();
  }
}
