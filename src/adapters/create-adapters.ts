import type { Config } from '../config.js';
import type { Logger } from '../core/ports.js';
import { ConsoleAdapter } from './console/console-adapter.js';
import { DiscordAdapter } from './discord/discord-adapter.js';
import type { AdapterEnv, PlatformAdapter } from './platform-adapter.js';
import { SlackAdapter } from './slack/slack-adapter.js';

/** The adapters the config asks for: Discord and/or Slack when their tokens are set, else the console. */
export function createPlatformAdapters(config: Config, logger: Logger, env: AdapterEnv): PlatformAdapter[] {
  const adapters: PlatformAdapter[] = [];
  if (config.platforms.console) adapters.push(new ConsoleAdapter({ input: env.stdin, output: env.stdout, logger, ...env.console }));
  if (config.platforms.discord) adapters.push(DiscordAdapter.fromConfig(config, logger, env));
  if (config.platforms.slack) adapters.push(SlackAdapter.fromConfig(config, logger, env));
  return adapters;
}

/** Whether some adapter serves HTTP on PORT already (so the app needs no separate health server). */
export function servesHttp(config: Config): boolean {
  return config.platforms.slack === 'http' || config.platforms.slack === 'oauth';
}
