import type { Config } from '../../config.js';
import type { Logger } from '../../core/ports.js';
import type { HealthStatus } from '../platform-adapter.js';
import { SlackAdapter } from './slack-adapter.js';

/** The Slack adapter the settings describe: Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT. */
export function createSlackAdapter(config: Config, logger: Logger, health: () => HealthStatus): SlackAdapter {
  return new SlackAdapter({
    botToken: config.SLACK_BOT_TOKEN!,
    appToken: config.platforms.slack === 'socket' ? config.SLACK_APP_TOKEN : undefined,
    signingSecret: config.platforms.slack === 'http' ? config.SLACK_SIGNING_SECRET : undefined,
    port: config.PORT,
    apiUrl: config.SLACK_API_URL,
    adminUserIds: config.ADMIN_USER_IDS,
    logger,
    health,
  });
}
