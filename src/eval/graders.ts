/**
 * Which grader the eval runs: the one place that maps a `--grader` name to a Grader.
 */
import type { Grader } from '../core/ports.js';
import { createLlmGraderFromEnv } from '../grading/create-grader.js';
import { OfflineGrader } from '../grading/offline-grader.js';

export const GRADER_NAMES = ['offline', 'llm'] as const;
export type GraderName = (typeof GRADER_NAMES)[number];

/** A grader that this build cannot provide; the CLI prints the message and exits 1. */
export class GraderUnavailableError extends Error {}

export function isGraderName(name: string): name is GraderName {
  return (GRADER_NAMES as readonly string[]).includes(name);
}

/** Default number of answers graded at once: the offline grader gains nothing from more. */
export function defaultConcurrency(name: GraderName): number {
  return name === 'llm' ? 4 : 1;
}

export async function createGrader(name: GraderName): Promise<Grader> {
  switch (name) {
    case 'offline':
      return new OfflineGrader();
    case 'llm':
      return createLlmGraderFromEnv(process.env, GraderUnavailableError);
  }
}
