/**
 * The benchmarks' OpenAI-compatible model server: `POST /v1/chat/completions` answered after
 * `latencyMs` by the tests' keyword judge (so the real `openai` client and prepbot's LLM grader
 * run end to end), behind an optional request-rate limit that answers 429 as OpenAI does.
 *
 * The limit is a token bucket, the rule OpenAI documents ("limits are replenished continuously"):
 * it holds `perMinute` requests and refills at `perMinute / 60` a second; a request that finds it
 * empty is refused with 429, `retry-after-ms` (exact wait for the next token), `retry-after`
 * (the same, in whole seconds, rounded up) and `x-ratelimit-*` headers, and costs nothing.
 * So after an idle minute `perMinute` requests pass at once, and the k-th request of a burst
 * (k > perMinute) can pass no earlier than `(k - perMinute) * 60 / perMinute` seconds after the
 * bucket was full: see {@link rateLimitFloorMs}.
 *
 * Every admitted grading request is counted per answer (the answer text, read from the fenced
 * prompt), so a benchmark can check that no answer was graded twice; the coach's requests (a
 * follow-up question after a weak grade) get a coach's reply and are counted apart.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { coachReply, keywordJudge, parsePrompt, replyContent } from '../tests/stand-ins/openai-judge.js';

export interface LlmStandInOptions {
  /** Time to answer an admitted request, ms. */
  latencyMs: number;
  /** Requests a minute; unlimited when absent. */
  perMinute?: number;
}

export class LlmStandIn {
  /** Admitted (graded) requests per answer text. */
  readonly graded = new Map<string, number>();
  /** Admitted requests of the coach (follow-up questions), counted apart from grades. */
  coached = 0;
  admitted = 0;
  refused = 0;
  maxInFlight = 0;
  private inFlight = 0;
  private tokens = 0;
  private refilledAt = 0;
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly o: LlmStandInOptions,
  ) {
    this.reset();
  }

  static async start(o: LlmStandInOptions): Promise<LlmStandIn> {
    // eslint-disable-next-line prefer-const -- the handler needs it before it exists
    let standIn!: LlmStandIn;
    const server = createServer((req, res) => void standIn.handle(req, res));
    server.keepAliveTimeout = 60_000;
    standIn = new LlmStandIn(server, o);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  /** For `OPENAI_BASE_URL`. */
  get baseURL(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** A full bucket, as after an idle minute, and clean counts. */
  reset(): void {
    this.tokens = this.o.perMinute ?? Infinity;
    this.refilledAt = performance.now();
    this.graded.clear();
    this.admitted = 0;
    this.refused = 0;
    this.maxInFlight = 0;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Takes a token if there is one; else returns the wait for the next one, ms. */
  private take(): number {
    const limit = this.o.perMinute;
    if (limit === undefined) return 0;
    const now = performance.now();
    this.tokens = Math.min(limit, this.tokens + ((now - this.refilledAt) * limit) / 60_000);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return ((1 - this.tokens) * 60_000) / limit;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return send(res, 404, { error: { message: 'no such route', type: 'invalid_request_error' } });
    const wait = this.take();
    if (wait > 0) {
      this.refused += 1;
      return send(
        res,
        429,
        { error: { message: `Rate limit reached for requests: limit ${this.o.perMinute} per minute. Please try again in ${Math.ceil(wait)}ms.`, type: 'requests', code: 'rate_limit_exceeded' } },
        {
          'retry-after-ms': String(Math.ceil(wait)),
          'retry-after': String(Math.ceil(wait / 1000)),
          'x-ratelimit-limit-requests': String(this.o.perMinute),
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': `${Math.ceil(wait)}ms`,
        },
      );
    }
    this.admitted += 1;
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; messages: { role: string; content: unknown }[]; response_format?: { json_schema?: { name: string } } };
    // The coach's requests (follow-ups) fence the same answer; only grading requests count as grades.
    const grading = body.response_format?.json_schema?.name === 'grading';
    const prompt = parsePrompt(body.messages);
    const answer = prompt.answer ?? '';
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, this.o.latencyMs);
      this.timers.add(t);
    });
    this.inFlight -= 1;
    if (res.destroyed) return;
    if (grading) this.graded.set(answer, (this.graded.get(answer) ?? 0) + 1);
    else this.coached += 1;
    send(res, 200, {
      id: `chatcmpl-bench-${this.admitted}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: grading ? replyContent(keywordJudge(prompt.keyPoints, answer)) : coachReply(body), refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 300, completion_tokens: 80, total_tokens: 380 },
    });
  }
}

/**
 * The least time, ms after the first request, in which the bucket lets requests sent at `sentAt`
 * (ms, ascending) all through and answered: the k-th (1-based) passes at
 * `max(sentAt[k], (k - perMinute) * 60,000 / perMinute)` and is answered `latencyMs` later.
 */
export function rateLimitFloorMs(sentAt: number[], perMinute: number, latencyMs: number): number {
  const sorted = [...sentAt].sort((a, b) => a - b);
  const t0 = sorted[0] ?? 0;
  let last = 0;
  sorted.forEach((t, i) => {
    last = Math.max(last, t - t0, ((i + 1 - perMinute) * 60_000) / perMinute);
  });
  return last + latencyMs;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
