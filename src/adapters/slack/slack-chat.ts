import { zipFolder } from '../shared/zip-folder.js';
import { DeliveryError, type ChatPort, type Logger, type MessageRef, type PostMark, type PostWindow, type Target } from '../../core/ports.js';
import type { DigestReply, Reply } from '../../core/replies.js';
import { adminRecipientIds } from './admin-recipients.js';
import { slackErrorCode, toDeliveryError } from './delivery-errors.js';
import { escapeMrkdwn } from './escape.js';
import { PostFinder, postMetadata } from './find-post.js';
import { isDmChannel, messageRefOf, parseMessageRef, parseSlackId } from './ids.js';
import { renderMessage, type SlackMessage } from './render.js';
import type { UserDirectory } from './users.js';
import type { SlackClients } from './workspace-clients.js';

/** Ephemeral failures a DM gets around: the bot is not in the channel, or cannot see it. */
const EPHEMERAL_FALLBACK = new Set(['not_in_channel', 'channel_not_found', 'user_not_in_channel', 'is_archived', 'channel_is_archived']);

export interface SlackChatOptions {
  /** ADMIN_USER_IDS: who gets `target.admins` messages without recipients, in the workspace each belongs to. */
  adminUserIds: string[];
  logger: Logger;
  /** The clock of the history reads' one-a-minute limit (Date.now by default). */
  now?: () => number;
}

/**
 * The core's ChatPort on Slack: replies rendered to Block Kit and sent through the Web API. Public
 * replies are posted (returning `<channel>:<ts>` refs for edits and threads), private ones are
 * ephemeral in the channel or a DM, admin notices are DMs to the admins of that workspace. Every
 * call goes out with the client of the workspace the target is in (its bot token, with many).
 */
export class SlackChat implements ChatPort {
  private readonly logger: Logger;
  /** Admins each notice has reached, so a notice sent again after a rate limit reaches the rest, not them twice. */
  private readonly told = new WeakMap<Reply, Set<string>>();
  private readonly finder: PostFinder;

  constructor(
    private readonly clients: SlackClients,
    private readonly users: UserDirectory,
    private readonly opts: SlackChatOptions,
  ) {
    this.logger = opts.logger.child({ component: 'slack-chat' });
    this.finder = new PostFinder(clients, opts.now);
  }

  async send(target: Target, reply: Reply): Promise<MessageRef | null> {
    const where = parseSlackId(target.channelId);
    if (!where) throw new DeliveryError('failed', `${target.channelId} is not a Slack channel`);
    if (target.admins) {
      await this.toAdmins(where.team, reply, target.recipients);
      return null;
    }
    if (target.userId) {
      const user = parseSlackId(target.userId)?.id ?? target.userId;
      return this.toPerson(where.team, where.id, user, reply, target.dm ?? false);
    }
    const thread = target.threadOf ? parseMessageRef(target.threadOf) : null;
    const ref = await this.post(where.team, where.id, renderMessage(reply), thread?.ts, target.post);
    if (reply.kind === 'digest' && reply.chart) await this.uploadChart(where.team, where.id, reply.chart);
    return ref;
  }

  /** A post of the bot's with this mark, by its metadata, in the channel (or the thread) during the window. */
  async findPost(target: Target, mark: PostMark, window: PostWindow): Promise<MessageRef | null> {
    const where = parseSlackId(target.channelId);
    if (!where) throw new DeliveryError('failed', `${target.channelId} is not a Slack channel`);
    const thread = target.threadOf ? parseMessageRef(target.threadOf) : null;
    if (target.threadOf && !thread) return null;
    return this.finder.find(where.team, thread?.channel ?? where.id, thread?.ts, mark, window);
  }

  /**
   * The digest's chart, right under its text: files.uploadV2 (get an upload URL, send the bytes,
   * complete it into the channel). The text is posted by then, so a failed upload is logged, not
   * thrown: sending the digest again would post its text twice.
   */
  private async uploadChart(team: string, channel: string, chart: NonNullable<DigestReply['chart']>): Promise<void> {
    try {
      const client = await this.clients.forTeam(team);
      await client.filesUploadV2({ channel_id: channel, file: Buffer.from(chart.png), filename: chart.name, title: 'Scores by topic', alt_text: chart.alt.slice(0, 1_000) });
    } catch (err) {
      this.logger.warn({ err, channel, code: slackErrorCode(err) }, 'could not upload the digest chart (files:write scope?); the digest went without it');
    }
  }

