import { RESTJSONErrorCodes, type Client, type SendableChannels, type MessageCreateOptions, type Guild } from 'discord.js';
import { DeliveryError, type ChatPort, type Logger, type MessageRef, type PostMark, type PostWindow, type Target } from '../../core/ports.js';
import type { Reply } from '../../core/replies.js';
import { adminRecipientIds } from './admin-recipients.js';
import { discordCode, loggable, toDeliveryError } from './delivery-errors.js';
import { INVITE_PERMISSIONS } from './invite.js';
import { messageRefOf, parseChannelId, parseMessageRef, parsePersonalId, parseUserId } from './ids.js';
import { LIMITS, shorten } from './limits.js';
import { findMarked, markMessages } from './post-marks.js';
import { pingRoleId, renderReply, type DiscordMessage } from './render.js';
import type { ReplyRoutes } from './reply-routes.js';
import { appendResponse, replaceResponse } from './respond.js';

/** The client the chat sends through, and the adapter's shared state. */
export interface DiscordChatOptions {
  client: Client;
  routes: ReplyRoutes;
  logger: Logger;
  /** Platform user ids with admin rights (ADMIN_USER_IDS): told privately when a notice names no recipients. */
  adminUserIds: readonly string[];
  /** How long a delivery asked for before the gateway is ready waits for it. Default 30 s. */
  connectWaitMs?: number;
}

/**
 * The core's ChatPort on Discord: channel posts (the daily question with its Answer button),
 * summaries in a thread on the round's post, private replies (the deferred interaction when it is
 * still live, else a DM), admin notices by DM, and edits of a round's post (its live count).
 * Discord's refusals come back as {@link DeliveryError}s.
 */
export class DiscordChat implements ChatPort {
  private state: 'connecting' | 'connected' | 'closed' = 'connecting';
  private readonly waiters = new Set<(ok: boolean) => void>();
  /** Admins each notice has reached, so a notice sent again after a rate limit reaches the rest, not them twice. */
  private readonly told = new WeakMap<Reply, Set<string>>();

  constructor(private readonly o: DiscordChatOptions) {}

  /**
   * Called by the adapter when the gateway is ready (`true`) or will not be (`false`: start-up
   * failed, or the adapter stopped). Grades resumed at start may ask to be delivered before the
   * gateway is ready; they wait for this instead of failing.
   */
  connected(ok: boolean): void {
    this.state = ok ? 'connected' : 'closed';
    for (const w of this.waiters) w(ok);
    this.waiters.clear();
  }

  async send(target: Target, reply: Reply): Promise<MessageRef | null> {
    const place = await this.place(target.channelId);
    const messages = markMessages(renderReply(reply, place ?? undefined), target.post);
    if (target.userId) {
      await this.toUser(target, messages);
      return null;
    }
    // A member's own space (DMs, a user install) takes private replies only: nothing is posted or announced there.
    if (!place) throw new DeliveryError('failed', `${target.channelId} is a member's own space, which takes private replies only`);
    if (target.admins) {
      await this.toAdmins(place.guildId, reply, messages, target.recipients);
      return null;
    }
    if (target.threadOf) {
      const ref = parseMessageRef(target.threadOf);
      if (ref) {
        await this.toThread(ref, reply, messages);
        return null;
      }
    }
    return this.toChannel(place.channelId, reply, messages);
  }

  async edit(target: Target, ref: MessageRef, reply: Reply): Promise<void> {
    await this.place(target.channelId);
    const msg = parseMessageRef(ref);
    if (!msg) throw new DeliveryError('failed', `not a Discord message reference: ${ref}`);
    const [first] = markMessages(renderReply(reply), target.post && { ...target.post, nonce: undefined });
    const channel = await this.channel(msg.channelId);
    try {
      await channel.messages.edit(msg.messageId, { content: first?.content ?? '', embeds: first?.embeds ?? [], components: first?.components ?? [] });
    } catch (err) {
      throw toDeliveryError(err, `the edit of message ${msg.messageId}`);
    }
  }

  /** The bot's own message carrying the post's mark, in the channel (or the thread) since the window began. */
  async findPost(target: Target, mark: PostMark, window: PostWindow): Promise<MessageRef | null> {
    const place = await this.place(target.channelId);
    if (!place) return null;
    const thread = target.threadOf ? parseMessageRef(target.threadOf) : null;
    const where = thread ? thread.messageId : place.channelId;
    const id = await findMarked(this.o.client, where, mark, window);
    return id ? messageRefOf(where, id) : null;
  }

  /**
   * What the bot lacks in a channel to run a round: see it, post, embed, start the summary thread
   * and post in it. Worked out from the cached roles and overwrites, so it costs no request.
   */
  async checkPermissions(channelId: string): Promise<string[]> {
    const place = await this.place(channelId);
    if (!place) return [];
    const channel = await this.channel(place.channelId);
    if (channel.isDMBased() || !('permissionsFor' in channel)) return [];
    let me = channel.guild.members.me;
    try {
      me ??= await channel.guild.members.fetchMe();
    } catch (err) {
      throw toDeliveryError(err, `server ${place.guildId}`);
    }
    const granted = channel.permissionsFor(me);
    return NEEDED.filter(([bit]) => !granted.has(bit)).map(([, name]) => name);
  }

  /** A server channel's guild and channel; null for a member's own space (`discord:dm:<user>`). */
  private async place(channelId: string): Promise<{ guildId: string; channelId: string } | null> {
    if (this.state !== 'connected' && !(await this.untilConnected())) throw new DeliveryError('failed', 'Discord is not connected');
    const place = parseChannelId(channelId);
    if (!place && !parsePersonalId(channelId)) throw new DeliveryError('failed', `not a Discord channel: ${channelId}`);
    return place;
  }

