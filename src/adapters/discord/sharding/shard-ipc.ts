import type { HealthStatus } from '../../platform-adapter.js';

/**
 * The manager and its shard processes talk over the IPC channel discord.js's ShardingManager opens
 * (`shard.send` one way, `process.send` the other), beside discord.js's own messages. Ours are
 * tagged `prepbot`.
 */
export type HealthAsk = { prepbot: 'health?'; id: number };
export type HealthAnswer = { prepbot: 'health'; id: number; health: HealthStatus };

const isHealthAsk = (m: unknown): m is HealthAsk => (m as HealthAsk | null)?.prepbot === 'health?';
export const isHealthAnswer = (m: unknown): m is HealthAnswer => (m as HealthAnswer | null)?.prepbot === 'health';

/**
 * In a shard process started by the manager: answers its health questions with this process's
 * health, and calls `orphaned` when the manager is gone (its IPC channel closed), so no shard
 * runs on without it. False when this process was not started by a manager.
 */
export function answerManager(health: () => HealthStatus, orphaned: () => void): boolean {
  const send = process.send?.bind(process);
  if (!send) return false;
  process.on('message', (m: unknown) => {
    if (isHealthAsk(m)) send({ prepbot: 'health', id: m.id, health: health() } satisfies HealthAnswer);
  });
  process.once('disconnect', orphaned);
  return true;
}

/** Whether this process is a shard process under a manager (it has the IPC channel and SHARDS). */
export const underManager = (env: NodeJS.ProcessEnv = process.env): boolean => Boolean(process.send) && env.SHARDS !== undefined;
