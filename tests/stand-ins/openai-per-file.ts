import { afterAll, beforeAll, beforeEach } from 'vitest';
import { OpenAiStandIn } from './openai-server.js';

/**
 * One model stand-in for a test file: started before its tests, reset before each (no requests, no
 * queued steps, judging), closed after them. Call the result for the stand-in.
 */
export function openAiPerFile(): () => OpenAiStandIn {
  let standIn: OpenAiStandIn | null = null;
  beforeAll(async () => {
    standIn = await OpenAiStandIn.start();
  });
  afterAll(async () => {
    await standIn?.close();
  });
  beforeEach(() => standIn?.reset());
  return () => standIn!;
}
