import { BOT_ACTOR, recordAction } from './audit.js';
import { cmd } from './command-text.js';
import type { DepsWith } from './context.js';
import type { ChannelSettings, Question, Round } from './model.js';
import { notifyAdmins } from './notify.js';
import { DeliveryError } from './ports.js';
import type { QuestionReply } from './replies.js';
import { DELIVERY_LEASE_MS } from './stores/round-store.js';
import { formatLocal } from './time.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** What one sweep of {@link PostDelivery.retryUndelivered} did. */
export interface RetryReport {
  delivered: number;
  /** Still pending: backing off, held by another attempt, or the channel is paused or suspended. */
  waiting: number;
  gaveUp: number;
}

export type Attempt = { delivered: true } | { delivered: false; error: DeliveryError };

/** Any failure as a DeliveryError, so every caller reasons about the same four codes. */
export function asDeliveryError(err: unknown): DeliveryError {
  return err instanceof DeliveryError ? err : new DeliveryError('failed', err instanceof Error ? err.message : String(err), undefined, { cause: err });
}

/**
 * Wait before the next attempt: what a rate limit asked for, else 1, 2, 4, 8 then every 15 minutes,
 * so a channel the bot may not post in is not hammered (platforms penalise repeated refusals).
 */
function retryDelay(attempts: number, err: DeliveryError): number {
  if (err.code === 'rate_limited' && err.retryAfterMs) return Math.max(err.retryAfterMs, 1_000);
  return Math.min(15 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));
}

const sentence = (s: string) => s.trim().replace(/[.\s]+$/, '');

/**
 * Getting a round's post into its channel. A round's slot is claimed before its post is sent, so a
 * failed post never makes a second round: the round stays `pending` and is re-sent while
 * CATCH_UP_HOURS lasts (backing off between attempts), the admins hear of it once, and a channel
 * that is gone is suspended, deleting nothing.
 */
export class PostDelivery {
  private retrying: Promise<RetryReport> | null = null;

  constructor(
    private readonly d: DepsWith<'rounds' | 'channels' | 'admins'>,
    private readonly render: (round: Round, question: Question, channel: ChannelSettings) => QuestionReply,
  ) {}

  /** Sends the post once. The caller holds the round's delivery lease (the claim, or a retry's). */
  async attempt(round: Round, question: Question, channel: ChannelSettings): Promise<Attempt> {
    try {
      const ref = await this.d.chat.send({ channelId: round.channelId }, this.render(round, question, channel));
      this.d.store.rounds.roundDelivered(round.id, ref);
      return { delivered: true };
    } catch (err) {
      const error = asDeliveryError(err);
      await this.failed(round, channel, error);
      return { delivered: false, error };
    }
  }

  /**
   * Re-sends the posts of open rounds that did not reach their channel, while their post time is
   * within CATCH_UP_HOURS; past it, gives up (the round stays, undelivered). Paused and suspended
   * channels wait (a `resume` or `schedule` within the window lets the retry through). Meant for the
   * scheduler's periodic sweep; concurrent calls share one run.
   */
  retryUndelivered(): Promise<RetryReport> {
    this.retrying ??= this.retryAll().finally(() => (this.retrying = null));
    return this.retrying;
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

  private async retryAll(): Promise<RetryReport> {
    const { store, clock, content, logger, options } = this.d;
    const report: RetryReport = { delivered: 0, waiting: 0, gaveUp: 0 };
    for (const round of store.rounds.undeliveredRounds()) {
      const now = clock.now();
      const channel = store.channels.getChannel(round.channelId);
      const question = content.get(round.questionId);
      if (!channel || !question || now - round.postedAt > options.catchUpHours * HOUR) {
        store.rounds.giveUpDelivery(round.id);
        logger.warn({ roundId: round.id, channelId: round.channelId, attempts: round.deliveryAttempts, error: round.deliveryError }, 'gave up posting the round');
        report.gaveUp += 1;
        continue;
      }
      if (channel.paused || channel.suspended || !store.rounds.claimDeliveryAttempt(round.id, now, now + DELIVERY_LEASE_MS)) {
        report.waiting += 1;
        continue;
      }
      const result = await this.attempt(round, question, channel);
      if (result.delivered) {
        logger.info({ roundId: round.id, channelId: round.channelId, attempts: (round.deliveryAttempts ?? 0) + 1 }, 'round posted on retry');
        report.delivered += 1;
      } else {
        report.waiting += 1;
      }
    }
    return report;
  }

  private async failed(round: Round, channel: ChannelSettings, error: DeliveryError): Promise<void> {
    const { store, clock, logger, options } = this.d;
    const now = clock.now();
    const attempts = (round.deliveryAttempts ?? 0) + 1;
    store.rounds.roundDeliveryFailed(round.id, error.message, now + retryDelay(attempts, error));
    logger.error({ err: error, code: error.code, channelId: round.channelId, roundId: round.id, attempts }, 'daily post not delivered');
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
