/**
 * What runs the grading jobs the store queues: the {@link GradingWorker} in this process, or a
 * grading process beside it (src/grading-process/). The core only starts it, tells it when new
 * jobs may be due, and waits for it at shutdown.
 */
export interface GradingRunner {
  /** Starts grading, resuming jobs a crash left running. */
  start(): void;
  /** New jobs may be due. Cheap; safe to call any time. */
  kick(): void;
  /** Stops taking new jobs; the ones in flight finish. */
  stop(): void;
  /** Waits for in-flight grading, at most `timeoutMs`. True when nothing was left running. */
  settle(timeoutMs: number): Promise<boolean>;
  /** Resolves once no job is pending or running. */
  idle(): Promise<void>;
}
