import { BOT_ACTOR, recordAction } from './audit.js';
import { cmd } from './command-text.js';
import type { DepsWith } from './context.js';
import type { ChannelSettings, Question, Round } from './model.js';
import { notifyAdmins } from './notify.js';
import { ROUND_POST } from './post-identity.js';
import { DeliveryError } from './ports.js';
import type { PostKind, Rendered } from './post-kind.js';
import type { Posts } from './posts.js';
import type { QuestionReply } from './replies.js';
import type { PostIntent } from './stores/post-store.js';
import { formatLocal } from './time.js';

const HOUR = 3_600_000;

/** What one sweep of {@link PostDelivery.retryUndelivered} did. */
export interface RetryReport {
  delivered: number;
  /** Still pending: backing off, held by another attempt, or the channel is paused or suspended. */
  waiting: number;
  gaveUp: number;
}

export type Attempt = { delivered: true } | { delivered: false; error: DeliveryError };

const sentence = (s: string) => s.trim().replace(/[.\s]+$/, '');

/**
 * Getting a round's question into its channel: the `round` kind of {@link Posts}. A round's slot is
 * claimed (with the intent of its post) before its post is sent, so a failed or interrupted post
 * never makes a second round: the post is retried while CATCH_UP_HOURS lasts (backing off), found
 * and adopted when an interrupted attempt had made it, the admins hear of a refusal once, and a
 * channel that is gone is suspended, deleting nothing.
 */
export class PostDelivery implements PostKind {
  constructor(
    private readonly d: DepsWith<'rounds' | 'channels' | 'admins'>,
    private readonly posts: Posts,
    private readonly renderQuestion: (round: Round, question: Question, channel: ChannelSettings) => QuestionReply,
  ) {
    posts.register(ROUND_POST, this);
  }

  /** One attempt at the round's post now (the caller claimed the round); `force` skips the back-off. */
  async attempt(round: Round, o: { force?: boolean } = {}): Promise<Attempt> {
    const outcome = await this.posts.deliver(ROUND_POST, String(round.id), o);
    if (outcome.status === 'sent' || outcome.status === 'adopted') return { delivered: true };
    if (outcome.status === 'done' && this.d.store.rounds.getRound(round.id)?.delivery !== 'failed') return { delivered: true };
    if (outcome.status === 'failed') return { delivered: false, error: outcome.error };
    const why =
      outcome.status === 'busy'
        ? 'another attempt at this post is in progress; it follows in a moment'
        : outcome.status === 'waiting'
          ? 'the channel is paused or suspended'
          : 'its time to be posted has passed';
    return { delivered: false, error: new DeliveryError('failed', why) };
  }

  /**
   * Finishes the posts that did not reach their channel (rounds' and any other registered kind's),
   * while their post time is within CATCH_UP_HOURS; past it, gives up (the round stays,
   * undelivered). Paused and suspended channels wait. Meant for the scheduler's periodic sweep.
   */
  retryUndelivered(): Promise<RetryReport> {
    return this.posts.recover();
  }

  /**
   * Suspends a channel the bot lost (deleted, archived, bot removed): its schedule is kept but
   * posts nothing until `schedule` runs there again. Nothing is deleted. False when it was already.
   */
  suspend(channelId: string, reason: string): boolean {
    const { store, logger } = this.d;
    const channel = store.channels.getChannel(channelId);
    if (!channel || channel.suspended) return false;
    const updated = store.channels.updateChannel(channelId, { suspended: true });
    this.d.scheduler?.update(updated);
    recordAction(this.d, BOT_ACTOR, updated, 'suspend', reason);
    logger.warn({ channelId, reason }, 'channel suspended');
    return true;
  }

  /**
   * Lifts the suspension of a channel the bot has back (the app reinstalled in its workspace): its
   * schedule runs again as it was. False when it was not suspended (resumed by hand meanwhile).
   */
  unsuspend(channelId: string, reason: string): boolean {
    const { store, logger } = this.d;
    const channel = store.channels.getChannel(channelId);
    if (!channel?.suspended) return false;
    const updated = store.channels.updateChannel(channelId, { suspended: false });
    this.d.scheduler?.update(updated);
    recordAction(this.d, BOT_ACTOR, updated, 'resume', reason);
    logger.info({ channelId, reason }, 'channel resumed');
    return true;
  }

  // ---- the `round` post kind ------------------------------------------------------------------

  render(intent: PostIntent): Rendered | 'wait' | null {
    const { store, content } = this.d;
    const round = store.rounds.getRound(Number(intent.key));
    if (!round || round.status !== 'open') return null;
    const channel = store.channels.getChannel(round.channelId);
    const question = content.get(round.questionId);
    if (!channel || !question) return null;
    if (channel.paused || channel.suspended) return 'wait';
    return { target: { channelId: round.channelId }, reply: this.renderQuestion(round, question, channel) };
  }

  deadline(intent: PostIntent): number {
    return intent.createdAt + this.d.options.catchUpHours * HOUR;
  }

  delivered(intent: PostIntent, ref: string | null, adopted: boolean): void {
    this.d.store.rounds.roundDelivered(Number(intent.key), ref);
    if (intent.attempts > 1 || adopted) {
      this.d.logger.info({ roundId: Number(intent.key), channelId: intent.channelId, attempts: intent.attempts, adopted }, 'round posted on retry');
    }
  }

  abandoned(intent: PostIntent, reason: string): void {
    const { store, logger } = this.d;
    const round = store.rounds.getRound(Number(intent.key));
    store.rounds.giveUpDelivery(Number(intent.key));
    logger.warn({ roundId: Number(intent.key), channelId: intent.channelId, attempts: round?.deliveryAttempts, error: round?.deliveryError, reason }, 'gave up posting the round');
  }

  async failed(intent: PostIntent, error: DeliveryError, nextAt: number): Promise<void> {
    const { store, clock, logger, options } = this.d;
    const round = store.rounds.getRound(Number(intent.key));
    const channel = store.channels.getChannel(intent.channelId);
    if (!round || !channel) return;
    const now = clock.now();
    store.rounds.roundDeliveryFailed(round.id, error.message, nextAt);
    logger.error({ err: error, code: error.code, channelId: round.channelId, roundId: round.id, attempts: intent.attempts }, 'daily post not delivered');
    if (error.code === 'channel_gone') this.suspend(round.channelId, sentence(error.message));
    // A rate limit is waited out at the next attempt; only a real refusal is worth an admin's time.
    if (error.code === 'rate_limited' || !store.rounds.markDeliveryReported(round.id, now)) return;
    const until = formatLocal(round.postedAt + options.catchUpHours * HOUR, channel.timezone);
    const message =
      error.code === 'channel_gone'
        ? `I could not post today's question because ${sentence(error.message)}, so this channel's daily post is suspended. Nothing was deleted; once the channel is back, run ${cmd(channel.platform, 'schedule')} there to resume (today's question follows if it is before ${until}).`
        : `I could not post today's question in this channel: ${sentence(error.message)}. I will keep trying until ${until}; once the channel is fixed, ${cmd(channel.platform, 'repost')} posts it at once.`;
    await notifyAdmins(this.d, round.channelId, message);
  }
}
