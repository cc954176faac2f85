import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GraderRateLimited } from '../../src/core/ports.js';
import { CompletionThread } from '../../src/grading/completion-thread-client.js';
import { createLlmGrader } from '../../src/grading/create-grader.js';
import { DEFAULT_POLICY, GraderUnavailableError } from '../../src/grading/llm-request.js';
import { MemoryLogger } from '../fakes/silent-logger.js';
import { OpenAiStandIn } from '../stand-ins/openai-server.js';
import { FAST } from '../stand-ins/openai-grader.js';
import { ATTENTION, HONEST, requestFor } from './attack-corpus.js';

const GOOD = HONEST.find((h) => h.name === 'good answer')!;
const POLICY = { ...DEFAULT_POLICY, ...FAST };
const PARAMS = { model: 'gpt-4.1-mini', messages: [{ role: 'user' as const, content: 'hello' }], temperature: 0 };

let standIn: OpenAiStandIn;
beforeAll(async () => {
  standIn = await OpenAiStandIn.start();
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => {
  standIn.script.length = 0;
  standIn.requests.length = 0;
  standIn.mode = { kind: 'judge' };
});

function threadOn(s: OpenAiStandIn, logger?: MemoryLogger): CompletionThread {
  return new CompletionThread({ apiKey: 'sk-test-secret', baseURL: s.baseURL }, logger);
}

describe('model requests on their own thread', () => {
  it('grades an answer exactly as the grader on the event loop does', async () => {
    const config = { OPENAI_BASE_URL: standIn.baseURL, OPENAI_API_KEY: 'sk-test-secret', GRADER_MODEL: 'gpt-4.1-mini' };
    const threaded = createLlmGrader(config, { policy: FAST, thread: true });
    const inline = createLlmGrader(config, { policy: FAST });
    try {
      const a = await threaded.grade(requestFor(ATTENTION, GOOD.text));
      const b = await inline.grade(requestFor(ATTENTION, GOOD.text));
      expect(a).toEqual(b);
      expect(a.score).toBeGreaterThan(5);
      expect(standIn.requests).toHaveLength(2);
      expect(standIn.requests[0]!.headers.authorization).toBe('Bearer sk-test-secret');
      expect(standIn.requests[0]!.body).toEqual(standIn.requests[1]!.body);
    } finally {
      await threaded.close();
    }
  });

  it("reports a 429 as a rate limit with the server's wait", async () => {
    const thread = threadOn(standIn);
    standIn.queue({ kind: 'status', status: 429, headers: { 'retry-after': '30' } });
    try {
      const err = await thread.complete(PARAMS, POLICY).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GraderRateLimited);
      expect((err as GraderRateLimited).retryAfterMs).toBe(30_000);
    } finally {
      await thread.close();
    }
  });

  it('retries a server error on the thread and says so in the bot\'s log', async () => {
    const logger = new MemoryLogger();
    const thread = threadOn(standIn);
    standIn.queue({ kind: 'status', status: 500 });
    try {
      const completion = await thread.complete(PARAMS, POLICY, { logger: logger.child({ component: 'llm-grader' }) });
      expect(completion.choices[0]!.message.role).toBe('assistant');
      expect(standIn.requests.map((r) => r.step)).toEqual(['status', 'judge']);
      expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'grading request failed; retrying', obj: expect.objectContaining({ component: 'llm-grader', attempt: 1 }) }));
    } finally {
      await thread.close();
    }
  });

  it('fails as unavailable, with the same sentence, once the retries are spent', async () => {
    const thread = threadOn(standIn);
    standIn.mode = { kind: 'status', status: 500 };
    try {
      const err = await thread.complete(PARAMS, POLICY).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GraderUnavailableError);
      expect((err as Error).message).toBe('grading server unavailable: HTTP 500 (after 3 attempts)');
      expect((err as Error).cause).toBeInstanceOf(Error);
    } finally {
      await thread.close();
    }
  });

  it('tells the caller when the server rejected temperature and the request went again without it', async () => {
    const thread = threadOn(standIn);
    standIn.mode = { kind: 'reject-temperature' };
    const told = vi.fn();
    try {
      await thread.complete(PARAMS, POLICY, { onTemperatureRejected: told });
      expect(told).toHaveBeenCalledOnce();
      expect(standIn.requests.map((r) => 'temperature' in r.body)).toEqual([true, false]);
    } finally {
      await thread.close();
    }
  });

  it('aborts the request on the thread when the caller aborts', async () => {
    const thread = threadOn(standIn);
    standIn.mode = { kind: 'stall', ms: 10_000 };
    const abort = new AbortController();
    try {
      const pending = thread.complete(PARAMS, POLICY, { signal: abort.signal });
      await vi.waitFor(() => expect(standIn.requests).toHaveLength(1));
      abort.abort(new Error('shutting down'));
      await expect(pending).rejects.toThrow('shutting down');
    } finally {
      await thread.close();
    }
  });

  it('fails the requests in flight when the thread dies, and starts a new thread for the next one', async () => {
    const logger = new MemoryLogger();
    const thread = threadOn(standIn, logger);
    standIn.mode = { kind: 'stall', ms: 10_000 };
    try {
      const pending = thread.complete(PARAMS, POLICY);
      await vi.waitFor(() => expect(standIn.requests).toHaveLength(1));
      await (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      const err = await pending.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GraderUnavailableError);
      expect((err as Error).message).toBe('grading server unavailable: the model-request thread stopped');
      expect(logger.entries.some((e) => e.level === 'error' && e.msg?.includes('thread exited'))).toBe(true);
      standIn.mode = { kind: 'judge' };
      await expect(thread.complete(PARAMS, POLICY)).resolves.toMatchObject({ object: 'chat.completion' });
    } finally {
      await thread.close();
    }
  });

  it('once closed, fails what was in flight and refuses new requests', async () => {
    const thread = threadOn(standIn);
    standIn.mode = { kind: 'stall', ms: 10_000 };
    const pending = thread.complete(PARAMS, POLICY);
    await vi.waitFor(() => expect(standIn.requests).toHaveLength(1));
    await thread.close();
    await expect(pending).rejects.toBeInstanceOf(GraderUnavailableError);
    await expect(thread.complete(PARAMS, POLICY)).rejects.toThrow('the grader is shut down');
  });
});

describe('an idle model-request thread', () => {
  it('exits after a quiet spell, and the next request starts a new one', async () => {
    const logger = new MemoryLogger();
    const thread = new CompletionThread({ apiKey: 'sk-test-secret', baseURL: standIn.baseURL }, logger, 100);
    const running = () => (thread as unknown as { worker: unknown }).worker;
    try {
      await thread.complete(PARAMS, POLICY);
      expect(running()).not.toBeNull();
      await vi.waitFor(() => expect(running()).toBeNull(), { timeout: 2_000 });
      await expect(thread.complete(PARAMS, POLICY)).resolves.toMatchObject({ object: 'chat.completion' });
      expect(standIn.requests).toHaveLength(2);
      expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    } finally {
      await thread.close();
    }
  });
});
