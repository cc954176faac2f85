/** The real LLM grader, built the way the app builds it, aimed at the OpenAI stand-in, with fast failure paths. */
import { createLlmGrader } from '../../src/grading/create-grader.js';
import type { LlmGrader } from '../../src/grading/llm-grader.js';
import type { RequestPolicy } from '../../src/grading/llm-request.js';
import type { OpenAiStandIn } from './openai-server.js';
import { MemoryLogger } from '../fakes/silent-logger.js';

/** Quick retries and short timeouts, so failure paths run in milliseconds. */
export const FAST: Partial<RequestPolicy> = { timeoutMs: 2_000, retryBaseMs: 5, maxRetryDelayMs: 50 };

/** The real grader, built the way the app builds it, pointed at the stand-in. */
export function graderOn(
  standIn: OpenAiStandIn,
  o: { model?: string; policy?: Partial<RequestPolicy>; logger?: MemoryLogger } = {},
): LlmGrader {
  return createLlmGrader(
    { OPENAI_BASE_URL: standIn.baseURL, OPENAI_API_KEY: 'sk-test-secret', GRADER_MODEL: o.model ?? 'gpt-4.1-mini' },
    { logger: o.logger, policy: { ...FAST, ...o.policy } },
  );
}
