import type { CoreDeps } from './context.js';
import { plural } from './display.js';
import type { Answer } from './model.js';
import type { GradingJob } from './stores/answer-store.js';
import { text } from './replies.js';

/**
 * One sentence to the author when the first attempt to grade their answer has to wait for the
 * grading server's rate limit: the answer is safe and queued, and the score follows at the latest
 * when the wait runs out (then the offline grader takes it). Never fails the worker.
 */
export async function tellGradingWaits(d: Pick<CoreDeps, 'chat' | 'clock' | 'logger' | 'options'>, answer: Answer, job: GradingJob): Promise<void> {
  const minutes = Math.max(1, Math.ceil((job.createdAt + d.options.rateLimitPatienceMs - d.clock.now()) / 60_000));
  const message = `The grading server is busy, so your answer waits its turn; your score follows within ${plural(minutes, 'minute')}.`;
  try {
    await d.chat.send({ channelId: answer.channelId, userId: answer.userId, replyRoute: answer.replyRoute }, text(message));
  } catch (err) {
    d.logger.warn({ err, answerId: answer.id }, 'could not tell the member that grading waits');
  }
}
