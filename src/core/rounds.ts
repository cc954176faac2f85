import { cmd } from './command-text.js';
import type { DepsWith } from './context.js';
import { PostDelivery, type Attempt, type RetryReport } from './delivery.js';
import { LiveCounts } from './live-counts.js';
import { plural } from './display.js';
import type { ChannelSettings, Question, Round } from './model.js';
import { notifyAdmins } from './notify.js';
import { postMark, ROUND_POST, SUMMARY_POST } from './post-identity.js';
import type { DeliveryError } from './ports.js';
import { asDeliveryError } from './post-kind.js';
import type { Posts } from './posts.js';
import { pickUnasked } from './question-picker.js';
import type { QuestionReply, SummaryReply } from './replies.js';
import { Summaries } from './summaries.js';
import { localDate } from './time.js';

export type PostOutcome =
  | { status: 'posted'; round: Round; question: Question; delivered: boolean; error?: DeliveryError }
  | { status: 'exists'; round: Round }
  | { status: 'no-questions' };

const HOUR = 3_600_000;

/** Rounds: posting the question of the day, live answer counts, closing with a summary. */
export class Rounds {
  /** Getting posts into channels: retries of failed posts, suspending lost channels. */
  readonly delivery: PostDelivery;
  /** The summaries of closed rounds. */
  readonly summaries: Summaries;
  /** The answer counts on open rounds' posts. */
  readonly liveCounts: LiveCounts;

  constructor(
    private readonly d: DepsWith<'rounds' | 'answers' | 'channels' | 'figures' | 'admins' | 'posts' | 'insights'>,
    private readonly posts: Posts,
  ) {
    this.delivery = new PostDelivery(d, posts, (round, question, channel) => this.questionReply(round, question, channel));
    this.summaries = new Summaries(d, posts);
    this.liveCounts = new LiveCounts(d.clock, d.options.liveCountIntervalMs, (roundId) => this.refreshPost(roundId));
  }

  roundHours(channel: ChannelSettings): number {
    return channel.roundHours ?? this.d.options.revealAfterHours;
  }

  /**
   * Posts today's question in the channel unless today's round exists. The (channel, local date)
   * slot is claimed in the store first, so a repeat, a restart or a second process posts nothing.
   * A post that fails keeps its round: it is retried by {@link retryUndelivered} and reported to the
   * admins once.
   */
  async postDaily(channelId: string, forDate?: string): Promise<PostOutcome> {
    const { store, clock, content, logger } = this.d;
    const channel = store.channels.getChannel(channelId);
    if (!channel) throw new Error(`unknown channel ${channelId}`);
    const now = clock.now();
    // The scheduler names the slot's date when it catches up a slot of the day before.
    const date = forDate ?? localDate(now, channel.timezone);
    const existing = store.rounds.getRoundByDate(channelId, date);
    if (existing) return { status: 'exists', round: existing };

    const candidates = content.byPacks(channel.packs, channel.scopeId);
    if (candidates.length === 0) return { status: 'no-questions' };
    let cycle = channel.cycle;
    const asked = new Set(store.rounds.askedQuestionIds(channelId, cycle));
    let pick = pickUnasked(candidates, asked, `${channelId}|${cycle}|${asked.size}`);
    let restarted = false;
    if (!pick.question) {
      cycle += 1;
      restarted = true;
      pick = pickUnasked(candidates, new Set(), `${channelId}|${cycle}|0`);
    }
    const question = pick.question!;

    const previous = store.rounds.getOpenRound(channelId);
    // The round and the intent of its post in one write; this process holds the post's first attempt.
    const lease = { owner: this.d.options.instanceId, until: now + this.d.options.leaseMs };
    const round = store.rounds.claimRound(
      { channelId, scopeId: channel.scopeId, localDate: date, questionId: question.id, cycle, postedAt: now, closesAt: now + this.roundHours(channel) * HOUR },
      lease,
    );
    if (!round) return { status: 'exists', round: store.rounds.getRoundByDate(channelId, date)! };
    if (restarted) store.channels.updateChannel(channelId, { cycle });
    if (previous) await this.close(previous, 'closed');

    const sent = await this.delivery.attempt(round);
    const delivered = sent.delivered;
    const error = sent.delivered ? undefined : sent.error;
    logger.info({ channelId, roundId: round.id, questionId: question.id, date, delivered }, 'round posted');

    const addPack = `Add a pack (${cmd(channel.platform, 'settings packs')}) to keep questions fresh.`;
    if (restarted) {
      await this.notifyAdmins(channelId, `Every question of this channel's packs has been asked, so the cycle restarts (cycle ${cycle}); repeated questions earn points again.`);
    } else if (pick.remaining === 0) {
      await this.notifyAdmins(channelId, `That was the last unasked question of this channel's packs; the next post restarts the cycle. ${addPack}`);
    } else if (pick.remaining <= 2) {
      await this.notifyAdmins(
        channelId,
        `Only ${plural(pick.remaining, 'unasked question')} left in this channel's packs; after that the cycle restarts. ${addPack}`,
      );
    }
    return { status: 'posted', round, question, delivered, error };
  }

