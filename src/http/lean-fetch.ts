/**
 * A `fetch` for the `openai` and Slack Web API clients (both take one as an option) that sends
 * through undici's `request` instead of the WHATWG `fetch`. The API calls prepbot makes are small
 * JSON or form bodies with small JSON answers; Node's `fetch` wraps each one in Request, Response,
 * Headers and web-stream objects, and that garbage, 64 model requests and their replies a second
 * in the `ack` benchmark, was the largest share of what the garbage collector had to collect while
 * members' answers waited for their acks (BENCHMARKS.md).
 *
 * What it keeps of fetch: the status, headers, `ok`, `text()`, `json()`, `arrayBuffer()` and
 * `body` of the answer; aborting through `signal` (rejecting with the signal's reason, as fetch
 * does); a connection failure rejects with `TypeError('fetch failed')` and the cause. Whatever it
 * does not handle goes to the platform's `fetch` unchanged: Request objects, streamed, FormData or
 * Blob bodies (file uploads), and a redirect to follow. The body is read in full before the
 * promise resolves, so a caller that never reads it (Bolt's `respond`) does not hold a connection.
 */
import { STATUS_CODES } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';

type Fetch = typeof globalThis.fetch;

/** Answers' header names and values, read-only, with the lookups the two clients make. */
class ResponseHeaders {
  private readonly map = new Map<string, string>();
  /** Each Set-Cookie on its own: cookies carry commas (`Expires=Wed, 21 Oct ...`), so the joined value cannot be split back. */
  private readonly cookies: string[] = [];

  constructor(raw: Record<string, string | string[] | undefined>) {
    for (const name in raw) {
      const value = raw[name];
      if (value === undefined) continue;
      const lower = name.toLowerCase();
      if (lower === 'set-cookie') this.cookies.push(...(Array.isArray(value) ? value : [value]));
      this.map.set(lower, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  getSetCookie(): string[] {
    return [...this.cookies];
  }

  forEach(fn: (value: string, name: string, headers: ResponseHeaders) => void): void {
    for (const [name, value] of this.map) fn(value, name, this);
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<string> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** A fully read answer, shaped like fetch's Response for the parts API clients use. */
class BufferedResponse {
  readonly ok: boolean;
  readonly statusText: string;
  readonly redirected = false;
  readonly type = 'basic';
  private used = false;

  constructor(
    readonly status: number,
    readonly headers: ResponseHeaders,
    private readonly bytes: Buffer,
    readonly url: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  /** The bytes as a web stream, made only when someone asks. */
  get body(): ReadableStream<Uint8Array> | null {
    return new Response(this.bytes.length ? this.bytes : null).body;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.consume();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    const text = this.consume().toString('utf8');
    // Like fetch, a leading byte-order mark is not part of the text.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  clone(): BufferedResponse {
    return new BufferedResponse(this.status, this.headers, this.bytes, this.url);
  }

  private consume(): Buffer {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return this.bytes;
  }
}

/** Request headers in any of the shapes fetch accepts (Headers, pairs, a record), as a plain object. */
function headersOf(init: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!init) return out;
  if (Array.isArray(init)) {
    for (const [name, value] of init) out[name!.toLowerCase()] = value!;
  } else if (typeof (init as Headers).get === 'function' && typeof (init as Headers).forEach === 'function') {
    (init as Headers).forEach((value, name) => {
      out[name] = value;
    });
  } else {
    const record = init as Record<string, string>;
    for (const name in record) out[name.toLowerCase()] = record[name]!;
  }
  return out;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A fetch over undici's `request`, with its own keep-alive connection pool: undici's global one is
 * shared by every copy of undici in the process (discord.js brings an older one), and whichever
 * loads first would own it.
 */
export function createLeanFetch(dispatcher: Dispatcher = new Agent()): Fetch {
  const lean = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const body = init.body;
    const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
    if (!plainBody || (typeof input !== 'string' && !(input instanceof URL))) return globalThis.fetch(input, init);
    const url = String(input);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    let answer: Dispatcher.ResponseData;
    let bytes: Buffer;
    try {
      answer = await request(url, {
        method: (init.method ?? 'GET').toUpperCase() as Dispatcher.HttpMethod,
        headers: headersOf(init.headers),
        body: body ?? undefined,
        signal,
        dispatcher,
      });
      bytes = Buffer.from(await answer.body.arrayBuffer());
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      throw new TypeError('fetch failed', { cause: err });
    }
    const status = answer.statusCode;
    if (REDIRECTS.has(status) && answer.headers.location !== undefined) {
      if (init.redirect === 'error') throw new TypeError('fetch failed', { cause: new Error(`unexpected redirect (${status}) from ${url}`) });
      // Following a redirect has rules of its own (methods, bodies, origins): the request goes again
      // through the platform's fetch, which follows it (the APIs prepbot calls do not redirect).
      if (init.redirect !== 'manual') return globalThis.fetch(input, init);
    }
    return new BufferedResponse(status, new ResponseHeaders(answer.headers), bytes, url) as unknown as Response;
  };
  return lean as Fetch;
}
