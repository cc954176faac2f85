import type { ChatPort, MessageRef, PostMark, PostWindow, Target } from '../core/ports.js';
import type { Reply } from '../core/replies.js';

/**
 * One ChatPort over several adapters: a target goes to the adapter of its channel's platform
 * (the prefix of `discord:...`, `slack:...`, `console:...`).
 */
export class ChatRouter implements ChatPort {
  private readonly byPlatform = new Map<string, ChatPort>();
  private readonly owners = new Map<string, (channelId: string) => boolean>();

  /** `serves`: which of the platform's channels this process looks after (a Discord shard's servers); all when absent. */
  register(platform: string, port: ChatPort, serves?: (channelId: string) => boolean): void {
    this.byPlatform.set(platform, port);
    if (serves) this.owners.set(platform, serves);
  }

  /** False for a platform no adapter runs here, and for channels its adapter leaves to another process. */
  serves(channelId: string): boolean {
    const platform = channelId.split(':', 1)[0]!;
    if (!this.byPlatform.has(platform)) return false;
    return this.owners.get(platform)?.(channelId) ?? true;
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
