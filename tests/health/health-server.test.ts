import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer } from '../../src/health/health-server.js';

const health = () => ({ status: 'ok' as const, platforms: ['discord'], pendingJobs: 0, uptimeSeconds: 1 });

describe('the health server', () => {
  let server: Server | null = null;
  afterEach(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = null;
  });

  it('binds the address HOST names', async () => {
    server = await startHealthServer(0, health, '127.0.0.1');
    const { address, port } = server.address() as AddressInfo;
    expect(address).toBe('127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', platforms: ['discord'] });
  });

  it('binds every interface when HOST is unset', async () => {
    server = await startHealthServer(0, health);
    expect(['::', '0.0.0.0']).toContain((server.address() as AddressInfo).address);
  });

  it('names HOST in a sentence when it is not an address of this machine', async () => {
    await expect(startHealthServer(0, health, '192.0.2.1')).rejects.toThrow(/^HOST 192\.0\.2\.1 is not an address of this machine; leave HOST unset to listen on every interface\.$/);
  });

  it('names PORT in a sentence when it is taken', async () => {
    server = await startHealthServer(0, health, '127.0.0.1');
    const { port } = server.address() as AddressInfo;
    await expect(startHealthServer(port, health, '127.0.0.1')).rejects.toThrow(`PORT ${port} is already in use on 127.0.0.1; set PORT to a free port.`);
  });
});
