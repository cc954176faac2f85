import { createInterface, type Interface } from 'node:readline';
import type { Bot } from '../../core/bot.js';
import type { Place } from '../../core/model.js';
import type { ChatPort, Logger, MessageRef, Target } from '../../core/ports.js';
import type { Reply } from '../../core/replies.js';
import type { PlatformAdapter } from '../platform-adapter.js';
import { renderPlain } from '../shared/plain-text.js';

const CONSOLE_PLACE: Place = { platform: 'console', scopeId: 'console', channelId: 'console:main' };

const BANNER = 'prepbot console. You are "you"; /as NAME switches user, /help lists commands, Ctrl-D quits.';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  logger: Logger;
}

/**
 * The local console: each input line is a command from the current user (`/as NAME` switches),
 * replies are printed as plain text. Every console user is an admin. Ends at end of input once
 * pending work is done.
 */
export class ConsoleAdapter implements ChatPort, PlatformAdapter {
  readonly platform = 'console' as const;
  readonly chat: ChatPort = this;
  /** Resolves once input has ended and pending grading is done. */
  readonly finished: Promise<void>;
  private resolveFinished!: () => void;
  private user = 'you';
  private messages = 0;
  private bot: Bot | null = null;
  private rl: Interface | null = null;

  constructor(private readonly opts: ConsoleOptions) {
    this.finished = new Promise((r) => (this.resolveFinished = r));
  }

  /** Prints the banner and starts reading input in the background. */
  async start(bot: Bot): Promise<void> {
    this.banner();
    void this.run(bot).then(this.resolveFinished, (err: unknown) => {
      this.opts.logger.error({ err }, 'console input failed');
      this.resolveFinished();
    });
  }

  async stop(): Promise<void> {
    this.rl?.close();
  }

  async send(target: Target, reply: Reply): Promise<MessageRef | null> {
    const shown = reply.kind === 'question' && !reply.closed ? { ...reply, footer: 'Answer with /answer <your answer>; /hint for a hint.' } : reply;
    this.print(this.label(target), renderPlain(shown));
    this.messages += 1;
    return `console-msg-${this.messages}`;
  }

  async edit(): Promise<void> {
    // Live answer counts would only repeat the post on a terminal; the next command shows fresh figures.
  }

  banner(): void {
    this.opts.output.write(`${BANNER}\n`);
  }

  /** Reads commands until end of input (or /quit), then waits for grading to finish. */
  async run(bot: Bot, onLine?: () => void): Promise<void> {
    this.bot = bot;
    const rl = createInterface({ input: this.opts.input, terminal: false, crlfDelay: Infinity });
    this.rl = rl;
    for await (const raw of rl) {
      const line = raw.trim();
      if (!line) continue;
      if (line === '/quit' || line === '/exit') break;
      await this.handleLine(line);
      // A terminal conversation is sequential: a score arrives before the next command is read.
      await bot.worker.idle();
      onLine?.();
    }
    rl.close();
    await bot.worker.idle();
  }

  private async handleLine(line: string): Promise<void> {
    if (!line.startsWith('/')) {
      this.print(`to ${this.user}`, 'Commands start with "/". Answer with /answer <your answer>; /help lists the rest.');
      return;
    }
    const [head, ...rest] = line.slice(1).split(/\s+/);
    const verb = (head ?? '').toLowerCase();
    const args = line.slice(1 + (head ?? '').length).trim();
    if (verb === 'as') {
      const name = rest.join(' ').trim();
      if (!/^[\p{L}\p{N}_.-]{1,32}$/u.test(name)) {
        this.print(`to ${this.user}`, 'Use /as NAME with a name of 1-32 letters, digits, "_", "." or "-".');
        return;
      }
      this.user = name;
      this.print(`to ${this.user}`, `You are now ${name}.`);
      return;
    }
    const actor = { id: `console:${this.user}`, platformId: this.user, name: this.user };
    const replies = await this.bot!.handle({ type: 'command', place: CONSOLE_PLACE, actor, verb, args });
    for (const r of replies) await this.send(r.visibility === 'public' ? { channelId: CONSOLE_PLACE.channelId } : { channelId: CONSOLE_PLACE.channelId, userId: actor.id }, r);
  }

  private label(target: Target): string {
    if (target.admins) return 'to admins';
    if (target.userId) return `to ${target.userId.replace(/^console:/, '')}`;
    if (target.threadOf) return '#main thread';
    return '#main';
  }

  private print(label: string, text: string): void {
    const lines = text.split('\n');
    this.opts.output.write(`[${label}] ${lines[0]}\n${lines.slice(1).map((l) => `  ${l}\n`).join('')}`);
  }
}
