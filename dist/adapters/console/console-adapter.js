import { createInterface } from 'node:readline';
import { renderPlain } from '../shared/plain-text.js';
const CONSOLE_PLACE = { platform: 'console', scopeId: 'console', channelId: 'console:main' };
const BANNER = 'prepbot console. You are "you"; /as NAME switches user, /help lists commands, Ctrl-D quits.';
/**
 * The local console: each input line is a command from the current user (`/as NAME` switches),
 * replies are printed as plain text. Every console user is an admin. Ends at end of input once
 * pending work is done.
 */
export class ConsoleAdapter {
    opts;
    platform = 'console';
    chat = this;
    /** Resolves once input has ended and pending grading is done. */
    finished;
    resolveFinished;
    user = 'you';
    messages = 0;
    bot = null;
    rl = null;
    constructor(opts) {
        this.opts = opts;
        this.finished = new Promise((r) => (this.resolveFinished = r));
    }
    /** Prints the banner and starts reading input in the background. */
    async start(bot) {
        this.banner();
        void this.run(bot).then(this.resolveFinished, (err) => {
            this.opts.logger.error({ err }, 'console input failed');
            this.resolveFinished();
        });
    }
    async stop() {
        this.rl?.close();
    }
    async send(target, reply) {
        const shown = reply.kind === 'question' && !reply.closed ? { ...reply, footer: 'Answer with /answer <your answer>; /hint for a hint.' } : reply;
        this.print(this.label(target), renderPlain(shown));
        this.messages += 1;
        return `console-msg-${this.messages}`;
    }
    async edit() {
        // Live answer counts would only repeat the post on a terminal; the next command shows fresh figures.
    }
    banner() {
        this.opts.output.write(`${BANNER}\n`);
    }
    /** Reads commands until end of input (or /quit), then waits for grading to finish. */
    async run(bot, onLine) {
        this.bot = bot;
        const rl = createInterface({ input: this.opts.input, terminal: false, crlfDelay: Infinity });
        this.rl = rl;
        for await (const raw of rl) {
            const line = raw.trim();
            if (!line)
                continue;
            if (line === '/quit' || line === '/exit')
                break;
            await this.handleLine(line);
            // A terminal conversation is sequential: a score arrives before the next command is read.
            await bot.worker.idle();
            onLine?.();
        }
        rl.close();
        await bot.worker.idle();
    }
    async handleLine(line) {
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
        const replies = await this.bot.handle({ type: 'command', place: CONSOLE_PLACE, actor, verb, args });
        for (const r of replies)
            await this.send(r.visibility === 'public' ? { channelId: CONSOLE_PLACE.channelId } : { channelId: CONSOLE_PLACE.channelId, userId: actor.id }, r);
    }
    label(target) {
        if (target.admins)
            return 'to admins';
        if (target.userId)
            return `to ${target.userId.replace(/^console:/, '')}`;
        if (target.threadOf)
            return '#main thread';
        return '#main';
    }
    print(label, text) {
        const lines = text.split('\n');
        this.opts.output.write(`[${label}] ${lines[0]}\n${lines.slice(1).map((l) => `  ${l}\n`).join('')}`);
    }
}
