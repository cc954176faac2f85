import type { ChatPort, MessageRef, Target } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';

export interface Sent {
  target: Target;
  reply: Reply;
  ref: string;
}

/** A ChatPort that records what the core sends, for assertions. */
export class RecordingChat implements ChatPort {
  readonly sent: Sent[] = [];
  readonly edits: { target: Target; ref: MessageRef; reply: Reply }[] = [];
  failNext: Error | null = null;
  private n = 0;

  async send(target: Target, reply: Reply): Promise<MessageRef | null> {
    if (this.failNext) {
      const err = this.failNext;
      this.failNext = null;
      throw err;
    }
    this.n += 1;
    const ref = `msg-${this.n}`;
    this.sent.push({ target, reply, ref });
    return ref;
  }

  async edit(target: Target, ref: MessageRef, reply: Reply): Promise<void> {
    this.edits.push({ target, ref, reply });
  }

  of<K extends Reply['kind']>(kind: K): (Sent & { reply: Extract<Reply, { kind: K }> })[] {
    return this.sent.filter((s) => s.reply.kind === kind) as (Sent & { reply: Extract<Reply, { kind: K }> })[];
  }

  /** Every piece of text sent to a channel in public (not privately to a user). */
  publicText(): string {
    return this.sent.filter((s) => !s.target.userId && !s.target.admins).map((s) => JSON.stringify(s.reply)).join('\n');
  }
}
