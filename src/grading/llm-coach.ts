/**
 * The LLM coach: follow-up questions and the reveal's most common wrong idea, written by the same
 * OpenAI-compatible server and model as the grades, with the grader's hardening: structured output
 * validated by one zod schema, members' text fenced as data (llm-coach-prompts.ts), temperature 0
 * unless the model is a reasoning one, the grader's timeout and retry policy, and a reply that is
 * not the schema asked for once more, then thrown (the core falls back to the content's follow-up,
 * or leaves the sentence out).
 */
import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { CoachWriter, FollowUpRequest, Logger, MistakeRequest } from '../core/ports.js';
import { followUpMessages, mistakeMessages } from './llm-coach-prompts.js';
import { isReasoningModel } from './llm-prompt.js';
import { DEFAULT_POLICY, requestCompletion, type RequestPolicy } from './llm-request.js';
import { GraderReplyError } from './llm-schema.js';

const FollowUpSchema = z.object({ question: z.string().max(300).describe('The follow-up question, ending with a question mark.') });
const MistakeSchema = z.object({
  found: z.boolean().describe('False when the answers share no wrong idea or gap.'),
  sentence: z.string().max(300).describe('One sentence naming the most common wrong idea; "" when none.'),
});
const FOLLOW_UP_FORMAT = zodResponseFormat(FollowUpSchema, 'follow_up');
const MISTAKE_FORMAT = zodResponseFormat(MistakeSchema, 'common_mistake');

export interface LlmCoachOptions {
  client: OpenAI;
  model: string;
  policy?: Partial<RequestPolicy>;
  logger?: Logger;
}

export class LlmCoach implements CoachWriter {
  readonly id: string;
  private readonly policy: RequestPolicy;
  private sendTemperature: boolean;

  constructor(private readonly o: LlmCoachOptions) {
    this.id = `llm:${o.model}`;
    this.policy = { ...DEFAULT_POLICY, ...o.policy };
    this.sendTemperature = !isReasoningModel(o.model);
  }

  async followUp(req: FollowUpRequest, signal?: AbortSignal): Promise<string> {
    const reply = await this.ask(() => followUpMessages(req), FOLLOW_UP_FORMAT, FollowUpSchema, signal);
    return reply.question;
  }

  async commonMistake(req: MistakeRequest, signal?: AbortSignal): Promise<string | null> {
    const reply = await this.ask(() => mistakeMessages(req), MISTAKE_FORMAT, MistakeSchema, signal);
    return reply.found && reply.sentence.trim() ? reply.sentence.trim() : null;
  }

  /** One request with a fresh nonce, asked once more when the reply is not the schema. */
  private async ask<T>(messages: () => ReturnType<typeof followUpMessages>, format: typeof FOLLOW_UP_FORMAT | typeof MISTAKE_FORMAT, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const completion = await requestCompletion(
          this.o.client,
          { model: this.o.model, messages: messages(), response_format: format, ...(this.sendTemperature ? { temperature: 0 } : {}) },
          this.policy,
          { signal, logger: this.o.logger, onTemperatureRejected: () => (this.sendTemperature = false) },
        );
        const choice = completion.choices[0];
        if (!choice || choice.message.refusal || choice.finish_reason !== 'stop') throw new GraderReplyError('the model gave no usable reply');
        return parse(choice.message.content, schema);
      } catch (err) {
        if (!(err instanceof GraderReplyError) || attempt >= 2) throw err;
        this.o.logger?.warn({ error: err.message }, 'unusable coach reply; asking once more');
      }
    }
  }
}

function parse<T>(content: string | null | undefined, schema: z.ZodType<T>): T {
  const text = (content ?? '').trim().replace(/^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i, '$1');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GraderReplyError('the model reply is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new GraderReplyError('the model reply does not match the schema');
  return parsed.data;
}
