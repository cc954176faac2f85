import type { DepsWith } from './context.js';
import { withCommonMistake } from './coaching/common-mistake.js';
import type { Round } from './model.js';
import { SUMMARY_POST } from './post-identity.js';
import type { PostKind, Rendered } from './post-kind.js';
import type { Posts } from './posts.js';
import type { SummaryReply } from './replies.js';
import { roundSummary } from './round-summary.js';
import type { PostIntent } from './stores/post-store.js';

const HOUR = 3_600_000;

/**
 * Round summaries: the `summary` kind of {@link Posts}, posted once in the thread of the round's
 * question. Its intent is planned in the transaction that closes the round, so a summary is
 * posted once even when the process dies between closing the round and posting it; a summary that
 * fails is retried (backing off) for CATCH_UP_HOURS, at least an hour.
 */
export class Summaries implements PostKind {
  constructor(
    private readonly d: DepsWith<'rounds' | 'figures' | 'insights'>,
    posts: Posts,
  ) {
    posts.register(SUMMARY_POST, this);
  }

  async render(intent: PostIntent): Promise<Rendered | null> {
    const round = this.d.store.rounds.getRound(Number(intent.key));
    if (!round || round.status === 'open') return null;
    const reply = await withCommonMistake(this.d, round, this.summary(round, round.status === 'skipped'));
    return { target: { channelId: round.channelId, threadOf: round.messageRef ?? undefined }, reply };
  }

  deadline(intent: PostIntent): number {
    return intent.createdAt + Math.max(1, this.d.options.catchUpHours) * HOUR;
  }

  async failed(intent: PostIntent, error: Error): Promise<void> {
    // Not a reason to suspend: a deleted post (its thread gone) looks the same as a deleted channel here.
    this.d.logger.error({ err: error, roundId: Number(intent.key), attempts: intent.attempts }, 'could not post the round summary');
  }

  abandoned(intent: PostIntent, reason: string): void {
    this.d.logger.warn({ roundId: Number(intent.key), channelId: intent.channelId, reason }, 'gave up posting the round summary');
  }

  /** The summary of a closed round (see {@link roundSummary}). */
  summary(round: Round, skipped = false): SummaryReply {
    return roundSummary(this.d, round, skipped);
  }
}
