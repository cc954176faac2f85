/**
 * Builds the LLM grader from the validated config: one place that knows how `OPENAI_API_KEY`,
 * `OPENAI_BASE_URL` and `GRADER_MODEL` become an OpenAI client and a grader.
 * Used by the app and by `npm run eval -- --grader llm`.
 */
import OpenAI from 'openai';
import { loadConfig } from '../config.js';
import { LlmGrader } from './llm-grader.js';
import { waitingOutRateLimits } from './rate-limit-wait.js';
export function createLlmGrader(config, { logger, policy } = {}) {
    const client = new OpenAI({
        // Local servers (Ollama, llama.cpp, vLLM) need no key, but the client insists on one.
        apiKey: config.OPENAI_API_KEY ?? 'no-key',
        baseURL: config.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
        maxRetries: 0,
    });
    return new LlmGrader({
        client,
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
export function createLlmGraderFromEnv(env = process.env, errorType = Error, logger) {
    const config = loadConfig(env);
    if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) {
        throw new errorType('the LLM grader needs OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (any OpenAI-compatible server); GRADER_MODEL names the model');
    }
    return waitingOutRateLimits(createLlmGrader(config, { logger }));
}
