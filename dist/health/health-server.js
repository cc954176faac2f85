import { createServer } from 'node:http';
/**
 * `GET /healthz` on its own port, for when no adapter already serves HTTP (Discord only, Slack in
 * Socket Mode). 200 with the status as JSON while running, 503 while starting or stopping.
 */
export async function startHealthServer(port, health) {
    const server = createServer((req, res) => {
        if (req.method === 'GET' && req.url?.split('?')[0] === '/healthz') {
            const status = health();
            res.writeHead(status.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
            res.end(JSON.stringify(status));
            return;
        }
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":"not found"}');
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, resolve);
    });
    return server;
}
