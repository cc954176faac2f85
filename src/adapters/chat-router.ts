import type { ChatPort, MessageRef, PostMark, PostWindow, Target } from '../core/ports.js';
import type { Reply } from '../core/replies.js';

/**
 * One ChatPort over several adapters: a target goes to the adapter of its channel's platform
 * (the prefix of `discord:...`, `slack:...`, `console:...`).
 */
export class ChatRouter implements ChatPort {
  private readonly byPlatform = new Map<string, ChatPort>();

  register(platform: string, port: ChatPort): void {
    this.byPlatform.set(platform, port);
  }

  private route(target: Target): ChatPort {
    const platform = target.channelId.split(':', 1)[0]!;
    const port = this.byPlatform.get(platform);
    if (!port) throw new Error(`no adapter runs for ${platform} (channel ${target.channelId})`);
    return port;
  }

  send(target: Target, reply: Reply): Promise<MessageRef | null> {
    return this.route(target).send(target, reply);
  }

  edit(target: Target, ref: MessageRef, reply: Reply): Promise<void> {
    return this.route(target).edit(target, ref, reply);
  }

  /** Forwards to the channel's adapter; an adapter without history (the console) finds nothing. */
  async findPost(target: Target, mark: PostMark, window: PostWindow): Promise<MessageRef | null> {
    const port = this.route(target);
    return port.findPost ? port.findPost(target, mark, window) : null;
  }

  /** Forwards to the channel's adapter; an adapter that cannot tell reports nothing missing. */
  async checkPermissions(channelId: string): Promise<string[]> {
    const port = this.route({ channelId });
    return port.checkPermissions ? port.checkPermissions(channelId) : [];
  }
}
