/**
 * Builds the LLM grader from the validated config: one place that knows how `OPENAI_API_KEY`,
 * `OPENAI_BASE_URL` and `GRADER_MODEL` become an OpenAI client and a grader.
 * Used by the app and by `npm run eval -- --grader llm`.
 */
import OpenAI from 'openai';
import { loadConfig, type Config } from '../config.js';
import type { Grader, Logger } from '../core/ports.js';
import { LlmCoach } from './llm-coach.js';
import { LlmGrader } from './llm-grader.js';
import type { RequestPolicy } from './llm-request.js';
import { waitingOutRateLimits } from './rate-limit-wait.js';

export type LlmGraderConfig = Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'GRADER_MODEL'>;

export interface LlmGraderParts {
  logger?: Logger;
  /** Timeouts and retries, when the defaults do not fit (tests). */
  policy?: Partial<RequestPolicy>;
}

function clientFor(config: LlmGraderConfig): OpenAI {
  return new OpenAI({
    // Local servers (Ollama, llama.cpp, vLLM) need no key, but the client insists on one.
    apiKey: config.OPENAI_API_KEY ?? 'no-key',
    baseURL: config.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
    maxRetries: 0,
  });
}

/** The coach (follow-ups, the reveal's common wrong idea) on the same server and model as the grader. */
export function createLlmCoach(config: LlmGraderConfig, { logger, policy }: LlmGraderParts = {}): LlmCoach {
  return new LlmCoach({ client: clientFor(config), model: config.GRADER_MODEL, logger: logger?.child({ component: 'llm-coach' }), policy });
}

export function createLlmGrader(config: LlmGraderConfig, { logger, policy }: LlmGraderParts = {}): LlmGrader {
  return new LlmGrader({
    client: clientFor(config),
    model: config.GRADER_MODEL,
    logger: logger?.child({ component: 'llm-grader' }),
    policy,
  });
}

/**
 * For command-line tools such as the eval: the LLM grader from the environment, waiting out rate
 * limits itself (there is no job queue to wait in), or an error of `errorType` with a sentence
 * saying what to set when neither OPENAI_API_KEY nor OPENAI_BASE_URL is.
 */
export function createLlmGraderFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  errorType: new (message: string) => Error = Error,
  logger?: Logger,
): Grader {
  const config = loadConfig(env);
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) {
    throw new errorType('the LLM grader needs OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (any OpenAI-compatible server); GRADER_MODEL names the model');
  }
  return waitingOutRateLimits(createLlmGrader(config, { logger }));
}
