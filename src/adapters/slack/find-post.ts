import { DeliveryError, type MessageRef, type PostMark, type PostWindow } from '../../core/ports.js';
import { toDeliveryError } from './delivery-errors.js';
import { messageRefOf } from './ids.js';
import type { SlackClients } from './workspace-clients.js';

/** The `event_type` of the metadata every tracked post carries. */
const POST_EVENT_TYPE = 'prepbot_post';

/**
 * Slack allows commercially distributed apps outside the Marketplace one history read a minute
 * (and 15 messages a read): prepbot reads a channel's history at most this often, and only the
 * small window around the attempts that may have posted.
 */
const HISTORY_READ_INTERVAL_MS = 60_000;
const HISTORY_LIMIT = 15;
/** Our clock and Slack's may differ a little: the window is widened by this much on both sides. */
const CLOCK_SLACK_MS = 60_000;

/** The metadata a tracked post carries: `prepbot_post` with its kind and key. */
export function postMetadata(mark: PostMark): { event_type: string; event_payload: Record<string, string> } {
  return { event_type: POST_EVENT_TYPE, event_payload: { kind: mark.kind, key: mark.key } };
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(6);

/**
 * Finds a post of the bot's again by its metadata: `conversations.history` of the channel (or
 * `conversations.replies` of a thread) with `include_all_metadata`, `oldest` and `latest` around
 * the window, at most {@link HISTORY_LIMIT} messages, at most one read a minute per channel.
 */
export class PostFinder {
  private readonly lastRead = new Map<string, number>();

  constructor(
    private readonly clients: SlackClients,
    private readonly now: () => number = Date.now,
  ) {}

  async find(team: string, channel: string, threadTs: string | undefined, mark: PostMark, window: PostWindow): Promise<MessageRef | null> {
    const lane = `${team}:${channel}`;
    const now = this.now();
    const last = this.lastRead.get(lane);
    if (last !== undefined && now - last < HISTORY_READ_INTERVAL_MS) {
      throw new DeliveryError('rate_limited', 'Slack allows one history read a minute in this channel', last + HISTORY_READ_INTERVAL_MS - now);
    }
    this.lastRead.set(lane, now);
    const range = { oldest: seconds(window.from - CLOCK_SLACK_MS), latest: seconds(window.to + CLOCK_SLACK_MS), inclusive: true, limit: HISTORY_LIMIT, include_all_metadata: true };
    let messages: HistoryMessage[];
    try {
      const client = await this.clients.forTeam(team);
      const res = threadTs
        ? await client.conversations.replies({ channel, ts: threadTs, ...range })
        : await client.conversations.history({ channel, ...range });
      messages = (res.messages ?? []) as HistoryMessage[];
    } catch (err) {
      throw toDeliveryError(err);
    }
    const found = messages.find(
      (m) => m.metadata?.event_type === POST_EVENT_TYPE && m.metadata.event_payload?.kind === mark.kind && String(m.metadata.event_payload?.key) === mark.key,
    );
    return found?.ts ? messageRefOf(channel, found.ts) : null;
  }
}
