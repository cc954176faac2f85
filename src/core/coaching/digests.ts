import { recordAction } from '../audit.js';
import type { Actor, ChannelSettings, Place } from '../model.js';
import type { Posts } from '../posts.js';
import { error, text, type Reply } from '../replies.js';
import { addDays, formatLocal, isoWeekday, localDate, weekKey, zonedInstant } from '../time.js';
import { digestFigures, digestRange } from './digest-figures.js';
import { DIGEST_POST, digestKey, DigestPost, type DigestDeps } from './digest-post.js';

/** How long a digest's send may take before its slot may be claimed again. */
const LEASE_MS = 10 * 60_000;

/**
 * The weekly digest of each scheduled channel: on Monday, at the channel's post time in its zone,
 * for the week that ended, and on demand (`digest`) for the seven days up to today; once per
 * channel and ISO week. The (channel, week) slot is claimed in the store before anything is sent,
 * so a repeated sweep, a restart or a second process never starts a week twice; the post itself is
 * a {@link DigestPost}, which a crash mid-send leaves to be found in the channel or sent once.
 */
export class Digests {
  constructor(
    private readonly d: DigestDeps,
    private readonly posts: Posts,
  ) {
    posts.register(DIGEST_POST, new DigestPost(d));
  }

  /** Posts the digests that are due now (the scheduler's sweep calls it); returns how many were posted. */
  async postDue(): Promise<number> {
    let posted = 0;
    const { chat } = this.d;
    for (const channel of this.d.store.channels.listChannels({ scheduled: true })) {
      // Another process's channels (a Discord shard's) get their digests there.
      if (chat.serves && !chat.serves(channel.channelId)) continue;
      try {
        if (this.dueWeek(channel) && (await this.post(channel, 'scheduled')) === 'sent') posted += 1;
      } catch (err) {
        this.d.logger.error({ err, channelId: channel.channelId }, 'weekly digest failed; the next sweep tries again');
      }
    }
    return posted;
  }

  /** `digest`: this week's digest now, unless it was posted already. */
  async postNow(actor: Actor, place: Place, channel: ChannelSettings): Promise<Reply[]> {
    const week = weekKey(localDate(this.d.clock.now(), channel.timezone));
    const sentAt = this.d.store.digests.digestSentAt(channel.channelId, week);
    if (sentAt !== null) return [text(`This week's digest was posted here on ${formatLocal(sentAt, channel.timezone)}; there is one a week. The next comes on Monday.`)];
    const outcome = await this.post(channel, 'asked');
    if (outcome === 'held') return [text("This week's digest is being posted right now.")];
    if (outcome === 'empty') return [text('Nobody answered a question of the day here in the last seven days, so there is no digest to post.')];
    if (outcome === 'failed') return [error('I could not post the digest in this channel. Check that prepbot may post and attach files here, then try again.')];
    recordAction(this.d, actor, place, 'digest', `week ${week}`);
    return [text('Posted the weekly digest in this channel.', 'private', 'success')];
  }

  /** The week whose digest is due now in the channel: Monday, from the post time on, in its zone. */
  private dueWeek(c: ChannelSettings): string | null {
    if (!c.postTime || c.paused || c.suspended) return null;
    const now = this.d.clock.now();
    const today = localDate(now, c.timezone);
    if (isoWeekday(today) !== 1 || now < zonedInstant(today, c.postTime, c.timezone)) return null;
    const week = weekKey(today);
    return this.d.store.digests.digestSentAt(c.channelId, week) === null ? week : null;
  }

  private async post(channel: ChannelSettings, why: 'scheduled' | 'asked'): Promise<'sent' | 'empty' | 'held' | 'failed'> {
    const { store, clock, content } = this.d;
    const now = clock.now();
    const today = localDate(now, channel.timezone);
    const week = weekKey(today);
    // Monday's digest is the week that ended; one asked for is the seven days up to now.
    const through = why === 'scheduled' ? addDays(today, -1) : today;
    const range = digestRange(through);
    const answers = digestFigures(store.digests.dailyScores(channel.channelId, range.from, range.to), through, content).answers;
    if (answers === 0 && why === 'asked') return 'empty';
    if (!store.digests.claimDigest(channel.channelId, week, now, now + LEASE_MS)) return 'held';
    if (answers === 0) {
      store.digests.digestDone(channel.channelId, week, 'empty', now);
      return 'empty';
    }
    const key = digestKey(channel.channelId, week, through);
    this.posts.plan(DIGEST_POST, key, channel.channelId);
    const outcome = await this.posts.deliver(DIGEST_POST, key, { force: why === 'asked' });
    if (outcome.status === 'sent' || outcome.status === 'adopted' || store.digests.digestSentAt(channel.channelId, week) !== null) return 'sent';
    if (outcome.status === 'busy') return 'held';
    // Asked for: the admin may try again at once. Scheduled: the post's own retries and the lease space them.
    if (why === 'asked') store.digests.releaseDigest(channel.channelId, week);
    return 'failed';
  }
}
