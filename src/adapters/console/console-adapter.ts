import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Bot } from '../../core/bot.js';
import { COMMANDS } from '../../core/commands/registry.js';
import type { Place } from '../../core/model.js';
import type { ChatPort, Logger, MessageRef, Target } from '../../core/ports.js';
import type { Reply, TextReply } from '../../core/replies.js';
import type { PlatformAdapter } from '../platform-adapter.js';
import { plural } from '../../core/display.js';
import { renderPlain, suggestFormText } from '../shared/plain-text.js';
import { ConsoleIo } from './console-io.js';

const CONSOLE_PLACE: Place = { platform: 'console', scopeId: 'console', channelId: 'console:main' };

const BANNER = 'prepbot console. You are "you"; /as NAME switches user, /help lists commands, Ctrl-D quits.';

/** The console's own verbs, which `/help` lists after the game's. */
const CONSOLE_HELP = [
  'On the console:',
  '  /as NAME: the next lines come from user NAME (every console user is an admin)',
  '  /suggest opens the suggestion form: labelled lines (question:, reference:, key points: one per line, topic:, difficulty:, hint:), then a line with a single "." to send it, or /cancel',
  '  /quit: finish grading and leave (or Ctrl-D)',
];

/** The suggestion form's end: a line holding only this sends what was typed. */
const FORM_END = '.';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  logger: Logger;
  /** Where files such as `export`'s CSV are written (beside the database); the working directory by default. */
  filesDir?: string;
  /** Where the logs go, said in the banner; absent when they go to stderr. */
  logFile?: string;
  /** Line editing, prompt and history; by default when input and output are terminals. */
  terminal?: boolean;
  /** Ctrl-C on an empty line at a terminal; by default the same as end of input. */
  onInterrupt?: () => void;
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
  private io: ConsoleIo | null = null;
  /** The lines typed into an open suggestion form, or null when none is open. */
  private form: string[] | null = null;

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
    this.io?.close();
  }

  async send(target: Target, reply: Reply): Promise<MessageRef | null> {
    const shown = reply.kind === 'question' && !reply.closed ? { ...reply, footer: 'Answer with /answer <your answer>; /hint for a hint.' } : reply;
    let text = shown.kind === 'text' && shown.folder ? this.saveFolder(shown.text, shown.folder) : shown.kind === 'text' && shown.file ? this.saveFile(shown.text, shown.file) : renderPlain(shown);
    // The digest's chart is written beside the database, and its path printed.
    if (shown.kind === 'digest' && shown.chart) text = this.saveFile(text, { name: shown.chart.name, content: shown.chart.png }, 'Chart saved to');
    this.print(this.label(target), text);
    this.messages += 1;
    return `console-msg-${this.messages}`;
  }

  async edit(): Promise<void> {
    // Live answer counts would only repeat the post on a terminal; the next command shows fresh figures.
  }

  banner(): void {
    const logs = this.opts.logFile ? `\nLogs go to ${shortPath(this.opts.logFile)}.` : '';
    this.opts.output.write(`${BANNER}${logs}\n`);
  }

  /** Reads commands until end of input (or /quit), then waits for grading to finish. */
  async run(bot: Bot, onLine?: () => void): Promise<void> {
    this.bot = bot;
    const stream = this.opts.output as NodeJS.WritableStream & { isTTY?: boolean };
    const input = this.opts.input as NodeJS.ReadableStream & { isTTY?: boolean };
    const io = new ConsoleIo({
      input: this.opts.input,
      output: this.opts.output,
      terminal: this.opts.terminal ?? Boolean(input.isTTY && stream.isTTY),
      words: () => [...COMMANDS.map((c) => `/${c.verb}`), '/as', '/quit'].sort(),
      onInterrupt: this.opts.onInterrupt ?? (() => io.close()),
    });
    this.io = io;
    io.prompt(this.user);
    for await (const raw of io.lines()) {
      const line = raw.trim();
      if (this.form) {
        await this.formLine(raw);
        io.prompt(this.form ? `${this.user} (suggestion)` : this.user);
        continue;
      }
      if (line === '/quit' || line === '/exit') break;
      if (line) {
        await this.handleLine(line);
        // A terminal conversation is sequential: a score arrives before the next command is read.
        await bot.worker.idle();
        onLine?.();
      }
      io.prompt(this.user);
    }
    io.close();
    // Input ended inside the form: what was typed is sent, so it is checked and kept, never lost.
    if (this.form?.some((l) => l.trim())) await this.formLine(FORM_END);
    await bot.worker.idle();
  }

  /** A line inside the suggestion form: collected, or "." to send it, or /cancel to leave it. */
  private async formLine(raw: string): Promise<void> {
    const line = raw.trim();
    if (line === '/cancel') {
      this.form = null;
      this.print(`to ${this.user}`, 'The suggestion form is closed; nothing was sent. Your earlier draft, if any, is kept.');
      return;
    }
    if (line !== FORM_END) {
      this.form!.push(raw);
      return;
    }
    const typed = this.form!.join('\n').trim();
    this.form = null;
    if (!typed) {
      this.print(`to ${this.user}`, 'Nothing was typed, so nothing was sent. /suggest opens the form again.');
      return;
    }
    await this.command('suggest', typed);
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
    await this.command(verb, args);
  }

  private async command(verb: string, args: string): Promise<void> {
    const actor = { id: `console:${this.user}`, platformId: this.user, name: this.user };
    const replies = await this.bot!.handle({ type: 'command', place: CONSOLE_PLACE, actor, verb, args });
    for (const r of replies) {
      if (r.kind === 'suggest-form') {
        // `/suggest` alone opens the form for the next lines; a sent form that came back waits for /suggest.
        const opening = verb === 'suggest' && !args.trim();
        this.print(`to ${this.user}`, suggestFormText(r, opening));
        if (opening) this.form = [];
        continue;
      }
      const shown = verb === 'help' && r.kind === 'text' ? { ...r, text: [r.text, ...CONSOLE_HELP].join('\n') } : r;
      await this.send(r.visibility === 'public' ? { channelId: CONSOLE_PLACE.channelId } : { channelId: CONSOLE_PLACE.channelId, userId: actor.id }, shown);
    }
  }

  /** Writes a reply's folder (`export pack`'s Markdown files) beside the database and says where. */
  private saveFolder(text: string, folder: NonNullable<TextReply['folder']>): string {
    const dir = join(resolve(this.opts.filesDir ?? '.'), folder.name.replace(/[\\/]/g, '-'));
    try {
      for (const f of folder.files) {
        const path = join(dir, ...f.path.split('/').filter((p) => p && p !== '..'));
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.content, 'utf8');
      }
      return `${text}\nSaved ${plural(folder.files.length, 'file')} to ${shortPath(dir)}; check them with: npm run content:check -- ${shortPath(dir)}`;
    } catch (err) {
      this.opts.logger.warn({ err, dir }, 'could not write a console folder');
      return `${text}\nI could not write ${shortPath(dir)}: ${(err as Error).message}`;
    }
  }

  /** Writes a reply's file (the CSV of `export`, the digest's chart) beside the database and says where; never prints its content. */
  private saveFile(text: string, file: NonNullable<TextReply['file']> | { name: string; content: Uint8Array }, saved = 'Saved to'): string {
    const dir = resolve(this.opts.filesDir ?? '.');
    const path = join(dir, file.name.replace(/[\\/]/g, '-'));
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, file.content);
      return `${text}\n${saved} ${shortPath(path)}`;
    } catch (err) {
      this.opts.logger.warn({ err, path }, 'could not write a console file');
      return `${text}\nI could not write ${shortPath(path)}: ${(err as Error).message}`;
    }
  }

  private label(target: Target): string {
    if (target.admins) return 'to admins';
    if (target.userId) return `to ${target.userId.replace(/^console:/, '')}`;
    if (target.threadOf) return '#main thread';
    return '#main';
  }

  private print(label: string, text: string): void {
    const lines = text.split('\n');
    const out = `[${label}] ${lines[0]}\n${lines.slice(1).map((l) => `  ${l}\n`).join('')}`;
    if (this.io) this.io.write(out);
    else this.opts.output.write(out);
  }
}

/** A path as the person at the console would type it: relative to the working directory when inside it. */
function shortPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(path);
}