  private untilConnected(): Promise<boolean> {
    if (this.state === 'closed') return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        resolve(false);
      }, this.o.connectWaitMs ?? 30_000);
      timer.unref();
      const done = (ok: boolean) => {
        clearTimeout(timer);
        resolve(ok);
      };
      this.waiters.add(done);
    });
  }

  private async toChannel(channelId: string, reply: Reply, messages: DiscordMessage[]): Promise<MessageRef> {
    const channel = await this.channel(channelId);
    const role = reply.kind === 'question' ? pingRoleId(reply.pingRole) : null;
    let firstId: string | null = null;
    for (const m of messages) {
      const options: MessageCreateOptions = role && m.content?.includes(`<@&${role}>`) ? { ...m, allowedMentions: { parse: [], roles: [role] } } : m;
      try {
        const sent = await channel.send(options);
        firstId ??= sent.id;
      } catch (err) {
        throw toDeliveryError(err, `a post in channel ${channelId}`);
      }
    }
    return messageRefOf(channelId, firstId!);
  }

  /** Posts in the thread of a message, starting it when needed (a thread started on a message has the message's id). */
  private async toThread(ref: { channelId: string; messageId: string }, reply: Reply, messages: DiscordMessage[]): Promise<void> {
    const parent = await this.channel(ref.channelId);
    let thread: SendableChannels;
    try {
      if (!('threads' in parent)) throw new DeliveryError('failed', `channel ${ref.channelId} cannot hold threads`);
      thread = await parent.threads.create({ startMessage: ref.messageId, name: threadName(reply) });
    } catch (err) {
      if (discordCode(err) !== RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) throw toDeliveryError(err, `a thread on message ${ref.messageId}`);
      thread = await this.channel(ref.messageId);
    }
    for (const m of messages) {
      try {
        await thread.send(m);
      } catch (err) {
        throw toDeliveryError(err, `a post in the thread of message ${ref.messageId}`);
      }
    }
  }

  /** A private reply: into the interaction it answers while that is live, else by DM. */
  private async toUser(target: Target, messages: DiscordMessage[]): Promise<void> {
    const userId = parseUserId(target.userId!);
    if (!userId) throw new DeliveryError('failed', `not a Discord user: ${target.userId}`);
    const route = target.dm ? null : this.o.routes.get(target.replyRoute);
    if (route) {
      try {
        // A further message (an interview's next question) follows the reply instead of replacing it.
        await route.run(() => (target.append ? appendResponse(route.interaction, messages) : replaceResponse(route.interaction, messages)));
        return;
      } catch (err) {
        this.o.logger.warn({ err: loggable(err), userId, route: route.key }, 'could not reply through the interaction; sending a DM instead');
      }
    }
    await this.dm(userId, messages);
  }

  /**
   * Tells the admins of a server privately, by DM (see {@link adminRecipientIds}); never in a
   * channel. A rate limit is handed to the send queue, which sends the notice again after the wait:
   * it then reaches the admins not told yet.
   */
  private async toAdmins(guildId: string, reply: Reply, messages: DiscordMessage[], recipients: readonly string[] | undefined): Promise<void> {
    const guild = await this.guild(guildId);
    const told = this.told.get(reply) ?? new Set<string>();
    this.told.set(reply, told);
    for (const id of await adminRecipientIds(guild, recipients, this.o.adminUserIds, this.o.logger)) {
      if (told.has(id)) continue;
      try {
        await this.dm(id, messages);
        told.add(id);
      } catch (err) {
        if (err instanceof DeliveryError && err.code === 'rate_limited') throw err;
        this.o.logger.warn({ err: loggable(err), userId: id, guildId }, 'could not DM an admin');
      }
    }
    if (told.size === 0) this.o.logger.warn({ guildId }, 'no admin of this server could be reached by DM; the notice was not delivered');
  }

  private async dm(userId: string, messages: DiscordMessage[]): Promise<void> {
    try {
      const channel = await this.o.client.users.createDM(userId);
      for (const m of messages) await channel.send(m);
    } catch (err) {
      throw toDeliveryError(err, `a direct message to user ${userId}`);
    }
  }

  private async channel(id: string): Promise<SendableChannels> {
    let channel;
    try {
      channel = await this.o.client.channels.fetch(id);
    } catch (err) {
      throw toDeliveryError(err, `channel ${id}`);
    }
    if (!channel) throw new DeliveryError('channel_gone', `channel ${id} no longer exists`);
    if (!channel.isSendable()) throw new DeliveryError('failed', `channel ${id} cannot hold messages`);
    return channel;
  }

  private async guild(id: string): Promise<Guild> {
    try {
      return this.o.client.guilds.cache.get(id) ?? (await this.o.client.guilds.fetch(id));
    } catch (err) {
      throw toDeliveryError(err, `server ${id}`);
    }
  }
}

/** What a round needs in its channel, with the names Discord's settings use (those of the invite link). */
const NEEDED = (['View Channel', 'Send Messages', 'Embed Links', 'Create Public Threads', 'Send Messages in Threads'] as const).map((name) => [INVITE_PERMISSIONS[name], name] as const);

function threadName(reply: Reply): string {
  const title = reply.kind === 'summary' ? `Summary: ${reply.questionPrompt}` : 'prepbot';
  return shorten(title, LIMITS.threadName);
}
