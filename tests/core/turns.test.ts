import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Turns } from '../../src/core/turns.js';

describe('background work taking turns with the event loop', () => {
  const open: (() => void)[] = [];
  afterEach(() => {
    for (const close of open.splice(0)) close();
  });

  /** A connected pair of local sockets: what the client writes arrives as I/O at the server side. */
  async function socketPair(): Promise<{ client: Socket; served: Socket }> {
    const server = createServer();
    const served = new Promise<Socket>((resolve) => server.once('connection', resolve));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise<void>((r) => client.once('connect', r));
    const socket = await served;
    open.push(() => {
      client.destroy();
      socket.destroy();
      server.close();
    });
    return { client, served: socket };
  }

  it('serves a request that arrives meanwhile before the next piece of work', async () => {
    const { client, served } = await socketPair();
    const log: string[] = [];
    served.on('data', () => log.push('request'));
    const turns = new Turns();
    await Promise.all(
      [1, 2, 3].map(async (n) => {
        await turns.take();
        log.push(`work ${n}`);
        if (n === 1) client.write('answer');
      }),
    );
    expect(log).toEqual(['work 1', 'request', 'work 2', 'work 3']);
  });

  it('gives turns in the order they were asked for', async () => {
    const turns = new Turns();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => turns.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });
});
