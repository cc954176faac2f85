import type { Config } from './config.js';
import { DEFAULT_OPTIONS, type CoreOptions } from './core/context.js';
import type { Clock } from './core/ports.js';

export const systemClock: Clock = { now: () => Date.now() };

/** The core's settings from the validated config (shared by the bot and its grading process). */
export function coreOptions(config: Config): CoreOptions {
  return {
    ...DEFAULT_OPTIONS,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    revealAfterHours: config.REVEAL_AFTER_HOURS,
    catchUpHours: config.CATCH_UP_HOURS,
    adminUserIds: config.ADMIN_USER_IDS,
    maxAnswersPerHour: config.MAX_ANSWERS_PER_HOUR,
    // Jobs in progress at once; fewer than the grader's request slots would leave slots idle.
    gradingConcurrency: config.GRADER_CONCURRENCY,
  };
}
