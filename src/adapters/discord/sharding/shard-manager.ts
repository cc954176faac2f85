import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { ShardingManager, type Shard } from 'discord.js';
import type { Logger } from '../../../core/ports.js';
import type { HealthStatus } from '../../platform-adapter.js';
import { fetchGatewayInfo } from './gateway-info.js';
import { isHealthAnswer, type HealthAsk } from './shard-ipc.js';

/** Discord lets `max_concurrency` shards identify per 5 seconds. */
const IDENTIFY_WINDOW_MS = 5_000;
/** A shard process's start: compile (in development), load content, open the database, connect, READY. */
const SPAWN_TIMEOUT_MS = 180_000;
/** How long a shard has to answer a health question before it counts as not answering. */
const HEALTH_ANSWER_MS = 3_000;
/** A shard's own shutdown (grading in flight finishes within 10 s of it); then it is killed. */
const STOP_GRACE_MS = 30_000;

export interface ShardManagerOptions {
  token: string;
  apiUrl?: string;
  /** DISCORD_SHARDS. */
  shards: 'auto' | number;
  /** The entry point each shard process runs (this process's own main), and the Node flags it needs (tsx in development). */
  script: string;
  execArgv: string[];
  logger: Logger;
}

/**
 * A public bot's many gateway connections: discord.js's ShardingManager runs one process per
 * shard, each a whole prepbot on the same database that posts only in its own servers' channels.
 * This process starts them (as many at once as Discord allows), starts a shard again when its
 * process dies, answers `GET /healthz` for all of them (asking each over IPC), and stops them on
 * shutdown.
 */
export class DiscordShardManager {
  private manager: ShardingManager | null = null;
  private readonly startedAt = Date.now();
  private state: 'starting' | 'running' | 'stopping' = 'starting';
  private asks = 0;

  constructor(private readonly o: ShardManagerOptions) {}

  /** Asks Discord how many shards (for `auto`) and how many may start together, then starts every shard process. */
  async start(): Promise<void> {
    const gateway = await fetchGatewayInfo(this.o.token, this.o.apiUrl);
    const count = this.o.shards === 'auto' ? gateway.shards : this.o.shards;
    // Not started again while starting: a shard that dies now (a bad setting) stops the start.
    const manager = new ShardingManager(this.o.script, { totalShards: count, token: this.o.token, execArgv: this.o.execArgv, respawn: false, mode: 'process' });
    this.manager = manager;
    this.o.logger.info({ shards: count, recommended: gateway.shards, maxConcurrency: gateway.maxConcurrency }, 'starting Discord shard processes');
    try {
      for (let first = 0; first < count; first += gateway.maxConcurrency) {
        if (first > 0) await sleep(IDENTIFY_WINDOW_MS);
        const batch = Array.from({ length: Math.min(gateway.maxConcurrency, count - first) }, (_, i) => first + i);
        await Promise.all(batch.map((id) => this.spawn(manager, id)));
        if (this.state === 'stopping') return;
      }
    } catch (err) {
      // Stopped while starting (a signal): the stop is the caller's, not a failure.
      if (this.state === 'stopping') return;
      await this.stop();
      throw err;
    }
    manager.respawn = true;
    this.state = 'running';
    this.o.logger.info({ shards: count }, 'every Discord shard is connected');
  }

  /** Stops every shard process (SIGTERM: each shuts down as a single bot does; killed after 30 s). */
  async stop(): Promise<void> {
    this.state = 'stopping';
    if (!this.manager) return;
    this.manager.respawn = false;
    await Promise.all([...this.manager.shards.values()].map((s) => stopProcess(s.process)));
  }

  /**
   * Every shard's health, asked over IPC: `ok` only when each shard says so; a shard not running
   * or not answering, or degraded, makes it `degraded` with the reason named by shard.
   */
  async health(): Promise<HealthStatus> {
    const shards = [...(this.manager?.shards.values() ?? [])];
    const answers = await Promise.all(shards.map((s) => this.ask(s)));
    const reasons = answers.flatMap((a, i) => {
      const id = shards[i]!.id;
      if (!a) return this.state === 'running' ? [`Discord shard ${id} is not running or did not answer`] : [];
      return (a.reasons ?? []).map((r) => `Discord shard ${id}: ${r}`);
    });
    const own = this.state === 'running' ? null : this.state;
    const status = own ?? (reasons.length ? 'degraded' : (answers.find((a) => a && a.status !== 'ok')?.status ?? 'ok'));
    return {
      status,
      platforms: ['discord'],
      pendingJobs: Math.max(0, ...answers.map((a) => a?.pendingJobs ?? 0)),
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      shards: shards.map((s, i) => ({ id: s.id, status: answers[i]?.status ?? 'down' })),
      ...(reasons.length ? { reasons } : {}),
    };
  }

  private async spawn(manager: ShardingManager, id: number): Promise<void> {
    const shard = manager.createShard(id);
    const log = this.o.logger;
    // Process mode: the shard's child is a ChildProcess.
    shard.on('spawn', (child) => log.info({ shard: id, pid: (child as ChildProcess).pid }, 'Discord shard process started'));
    shard.on('death', (child) => {
      if (this.state === 'stopping') return;
      const { exitCode, signalCode } = child as ChildProcess;
      log.warn({ shard: id, code: exitCode, signal: signalCode, again: manager.respawn }, 'Discord shard process exited');
    });
    shard.on('error', (err: unknown) => log.error({ err, shard: id }, 'Discord shard process could not be started again'));
    try {
      await shard.spawn(SPAWN_TIMEOUT_MS);
    } catch (err) {
      throw new Error(`Discord shard ${id} did not start (its own message above says why)`, { cause: err });
    }
  }

  private ask(shard: Shard): Promise<HealthStatus | null> {
    const child = shard.process;
    if (!child?.connected) return Promise.resolve(null);
    const id = ++this.asks;
    return new Promise((resolve) => {
      const done = (h: HealthStatus | null) => {
        clearTimeout(timer);
        shard.off('message', onMessage);
        resolve(h);
      };
      const onMessage = (m: unknown) => {
        if (isHealthAnswer(m) && m.id === id) done(m.health);
      };
      const timer = setTimeout(() => done(null), HEALTH_ANSWER_MS);
      shard.on('message', onMessage);
      shard.send({ prepbot: 'health?', id } satisfies HealthAsk).catch(() => done(null));
    });
  }
}

/** SIGTERM, then SIGKILL after the grace; resolves when the process has exited. */
function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
