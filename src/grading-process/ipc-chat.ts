import { DeliveryError, type ChatPort, type MessageRef, type Target } from '../core/ports.js';
import type { Reply } from '../core/replies.js';
import type { FromGrader, WireError } from './protocol.js';

/**
 * The grading process's ChatPort: each reply goes to the bot over IPC and is delivered by the
 * bot's own platform adapters (their connections, rate-limit queues and caches live there). The
 * promise settles with the bot's answer, failures as the same {@link DeliveryError} the adapter threw.
 */
export class IpcChat implements ChatPort {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (ref: MessageRef | null) => void; reject: (err: Error) => void }>();

  constructor(private readonly post: (message: FromGrader) => void) {}

  send(target: Target, reply: Reply): Promise<MessageRef | null> {
    return this.call((id) => ({ type: 'chat', id, method: 'send', target, reply }));
  }

  async edit(target: Target, ref: MessageRef, reply: Reply): Promise<void> {
    await this.call((id) => ({ type: 'chat', id, method: 'edit', target, ref, reply }));
  }

  /** The bot's answer to request `id`. */
  settle(id: number, result: { ref: MessageRef | null } | { error: WireError }): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if ('error' in result) p.reject(new DeliveryError(result.error.code, result.error.message, result.error.retryAfterMs));
    else p.resolve(result.ref);
  }

  /** Fails every request still waiting (the bot went away). */
  failAll(reason: string): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new DeliveryError('failed', reason));
    }
  }

  private call(message: (id: number) => FromGrader): Promise<MessageRef | null> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.post(message(id));
      } catch (err) {
        this.pending.delete(id);
        reject(new DeliveryError('failed', `the bot could not be reached: ${err instanceof Error ? err.message : String(err)}`));
      }
    });
  }
}
