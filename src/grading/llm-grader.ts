/**
 * The LLM grader: any OpenAI-compatible chat-completions server (OpenAI, Azure, Ollama, vLLM,
 * llama.cpp) grades an answer key point by key point with structured output; the score is
 * computed here from those verdicts. Hardened against answers that try to steer it:
 *
 * 1. the answer is fenced as data with a nonce it cannot forge (llm-prompt.ts);
 * 2. a "covered" or "partly" verdict counts only with a quote found in the answer, not copied from
 *    the question or hint, and not under a negation that reverses it (evidence.ts); a reply whose
 *    verdicts mostly quote words the answer lacks, or that is not the schema, is asked for again
 *    once, then thrown as GraderReplyRejected for the offline grader;
 * 3. answers that address the grader are flagged `injection_suspected` (injection.ts), and when
 *    the offline coverage check finds that such an answer covers nothing of the reference, its
 *    score is capped at 1 (`score_capped`). An unflagged answer is never capped.
 *
 * Failures follow the grader port: GraderRateLimited on a 429 (the job waits in the queue), a
 * plain Error otherwise (the worker grades offline and says so).
 */
import { APIError, type default as OpenAI } from 'openai';
import type { GradeFlag, GradeResult } from '../core/model.js';
import { GraderReplyRejected, type Grader, type GradeRequest, type Logger } from '../core/ports.js';
import { scanForInjection, type InjectionScan } from './injection.js';
import { defendAgainstInjection } from './injection-defence.js';
import { buildGradingPrompt, isReasoningModel, PROMPT_VERSION } from './llm-prompt.js';
import { DEFAULT_POLICY, requestCompletion, type RequestPolicy } from './llm-request.js';
import { GRADING_RESPONSE_FORMAT, GraderReplyError, parseGradingReply } from './llm-schema.js';
import { mostlyInvented, scoreFromVerdicts } from './score-from-verdicts.js';

export interface LlmGraderOptions {
  client: OpenAI;
  /** Model name sent to the server (`GRADER_MODEL`). */
  model: string;
  policy?: Partial<RequestPolicy>;
  logger?: Logger;
}

export class LlmGrader implements Grader {
  readonly id: string;
  readonly version = PROMPT_VERSION;
  private readonly policy: RequestPolicy;
  private sendTemperature: boolean;

  constructor(private readonly o: LlmGraderOptions) {
    this.id = `llm:${o.model}`;
    this.policy = { ...DEFAULT_POLICY, ...o.policy };
    this.sendTemperature = !isReasoningModel(o.model);
  }

  async grade(req: GradeRequest, signal?: AbortSignal): Promise<GradeResult> {
    signal?.throwIfAborted();
    const scan = scanForInjection(req.answer);
    if (req.answer.trim() === '') return this.result(req, scan, { score: 0, covered: [], partly: [], missed: req.keyPoints.map((k) => k.text) }, 'No answer to grade.');
    // A reply that is not the schema, or whose verdicts mostly quote words the answer does not
    // contain, is asked for once more; a second such reply goes to the offline grader.
    for (let attempt = 1; ; attempt++) {
      try {
        const { reply, keyPoints } = await this.ask(req, signal);
        const scored = scoreFromVerdicts(keyPoints, reply.verdicts, { answer: req.answer, question: req.question, hint: req.hint });
        if (scored.unsupported > 0) this.o.logger?.debug({ questionId: req.questionId, unsupported: scored.unsupported, invented: scored.invented }, 'verdicts without evidence counted as missed');
        if (mostlyInvented(scored)) throw new GraderReplyRejected('unsupported', `the model quoted words that are not in the answer for ${scored.invented} of ${scored.claimed} verdicts`);
        return this.result(req, scan, scored, reply.advice);
      } catch (err) {
        if (!(err instanceof GraderReplyRejected) || attempt >= 2) throw err;
        this.o.logger?.warn({ questionId: req.questionId, reason: err.reason, error: err.message }, 'unusable grading reply; asking once more');
      }
    }
  }

  /**
   * The cheapest question that proves the server answers: a one-line chat completion. Any HTTP
   * answer but a 5xx or 408 counts (a 400 or a 429 is an answering server); a timeout, a refused
   * connection or a 5xx does not. Used by the grading breaker while the grader is offline.
   */
  async probe(signal: AbortSignal): Promise<void> {
    try {
      await this.o.client.chat.completions.create({ model: this.o.model, messages: [{ role: 'user', content: 'Reply with OK.' }] }, { signal, maxRetries: 0, timeout: this.policy.timeoutMs });
    } catch (err) {
      if (err instanceof APIError && typeof err.status === 'number' && err.status < 500 && err.status !== 408) return;
      throw err;
    }
  }

  /** One grading request and its checked reply. */
  private async ask(req: GradeRequest, signal?: AbortSignal) {
    const prompt = buildGradingPrompt(req);
    const completion = await this.send(prompt.messages, signal);
    const choice = completion.choices[0];
    if (!choice) throw new GraderReplyError('the model reply has no choices');
    if (choice.message.refusal) throw new GraderReplyError('the model refused to grade');
    if (choice.finish_reason === 'length') throw new GraderReplyError('the model reply was cut off (length)');
    if (choice.finish_reason === 'content_filter') throw new GraderReplyError('the model reply was withheld by a content filter');
    return { reply: parseGradingReply(choice.message.content, prompt.keyPoints.length), keyPoints: prompt.keyPoints };
  }

  /** One request; how many run at once and how long to wait after a 429 are the grading worker's to decide. */
  private send(messages: ReturnType<typeof buildGradingPrompt>['messages'], signal?: AbortSignal) {
    return requestCompletion(
      this.o.client,
      {
        model: this.o.model,
        messages,
        response_format: GRADING_RESPONSE_FORMAT,
        ...(this.sendTemperature ? { temperature: 0 } : {}),
      },
      this.policy,
      {
        signal,
        logger: this.o.logger,
        onTemperatureRejected: () => {
          this.sendTemperature = false;
          this.o.logger?.warn({ model: this.o.model }, 'the model rejects temperature; sending requests without it');
        },
      },
    );
  }

  private result(req: GradeRequest, scan: InjectionScan, scored: { score: number; covered: string[]; partly: string[]; missed: string[] }, advice: string): GradeResult {
    const graded = { ...scored, feedback: oneLine(advice) || defaultAdvice(scored.missed), flags: [] as GradeFlag[] };
    return { ...defendAgainstInjection(req, scan, graded, this.o.logger), grader: this.id };
  }
}

function oneLine(s: string): string {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

function defaultAdvice(missed: string[]): string {
  const first = missed[0];
  return first ? `Next time, also cover: ${first}.` : 'Every key point is covered.';
}
