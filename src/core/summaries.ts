import type { DepsWith } from './context.js';
import { displayName } from './display.js';
import type { Round } from './model.js';
import { SUMMARY_POST } from './post-identity.js';
import type { PostKind, Rendered } from './post-kind.js';
import type { Posts } from './posts.js';
import type { SummaryReply } from './replies.js';
import type { PostIntent } from './stores/post-store.js';

const HOUR = 3_600_000;
/** How many the round summary ranks (more when several share the last place). */
const TOP = 3;

/**
 * Round summaries: the `summary` kind of {@link Posts}, posted once in the thread of the round's
 * question. Its intent is planned in the transaction that closes the round, so a summary is
 * posted once even when the process dies between closing the round and posting it; a summary that
 * fails is retried (backing off) for CATCH_UP_HOURS, at least an hour.
 */
export class Summaries implements PostKind {
  constructor(
    private readonly d: DepsWith<'rounds' | 'figures'>,
    posts: Posts,
  ) {
    posts.register(SUMMARY_POST, this);
  }

  render(intent: PostIntent): Rendered | null {
    const round = this.d.store.rounds.getRound(Number(intent.key));
    if (!round || round.status === 'open') return null;
    return { target: { channelId: round.channelId, threadOf: round.messageRef ?? undefined }, reply: this.summary(round, round.status === 'skipped') };
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

  /** The summary of a closed round: key points, how many answered, the average, the top three. */
  summary(round: Round, skipped = false): SummaryReply {
    const question = this.d.content.get(round.questionId);
    const results = this.d.store.figures.roundResults(round.id);
    const average = results.length ? results.reduce((s, r) => s + r.score, 0) / results.length : null;
    // The top three, and everyone tied with the third: a tie at the cut leaves nobody out.
    const cut = results[TOP - 1]?.score;
    const top: SummaryReply['top'] = [];
    results.forEach((r, i) => {
      if (i >= TOP && r.score !== cut) return;
      const prev = top[i - 1];
      top.push({ rank: prev && prev.score === r.score ? prev.rank : i + 1, name: displayName(r.name, r.privacy), score: r.score });
    });
    return {
      kind: 'summary',
      visibility: 'public',
      roundId: round.id,
      questionPrompt: question?.prompt ?? round.questionId,
      keyPoints: question?.keyPoints.map((k) => k.text) ?? [],
      answered: results.length,
      averageScore: average === null ? null : Math.round(average * 10) / 10,
      top: skipped ? [] : top,
      skipped,
    };
  }
}
