/**
 * Waits, turn by turn of the event loop, until `check` holds: for work inside the process (a job
 * claimed, a grade stored) that needs the loop to turn but no time to pass. Fails after `maxTurns`.
 */
export async function untilTrue(check: () => boolean, what = 'the condition', maxTurns = 10_000): Promise<void> {
  for (let turn = 0; !check(); turn += 1) {
    if (turn >= maxTurns) throw new Error(`${what} did not happen within ${maxTurns} turns of the event loop`);
    await nextTurn();
  }
}

/** One turn of the event loop: promise chains and immediates queued before it run first. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
