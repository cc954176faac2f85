/**
 * The load driver's thread: runs {@link closedLoop} or {@link openLoop} of signed answer
 * submissions in a worker thread of its own, so the stand-ins answering the bot in the bench's
 * main thread (the model, the Slack Web API) never delay a request leaving or its timing.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { closedLoop, openLoop, type LoadResult, type PostJob } from './http-load.js';
import { answerSubmission } from './slack-requests.js';

export interface LoadSpec {
  port: number;
  /** `round:<id>` the answers go to. */
  answerRef: string;
  total: number;
  /** Members are numbered from here (distinct members per run). */
  firstMember: number;
  mode: { open: number } | { closed: number };
  /** Sends this one request every time instead of answers (a request of prepbot's, replayed to time a stand-in). */
  replay?: PostJob;
}

/** Runs the load in a worker thread and returns what it measured. */
export function runLoad(spec: LoadSpec): Promise<LoadResult & { sentAt?: number[] }> {
  return new Promise((resolve, reject) => {
    // A worker does not inherit tsx's loader: register it, then load this file as TypeScript.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: spec });
    worker.once('message', (r: LoadResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the load thread exited with ${code}`)));
  });
}

if (!isMainThread && parentPort) {
  const spec = workerData as LoadSpec;
  const make = (i: number) => spec.replay ?? answerSubmission(spec.firstMember + i, spec.answerRef);
  const result = 'open' in spec.mode ? await openLoop(spec.port, spec.total, spec.mode.open, make) : await closedLoop(spec.port, spec.total, spec.mode.closed, make);
  parentPort.postMessage(result);
}
