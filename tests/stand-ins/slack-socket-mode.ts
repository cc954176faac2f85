import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketEnvelope {
  type: 'slash_commands' | 'interactive' | 'events_api';
  payload: object;
  retryAttempt?: number;
}

/**
 * A local Socket Mode server: the URL `apps.connections.open` hands out. On connection it sends
 * `hello`; `send` pushes an envelope and resolves with the client's ack (`{ envelope_id, payload }`).
 */
export class SlackSocketModeStandIn {
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  private client: WebSocket | null = null;
  private readonly waiting = new Map<string, (payload: unknown) => void>();
  private connectedWaiters: (() => void)[] = [];
  /** While true, new connections are closed at once (Slack's end unreachable). */
  refuse = false;

  private constructor(
    private readonly wss: WebSocketServer,
    readonly url: string,
  ) {
    wss.on('connection', (ws) => {
      if (this.refuse) {
        ws.terminate();
        return;
      }
      this.client = ws;
      ws.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString('utf8')) as { envelope_id?: string; payload?: unknown };
        if (!msg.envelope_id) return;
        this.acks.push({ envelope_id: msg.envelope_id, payload: msg.payload });
        this.waiting.get(msg.envelope_id)?.(msg.payload);
        this.waiting.delete(msg.envelope_id);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' }, connection_info: { app_id: 'A1' } }));
      for (const w of this.connectedWaiters) w();
      this.connectedWaiters = [];
    });
  }

  static async start(): Promise<SlackSocketModeStandIn> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    const { port } = wss.address() as AddressInfo;
    return new SlackSocketModeStandIn(wss, `ws://127.0.0.1:${port}/link/?ticket=stand-in`);
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** Pushes an envelope to the connected client; resolves with the payload of its ack. */
  send(envelope: SocketEnvelope): Promise<unknown> {
    const ws = this.client;
    if (!ws) return Promise.reject(new Error('no Socket Mode client connected'));
    const id = randomUUID();
    const acked = new Promise<unknown>((resolve) => this.waiting.set(id, resolve));
    ws.send(
      JSON.stringify({
        envelope_id: id,
        type: envelope.type,
        payload: envelope.payload,
        accepts_response_payload: envelope.type !== 'events_api',
        ...(envelope.retryAttempt !== undefined ? { retry_attempt: envelope.retryAttempt, retry_reason: 'timeout' } : {}),
      }),
    );
    return acked;
  }

  /** Drops the connected client (it reconnects by itself, through apps.connections.open). */
  drop(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.client = null;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
  }
}
