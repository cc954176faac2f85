import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';

export interface ConsoleIoOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Line editing, a prompt, history and Ctrl-L (a person at a terminal); else plain lines (piped input). */
  terminal: boolean;
  /** What Tab completes a line's first word to (`/leaderboard`...). */
  words: () => string[];
  /** Ctrl-C on an empty line (in terminal mode the terminal sends no SIGINT of its own). */
  onInterrupt: () => void;
}

/**
 * The console's input and output. At a terminal it is node:readline with a terminal: a prompt
 * naming the current user, arrow keys, history (up and down), Tab completion of verbs, Ctrl-L to
 * clear the screen, Ctrl-C to clear the line (or quit on an empty one), Ctrl-D to quit. Output that
 * arrives while the prompt waits (a scheduled post) is printed above the prompt, which is drawn
 * again with what was typed so far. Piped input is read line by line, with no prompt and no echo.
 */
export class ConsoleIo {
  private readonly rl: Interface;
  /** The prompt is on screen, waiting for a line. */
  private waiting = false;

  constructor(private readonly o: ConsoleIoOptions) {
    this.rl = createInterface({
      input: o.input,
      ...(o.terminal ? { output: o.output, terminal: true, historySize: 1000, removeHistoryDuplicates: true, completer: (line: string) => this.complete(line) } : { terminal: false }),
      crlfDelay: Infinity,
    });
    if (o.terminal) {
      this.rl.on('SIGINT', () => {
        if (!this.rl.line) return o.onInterrupt();
        // Like a shell: Ctrl-C drops the line being typed.
        this.rl.write(null, { ctrl: true, name: 'e' });
        this.rl.write(null, { ctrl: true, name: 'u' });
      });
    }
  }

  get terminal(): boolean {
    return this.o.terminal;
  }

  /** The lines typed or piped in, until end of input (Ctrl-D) or {@link close}. */
  async *lines(): AsyncGenerator<string> {
    for await (const line of this.rl) {
      this.waiting = false;
      yield line;
    }
    // Ctrl-D leaves the cursor after the prompt; the shell's prompt belongs on a line of its own.
    if (this.o.terminal) this.o.output.write('\n');
  }

  /** Shows the prompt for the next line (terminal only). */
  prompt(user: string): void {
    if (!this.o.terminal) return;
    this.rl.setPrompt(`${user}> `);
    this.waiting = true;
    this.rl.prompt();
  }

  write(text: string): void {
    if (!this.waiting) {
      this.o.output.write(text);
      return;
    }
    clearLine(this.o.output, 0);
    cursorTo(this.o.output, 0);
    this.o.output.write(text);
    this.rl.prompt(true);
  }

  close(): void {
    this.rl.close();
  }

  private complete(line: string): [string[], string] {
    if (/\s/.test(line)) return [[], line];
    const all = this.o.words();
    const hits = all.filter((w) => w.startsWith(line));
    return [hits.length ? hits : all, line];
  }
}
