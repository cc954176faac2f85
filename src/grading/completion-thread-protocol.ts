/** The messages between the bot and its model-request thread (completion-thread.ts). */
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { RequestPolicy } from './llm-request.js';

/** What the thread needs to build its `openai` client. */
export interface ThreadSetup {
  apiKey: string;
  baseURL: string;
}

export interface CompleteRequest {
  type: 'complete';
  id: number;
  params: ChatCompletionCreateParamsNonStreaming;
  policy: RequestPolicy;
}

export type ThreadRequest = CompleteRequest | { type: 'abort'; id: number };

/** How a request failed, as data: the errors themselves cannot cross threads. */
export type ThreadFailure =
  | { kind: 'aborted' }
  | { kind: 'rate-limited'; retryAfterMs: number; cause?: string }
  | { kind: 'unavailable'; message: string; cause?: string };

export type ThreadReply =
  | { type: 'done'; id: number; completion: ChatCompletion; temperatureRejected: boolean }
  | { type: 'failed'; id: number; failure: ThreadFailure; temperatureRejected: boolean }
  | { type: 'log'; id: number; level: 'debug' | 'info' | 'warn' | 'error'; obj: object; msg?: string };
