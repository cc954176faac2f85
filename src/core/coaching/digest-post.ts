import type { DepsWith } from '../context.js';
import type { PostKind, Rendered } from '../post-kind.js';
import type { DigestReply } from '../replies.js';
import type { PostIntent } from '../stores/post-store.js';
import { digestChart, digestFigures, digestRange } from './digest-figures.js';

export type DigestDeps = DepsWith<'digests' | 'channels' | 'admins', 'content' | 'clock' | 'logger' | 'chat' | 'charts'>;

export const DIGEST_POST = 'digest';
/** A digest that could not be posted within a day of its intent is given up: by then it is old news. */
const DEADLINE_MS = 24 * 3_600_000;

/** The key of one digest post: the channel, its ISO week and the last day it covers. */
export const digestKey = (channelId: string, week: string, through: string): string => `${channelId}|${week}|${through}`;

function parseKey(key: string): { channelId: string; week: string; through: string } | null {
  const parts = key.split('|');
  const through = parts.pop();
  const week = parts.pop();
  return through && week && parts.length ? { channelId: parts.join('|'), week, through } : null;
}

/**
 * The weekly digest as a post kind of {@link Posts}: drawn when it is sent (figures, and the chart
 * when a renderer is there), found again in the channel after a crash instead of being sent twice,
 * and marking its week done once it is in the channel.
 */
export class DigestPost implements PostKind {
  constructor(private readonly d: DigestDeps) {}

  async render(intent: PostIntent): Promise<Rendered | null> {
    const { store, content, logger, charts } = this.d;
    const k = parseKey(intent.key);
    if (!k || !store.channels.getChannel(k.channelId)) return null;
    // Another post made this week's digest (asked for on another day): this one is no longer wanted.
    if (store.digests.digestSentAt(k.channelId, k.week) !== null) return null;
    const range = digestRange(k.through);
    const scores = store.digests.dailyScores(k.channelId, range.from, range.to);
    const reply: DigestReply = { kind: 'digest', visibility: 'public', ...digestFigures(scores, k.through, content) };
    const chart = digestChart(scores, k.through, content);
    if (chart && charts) {
      try {
        const png = await charts.renderPng(chart);
        reply.chart = { name: `prepbot-digest-${k.week}.png`, png, alt: `${chart.title}: ${chart.series.map((s) => s.name).join(', ')}` };
      } catch (err) {
        logger.warn({ err, channelId: k.channelId }, 'could not draw the digest chart; posting the text alone');
      }
    }
    return { target: { channelId: k.channelId }, reply };
  }

  deadline(intent: PostIntent): number {
    return intent.createdAt + DEADLINE_MS;
  }

  delivered(intent: PostIntent, _ref: string | null, adopted: boolean): void {
    const k = parseKey(intent.key);
    if (!k) return;
    this.d.store.digests.digestDone(k.channelId, k.week, 'sent', this.d.clock.now());
    this.d.logger.info({ channelId: k.channelId, week: k.week, adopted }, 'weekly digest posted');
  }

  async failed(intent: PostIntent, error: Error): Promise<void> {
    this.d.logger.error({ err: error, key: intent.key, attempts: intent.attempts }, 'weekly digest not delivered');
  }

  abandoned(intent: PostIntent, reason: string): void {
    this.d.logger.warn({ key: intent.key, reason }, 'gave up posting the weekly digest');
  }
}
