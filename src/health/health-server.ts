import { createServer, type Server } from 'node:http';
import type { HealthStatus } from '../adapters/platform-adapter.js';

/** Why the HTTP server could not listen, as a sentence naming the setting to change. */
export function listenProblem(err: unknown, port: number, host: string | undefined): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return `PORT ${port} is already in use${host ? ` on ${host}` : ''}; set PORT to a free port.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `HOST ${host ?? ''} is not an address of this machine; leave HOST unset to listen on every interface.`;
  if (code === 'EACCES') return `PORT ${port} needs privileges this process does not have; use a port above 1023.`;
  return `the HTTP server could not listen on ${host ?? '*'}:${port}: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * `GET /healthz` on its own port (and HOST, when set), for when no adapter already serves HTTP (Discord only, Slack in
 * Socket Mode, the Discord shard manager, which asks its shards). 200 with the status as JSON while running, 503 while starting or stopping.
 */
export async function startHealthServer(port: number, health: () => HealthStatus | Promise<HealthStatus>, host?: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/healthz') {
      const status = await health();
      res.writeHead(status.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not found"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new Error(listenProblem(err, port, host), { cause: err })));
    // Without a host, Node listens on every interface (IPv6 and IPv4 where the system has both).
    if (host) server.listen(port, host, resolve);
    else server.listen(port, resolve);
  });
  return server;
}
