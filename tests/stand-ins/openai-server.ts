/**
 * A local OpenAI-compatible server for tests: `POST /v1/chat/completions` over real HTTP, so the
 * real `openai` client is exercised end to end. Each request takes the next scripted step (then
 * `mode`): grade with a keyword judge, return scripted verdicts or raw content, answer 429 / 500
 * with headers, stall (for timeouts), refuse, reject `temperature`, or obey the attack in the
 * answer. Every request is recorded for assertions (temperature, json_schema, fencing, counts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { coachReply, inventingJudge, keywordJudge, obedientJudge, parsePrompt, replyContent, type ParsedPrompt, type StandInVerdict } from './openai-judge.js';

export type Step =
  | { kind: 'judge' }
  | { kind: 'attacked' }
  | { kind: 'invent' }
  | { kind: 'verdicts'; verdicts: StandInVerdict[]; advice?: string }
  | { kind: 'content'; content: string | null; finishReason?: string; refusal?: string }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'stall'; ms: number; then?: Step }
  /** Accepts the request and answers nothing until `release()` (a sick server: connections open, no reply). */
  | { kind: 'hold' }
  | { kind: 'reject-temperature' };

export interface RecordedRequest {
  body: {
    model: string;
    messages: { role: string; content: unknown }[];
    temperature?: number;
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
    [k: string]: unknown;
  };
  headers: IncomingMessage['headers'];
  prompt: ParsedPrompt;
  step: Step['kind'];
}

export class OpenAiStandIn {
  /** Steps for the next requests, in order; when empty, `mode` answers. */
  readonly script: Step[] = [];
  mode: Step = { kind: 'judge' };
  readonly requests: RecordedRequest[] = [];
  /** Most requests seen in progress at once. */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiting = new Set<() => void>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<OpenAiStandIn> {
    // eslint-disable-next-line prefer-const -- the handler needs it before it exists
    let standIn!: OpenAiStandIn;
    const server = createServer((req, res) => void standIn.handle(req, res));
    standIn = new OpenAiStandIn(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  /** For `OPENAI_BASE_URL`. */
  get baseURL(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Forgets the requests, the queued steps and the most seen at once, and judges again. */
  reset(): void {
    this.script.length = 0;
    this.requests.length = 0;
    this.mode = { kind: 'judge' };
    this.maxInFlight = 0;
  }

  /** The requests that asked for a grade (not the coach's follow-ups or common wrong idea). */
  gradingRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.body.response_format?.json_schema?.name === 'grading');
  }

  /** Queues steps for the next requests. */
  queue(...steps: Step[]): this {
    this.script.push(...steps);
    return this;
  }

  /** Requests held now (a `hold` step or mode). */
  get held(): number {
    return this.waiting.size;
  }

  /** Answers every held request with `mode` (set `mode` first to choose how). */
  release(): void {
    for (const go of [...this.waiting]) go();
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.waiting.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return send(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } });
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
    const step = this.script.shift() ?? this.mode;
    const prompt = parsePrompt(body.messages);
    this.requests.push({ body, headers: req.headers, prompt, step: step.kind });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => this.inFlight--);
    await this.respond(step, body, prompt, res);
  }

  private async respond(step: Step, body: RecordedRequest['body'], prompt: ParsedPrompt, res: ServerResponse): Promise<void> {
    const answer = prompt.answer ?? '';
    switch (step.kind) {
      case 'judge':
        // The coach's requests (a follow-up, the common wrong idea) get a coach's reply.
        if (body.response_format?.json_schema?.name !== 'grading') return completion(res, body.model, coachReply(body));
        return completion(res, body.model, reply(keywordJudge(prompt.keyPoints, answer)));
      case 'attacked':
        return completion(res, body.model, reply(obedientJudge(prompt.keyPoints, answer)));
      case 'invent':
        return completion(res, body.model, reply(inventingJudge(prompt.keyPoints)));
      case 'verdicts':
        return completion(res, body.model, reply({ verdicts: step.verdicts, advice: step.advice ?? 'Keep going.' }));
      case 'content':
        return completion(res, body.model, step.content, step.finishReason, step.refusal);
      case 'status':
        return send(res, step.status, step.body ?? { error: { message: `scripted ${step.status}`, type: 'server_error', code: null } }, step.headers);
      case 'reject-temperature':
        if ('temperature' in body) {
          return send(res, 400, { error: { message: "Unsupported parameter: 'temperature' is not supported with this model.", type: 'invalid_request_error', param: 'temperature', code: 'unsupported_parameter' } });
        }
        return completion(res, body.model, reply(keywordJudge(prompt.keyPoints, answer)));
      case 'hold': {
        await new Promise<void>((resolve) => {
          const go = () => {
            this.waiting.delete(go);
            resolve();
          };
          this.waiting.add(go);
          res.on('close', go);
        });
        if (res.destroyed || res.writableEnded) return;
        return this.respond(this.mode.kind === 'hold' ? { kind: 'judge' } : this.mode, body, prompt, res);
      }
      case 'stall': {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            this.timers.delete(t);
            resolve();
          }, step.ms);
          this.timers.add(t);
          res.on('close', () => {
            clearTimeout(t);
            this.timers.delete(t);
            resolve();
          });
        });
        if (res.destroyed || res.writableEnded) return;
        return this.respond(step.then ?? this.mode, body, prompt, res);
      }
    }
  }
}

/** The grading reply as the schema has it: every verdict with a short reason. */
const reply = replyContent;

function completion(res: ServerResponse, model: string, content: string | null, finishReason = 'stop', refusal?: string): void {
  send(res, 200, {
    id: `chatcmpl-standin-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: refusal ?? null }, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
