import type { CronTask, ScheduleCron } from '../../src/scheduler/cron-scheduler.js';

export interface ArmedTask {
  expression: string;
  timezone?: string;
  name: string;
  fn: () => unknown;
  destroyed: boolean;
}

/**
 * A stand-in for node-cron that arms nothing: it records what the scheduler asked for, so tests
 * that move a fake clock see the expressions and zones without real timers firing on real time.
 */
export class ManualCron {
  readonly tasks: ArmedTask[] = [];

  readonly schedule: ScheduleCron = (expression, fn, options): CronTask => {
    const task: ArmedTask = { expression, timezone: options.timezone, name: options.name, fn, destroyed: false };
    this.tasks.push(task);
    return { destroy: () => void (task.destroyed = true) };
  };

  /** Live tasks by name. */
  live(): Map<string, ArmedTask> {
    return new Map(this.tasks.filter((t) => !t.destroyed).map((t) => [t.name, t]));
  }
}