  questionReply(round: Round, question: Question, channel: ChannelSettings | null): QuestionReply {
    return {
      kind: 'question',
      visibility: 'public',
      answerRef: `round:${round.id}`,
      mode: 'daily',
      questionId: question.id,
      prompt: question.prompt,
      topic: question.topic,
      difficulty: question.difficulty,
      pack: question.pack,
      answerCount: this.d.store.answers.roundAnswerCount(round.id),
      pingRole: channel?.pingRole ?? null,
      closesAt: round.closesAt,
      closed: round.status !== 'open',
    };
  }

  /** Shows the round's answer count and state on its post now; never fails the caller. */
  async refreshPost(roundId: number): Promise<void> {
    const round = this.d.store.rounds.getRound(roundId);
    if (!round?.messageRef) return;
    const question = this.d.content.get(round.questionId);
    if (!question) return;
    try {
      const target = { channelId: round.channelId, post: postMark(ROUND_POST, String(round.id)) };
      await this.d.chat.edit(target, round.messageRef, this.questionReply(round, question, this.d.store.channels.getChannel(round.channelId)));
    } catch (err) {
      this.d.logger.warn({ err, roundId }, 'could not update the answer count');
    }
  }

  /** Re-sends the posts that did not reach their channel, within CATCH_UP_HOURS (the scheduler's sweep calls it). */
  retryUndelivered(): Promise<RetryReport> {
    return this.delivery.retryUndelivered();
  }

  /**
   * Sends an open round's question again (its message was deleted, or the first post failed) and
   * makes the new message the round's: live counts and the summary thread follow it. Never a
   * second round. A post still pending gets its next attempt now (looking first, so a post an
   * interrupted attempt made is adopted, not doubled); a delivered one is posted anew.
   */
  async repost(round: Round): Promise<Attempt> {
    const { store, content, chat } = this.d;
    const question = content.get(round.questionId);
    const channel = store.channels.getChannel(round.channelId);
    if (!question || !channel) throw new Error(`round ${round.id} has no question or channel`);
    if (store.posts.getPost(ROUND_POST, String(round.id))?.status === 'pending') return this.delivery.attempt(round, { force: true });
    try {
      const target = { channelId: round.channelId, post: postMark(ROUND_POST, String(round.id)) };
      const ref = await chat.send(target, this.questionReply(store.rounds.getRound(round.id) ?? round, question, channel));
      store.rounds.roundDelivered(round.id, ref);
      return { delivered: true };
    } catch (err) {
      return { delivered: false, error: asDeliveryError(err) };
    }
  }

  /**
   * Closes a round and posts its summary in the post's thread; only the call that closes it posts
   * (the summary's intent is planned as the round closes, so a crash in between loses nothing).
   * A round whose post never reached the channel closes quietly. `skipped`: no points, no ranking.
   */
  async close(round: Round, status: 'closed' | 'skipped' = 'closed'): Promise<boolean> {
    const { store, clock, logger } = this.d;
    if (!store.rounds.closeRound(round.id, clock.now(), status)) return false;
    if (store.posts.getPost(SUMMARY_POST, String(round.id))) await this.posts.deliver(SUMMARY_POST, String(round.id));
    this.liveCounts.forget(round.id);
    await this.refreshPost(round.id);
    logger.info({ roundId: round.id, channelId: round.channelId, status }, 'round closed');
    return true;
  }

  /** Closes every open round whose time is up (also after downtime). */
  async closeDue(): Promise<number> {
    const now = this.d.clock.now();
    let closed = 0;
    const serves = this.d.chat.serves?.bind(this.d.chat) ?? (() => true);
    for (const round of this.d.store.rounds.listOpenRounds()) {
      // Another process's channels (a Discord shard's) are closed there, where their summaries are posted.
      if (!serves(round.channelId)) continue;
      if (round.closesAt <= now && (await this.close(round))) closed += 1;
    }
    return closed;
  }

  summary(round: Round, skipped = false): SummaryReply {
    return this.summaries.summary(round, skipped);
  }

  async notifyAdmins(channelId: string, message: string): Promise<void> {
    await notifyAdmins(this.d, channelId, message);
  }
}
