/**
 * Background work takes turns with the event loop. Each `take()` resolves in a later turn of the
 * loop, one waiter per turn, so whatever I/O arrived meanwhile (a member's answer waiting for its
 * acknowledgement, which Slack and Discord want within 3 seconds) is handled between two pieces of
 * background work instead of after all of them. Without it, 64 grades coming back from the model
 * at the same moment are stored and delivered back to back while every new answer waits.
 *
 * Uses `setImmediate`: an immediate queued while immediates run waits for the next turn, after
 * the poll phase has taken in new I/O.
 */
export class Turns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Resolves when it is this caller's turn (in arrival order). */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.next);
      }
    });
  }

  private readonly next = (): void => {
    this.waiting.shift()?.();
    if (this.waiting.length > 0) setImmediate(this.next);
    else this.scheduled = false;
  };
}
