/**
 * The flags node runs prepbot with: the Dockerfile's CMD and `npm start` pass them, the benchmarks
 * start the bot with them, and a test keeps the three in step.
 *
 * `--no-allocation-site-pretenuring`: V8 otherwise learns, per allocation site, to place new
 * objects straight in the old generation once enough of them have survived a minor collection;
 * under a steady stream of answers that made acknowledgements slower at the tail (six alternating
 * benchmark runs each: p99 8.8 ms with it, 7.7 ms without; BENCHMARKS.md, ack).
 */
export const NODE_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];
