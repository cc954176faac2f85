import PQueue from 'p-queue';

/**
 * Background work takes turns with the event loop. Each `take()` resolves in a later turn of the
 * loop, one caller per turn, so whatever I/O arrived meanwhile (a member's answer waiting for its
 * acknowledgement, which Slack and Discord want within 3 seconds) is handled between two pieces of
 * background work instead of after all of them. Without it, 64 grades coming back from the model
 * at the same moment are stored and delivered back to back while every new answer waits.
 *
 * A turn is one `setImmediate`: an immediate queued while immediates run waits for the next turn,
 * after the poll phase has taken in new I/O. It is not time, so it does not go through the Clock.
 */
export class Turns {
  private readonly queue = new PQueue({ concurrency: 1 });

  /** Resolves when it is this caller's turn (in arrival order). */
  take(): Promise<void> {
    return this.queue.add(() => new Promise<void>((resolve) => setImmediate(resolve)));
  }
}
