import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible endpoint that holds every request until told to answer, so a test can send
 * signals while a grade is in flight. It answers 400, which the grader treats as a failure and
 * hands to the offline grader.
 */
export async function heldLlm(): Promise<{ url: string; held: () => number; release: () => void; close: () => Promise<void> }> {
  const waiting: ServerResponse[] = [];
  let released = false;
  const reject = (res: ServerResponse) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'this test server grades nothing', type: 'invalid_request_error' } }));
  };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => (released ? reject(res) : waiting.push(res)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    held: () => waiting.length,
    release: () => {
      released = true;
      for (const res of waiting.splice(0)) reject(res);
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
