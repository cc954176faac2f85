/**
 * A small HTTP load driver for the benchmarks: `concurrency` requests kept in flight over
 * keep-alive connections (node:http, so no extra package), each request's round trip timed from
 * the moment it is handed to the socket until the full response has arrived.
 */
import { Agent, request } from 'node:http';

export interface LoadResult {
  /** Round-trip times, ms (an open loop keeps them in sending order). */
  latencies: number[];
  /** Responses by status code. */
  statuses: Record<number, number>;
  /** Wall time of the whole run, ms. */
  wallMs: number;
  /** Bodies of the responses whose status was not 200 (the first few). */
  errors: string[];
}

export interface PostJob {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `total` requests built by `make(i)` to `http://127.0.0.1:<port>`, `concurrency` at a time
 * (a closed loop: a client sends its next request when the previous one is answered).
 * `make` is called just before the request goes out, so signatures carry a fresh timestamp.
 */
export async function closedLoop(port: number, total: number, concurrency: number, make: (i: number) => PostJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const result: LoadResult = { latencies: [], statuses: {}, wallMs: 0, errors: [] };
  let next = 0;
  const started = performance.now();
  const client = async (): Promise<void> => {
    for (;;) {
      const i = next;
      next += 1;
      if (i >= total) return;
      const job = make(i);
      const t = performance.now();
      const { status, body } = await post(agent, port, job);
      result.latencies.push(performance.now() - t);
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      if (status !== 200 && result.errors.length < 5) result.errors.push(`${status} ${body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  result.wallMs = performance.now() - started;
  agent.destroy();
  return result;
}

/**
 * An open loop: request `i` leaves at `i / ratePerSecond` seconds after the start whatever the
 * server does (a burst of answers does not wait for earlier ones to be acknowledged).
 * Returns the same figures plus when each request left, ms after the start.
 */
export async function openLoop(port: number, total: number, ratePerSecond: number, make: (i: number) => PostJob): Promise<LoadResult & { sentAt: number[]; startedAtEpochMs: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const started = performance.now();
  // For lining the requests up with the server's own timings (its GC log, say), in a dump.
  const result: LoadResult & { sentAt: number[]; startedAtEpochMs: number } = { latencies: [], statuses: {}, wallMs: 0, errors: [], sentAt: [], startedAtEpochMs: performance.timeOrigin + started };
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const job = make(i);
    const t = performance.now();
    result.sentAt.push(t - started);
    pending.push(
      post(agent, port, job).then(({ status, body }) => {
        result.latencies[i] = performance.now() - t;
        result.statuses[status] = (result.statuses[status] ?? 0) + 1;
        if (status !== 200 && result.errors.length < 5) result.errors.push(`${status} ${body.slice(0, 200)}`);
      }),
    );
  }
  await Promise.all(pending);
  result.wallMs = performance.now() - started;
  agent.destroy();
  return result;
}

function post(agent: Agent, port: number, job: PostJob): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: job.path, method: 'POST', agent, headers: { ...job.headers, 'content-length': Buffer.byteLength(job.body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (err) => resolve({ status: 0, body: String(err) }));
      },
    );
    req.on('error', (err) => resolve({ status: 0, body: String(err) }));
    req.end(job.body);
  });
}
