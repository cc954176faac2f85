import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiscordShardManager } from './adapters/discord/sharding/shard-manager.js';
import type { Config } from './config.js';
import { loadContentOrThrow } from './content/index.js';
import type { Logger } from './core/ports.js';
import { startHealthServer } from './health/health-server.js';
import { storageStartError } from './storage/open-database.js';
import { SqliteStore } from './storage/sqlite-store.js';

/** True when this process is to start Discord's shard processes (DISCORD_SHARDS set, and it is not one of them). */
export const runsShardManager = (config: Config, env: NodeJS.ProcessEnv = process.env): boolean => config.DISCORD_SHARDS !== undefined && env.SHARDS === undefined;

/**
 * The process of DISCORD_SHARDS: checks what every shard would find wrong once, before any starts
 * (the content; the database, migrated here so shards never race a migration), serves
 * `GET /healthz` for all shards on PORT, starts the shard processes (each runs `script`, this
 * process's own entry point, with the same Node flags: tsx in development, none when compiled),
 * and stops them on SIGINT or SIGTERM. It runs no bot of its own and holds no database connection.
 */
export async function runShardManager(config: Config, logger: Logger, script: string): Promise<void> {
  loadContentOrThrow(config.CONTENT_DIR);
  try {
    SqliteStore.open(config.DATABASE_PATH).close();
  } catch (err) {
    throw storageStartError(err, config.DATABASE_PATH);
  }
  const shards = new DiscordShardManager({ token: config.DISCORD_TOKEN ?? '', apiUrl: config.DISCORD_API_URL, shards: config.DISCORD_SHARDS ?? 'auto', script, execArgv: process.execArgv, logger });
  const server = await startHealthServer(config.PORT, () => shards.health(), config.HOST);
  logger.info({ port: (server.address() as AddressInfo).port }, 'GET /healthz answers for every Discord shard');
  let stopping: Promise<void> | null = null;
  const shutdown = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason }, 'shutting down the Discord shards');
      await shards.stop();
      await close(server);
      process.exit(0);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await shards.start();
  } catch (err) {
    await close(server);
    throw err;
  }
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
