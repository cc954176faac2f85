import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeanFetch } from '../../src/http/lean-fetch.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP server whose answer each test picks by path; it records what it was sent. */
let server: Server;
let base: string;
const seen: Seen[] = [];
const routes: Record<string, (req: IncomingMessage, res: ServerResponse, body: string) => void> = {
  '/json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'X-Request-Id': 'req_1', 'set-cookie': ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2'] });
    res.end(JSON.stringify({ ok: true, n: 3, text: 'héllo' }));
  },
  '/echo': (req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, body, type: req.headers['content-type'] ?? null }));
  },
  '/limited': (_req, res) => {
    res.writeHead(429, { 'retry-after-ms': '1500', 'retry-after': '2', 'content-type': 'application/json' });
    res.end('{"error":{"message":"slow down"}}');
  },
  '/bom': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('\ufeffplain');
  },
  '/slow': (_req, res) => {
    setTimeout(() => res.end('late'), 2_000).unref();
  },
  '/moved': (_req, res) => {
    res.writeHead(302, { location: '/json' });
    res.end();
  },
  '/empty': (_req, res) => {
    res.writeHead(204);
    res.end();
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const route = routes[(req.url ?? '').split('?')[0]!];
      if (route) route(req, res, body);
      else {
        res.writeHead(404);
        res.end('not here');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const leanFetch = createLeanFetch();

describe('the lean fetch the API clients send through', () => {
  it('gives the status, headers and body the way fetch does', async () => {
    const res = await leanFetch(`${base}/json`);
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.statusText).toBe('OK');
    expect(res.url).toBe(`${base}/json`);
    expect(res.headers.get('X-REQUEST-ID')).toBe('req_1');
    expect(res.headers.get('missing')).toBeNull();
    expect(res.headers.has('content-type')).toBe(true);
    expect([...res.headers.entries()]).toContainEqual(['x-request-id', 'req_1']);
    expect(res.headers.getSetCookie()).toEqual(['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2']);
    expect(await res.json()).toEqual({ ok: true, n: 3, text: 'héllo' });
  });

  it('sends the method, headers in each shape fetch takes, and a string body', async () => {
    const asHeaders = new Headers({ 'Content-Type': 'application/json', Authorization: 'Bearer t' });
    for (const headers of [asHeaders, { 'Content-Type': 'application/json', Authorization: 'Bearer t' }, [['Content-Type', 'application/json'], ['Authorization', 'Bearer t']] as [string, string][]]) {
      const res = await leanFetch(`${base}/echo`, { method: 'post', headers, body: '{"a":1}' });
      expect(await res.json()).toEqual({ method: 'POST', body: '{"a":1}', type: 'application/json' });
      expect(seen.at(-1)!.headers.authorization).toBe('Bearer t');
    }
  });

  it('answers an error status as a response, with its headers, not as a rejection', async () => {
    const res = await leanFetch(`${base}/limited`, { method: 'POST', body: 'x' });
    expect(res.ok).toBe(false);
    expect(res.status).toBe(429);
    expect(res.statusText).toBe('Too Many Requests');
    expect(res.headers.get('retry-after-ms')).toBe('1500');
    expect(await res.text()).toBe('{"error":{"message":"slow down"}}');
  });

  it('lets a body be read once, drops a byte-order mark, and has an empty body for 204', async () => {
    const res = await leanFetch(`${base}/bom`);
    expect(res.bodyUsed).toBe(false);
    expect(await res.text()).toBe('plain');
    expect(res.bodyUsed).toBe(true);
    await expect(res.text()).rejects.toThrow(TypeError);
    const empty = await leanFetch(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    expect(await empty.text()).toBe('');
  });

  it('offers the body as a web stream for callers that stream it', async () => {
    const res = await leanFetch(`${base}/json`);
    const text = await new Response(res.body).text();
    expect(JSON.parse(text)).toMatchObject({ ok: true });
  });

  it('rejects with the abort reason when its signal fires, before or during the request', async () => {
    const before = new AbortController();
    before.abort();
    await expect(leanFetch(`${base}/json`, { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const during = new AbortController();
    const pending = leanFetch(`${base}/slow`, { signal: during.signal });
    setTimeout(() => during.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    const timed = leanFetch(`${base}/slow`, { signal: AbortSignal.timeout(50) });
    await expect(timed).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('rejects a connection failure with TypeError("fetch failed") and the cause, as fetch does', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await leanFetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).message).toBe('fetch failed');
    expect(((err as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('leaves form uploads to the platform fetch, which encodes them', async () => {
    const form = new FormData();
    form.append('file', new Blob(['a,b\n1,2\n']), 'export.csv');
    const res = await leanFetch(`${base}/echo`, { method: 'POST', body: form });
    const echoed = (await res.json()) as { type: string; body: string };
    expect(echoed.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(echoed.body).toContain('filename="export.csv"');
  });

  it('follows a redirect by default, and refuses one when told to', async () => {
    const followed = await leanFetch(`${base}/moved`);
    expect(followed.status).toBe(200);
    expect(await followed.json()).toMatchObject({ ok: true });
    await expect(leanFetch(`${base}/moved`, { redirect: 'error' })).rejects.toThrow('fetch failed');
    const manual = await leanFetch(`${base}/moved`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe('/json');
  });
});