  /** One `chat.update` of a message sent earlier (a round's post with its live answer count). */
  async edit(target: Target, ref: MessageRef, reply: Reply): Promise<void> {
    const m = parseMessageRef(ref);
    const where = parseSlackId(target.channelId);
    if (!m || !where) {
      this.logger.warn({ ref }, 'not a Slack message reference; nothing to update');
      return;
    }
    const message = renderMessage(reply);
    try {
      await (await this.clients.forTeam(where.team)).chat.update({ channel: m.channel, ts: m.ts, text: message.text, blocks: message.blocks, ...(target.post ? { metadata: postMetadata(target.post) } : {}) });
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  /**
   * What the bot lacks to run a round in the channel. On Slack that is membership (without
   * `chat:write.public` a bot posts only where it was invited); an archived or invisible channel is
   * `channel_gone`. Without the read scopes (an app installed from an older manifest) it cannot
   * tell, and says nothing is missing: the post itself then reports what happens.
   */
  async checkPermissions(channelId: string): Promise<string[]> {
    const where = parseSlackId(channelId);
    if (!where || isDmChannel(where.id)) return [];
    try {
      const res = await (await this.clients.forTeam(where.team)).conversations.info({ channel: where.id });
      if (res.channel?.is_archived) throw new DeliveryError('channel_gone', 'this channel is archived');
      return res.channel?.is_member === false ? ['channel membership (invite it with /invite @prepbot)'] : [];
    } catch (err) {
      if (err instanceof DeliveryError) throw err;
      if (slackErrorCode(err) === 'missing_scope') return [];
      throw toDeliveryError(err);
    }
  }

  /** Posts in a channel of `team` (or a thread of it), with the post's metadata when it is a tracked post; returns the message's ref. */
  async post(team: string, channel: string, message: SlackMessage, threadTs?: string, mark?: PostMark): Promise<MessageRef> {
    try {
      const res = await (await this.clients.forTeam(team)).chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(mark ? { metadata: postMetadata(mark) } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      return messageRefOf(res.channel ?? channel, res.ts ?? '0.0');
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  /**
   * Privately to one member: ephemeral in the channel, or a DM when asked, when the place is the
   * app's DM, or when Slack refuses the ephemeral message (the bot is not in that channel).
   */
  async toPerson(team: string, channel: string, user: string, reply: Reply, dm = false): Promise<MessageRef | null> {
    if (reply.kind === 'text' && reply.file) {
      await this.sendFile(team, user, reply.text, { name: reply.file.name, content: reply.file.content });
      return null;
    }
    if (reply.kind === 'text' && reply.folder) {
      await this.sendFile(team, user, reply.text, { name: `${reply.folder.name}.zip`, content: zipFolder(reply.folder) });
      return null;
    }
    const message = renderMessage(reply);
    if (!dm && !isDmChannel(channel)) {
      try {
        await (await this.clients.forTeam(team)).chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks });
        return null;
      } catch (err) {
        const code = slackErrorCode(err);
        if (!code || !EPHEMERAL_FALLBACK.has(code)) throw toDeliveryError(err);
        this.logger.info({ channel, code }, 'ephemeral message refused; sending a DM instead');
      }
    }
    return this.post(team, user, message);
  }

  /** A file (the CSV of `export`, the zip of `export pack`) into the member's DM with the app, with the reply's text. */
  private async sendFile(team: string, user: string, text: string, file: { name: string; content: string | Buffer }): Promise<void> {
    try {
      const client = await this.clients.forTeam(team);
      const open = await client.conversations.open({ users: user });
      const channel = open.channel?.id;
      if (!channel) throw new DeliveryError('failed', 'Slack did not open a DM for the file');
      const body = typeof file.content === 'string' ? { content: file.content } : { file: file.content };
      await client.filesUploadV2({ channel_id: channel, filename: file.name, title: file.name, ...body, initial_comment: escapeMrkdwn(text) });
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  /**
   * DMs the admins of this workspace ({@link adminRecipientIds}), never a channel. A rate limit is
   * handed to the send queue, which sends the notice again after the wait: it then reaches the
   * admins not told yet. With nobody to tell, a warning in the log.
   */
  private async toAdmins(team: string, reply: Reply, recipients: readonly string[] | undefined): Promise<void> {
    const message = renderMessage(reply);
    const told = this.told.get(reply) ?? new Set<string>();
    this.told.set(reply, told);
    for (const id of await adminRecipientIds(team, recipients, this.opts.adminUserIds, this.users, this.logger)) {
      if (told.has(id)) continue;
      try {
        await this.post(team, id, message);
        told.add(id);
      } catch (err) {
        if (err instanceof DeliveryError && err.code === 'rate_limited') throw err;
        this.logger.warn({ err, userId: id, team }, 'could not DM an admin');
      }
    }
    if (told.size === 0) this.logger.warn({ team, kind: reply.kind }, 'no admin of this workspace to tell privately; add one with admins add or ADMIN_USER_IDS');
  }
}
