/**
 * Which grader the eval runs. The one place that maps a `--grader` name to a Grader, so the LLM
 * grader, once it exists, is wired in here and nowhere else.
 */
import type { Grader } from '../core/ports.js';
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
      // To be wired to src/grading/llm-grader.ts (configured from OPENAI_API_KEY / OPENAI_BASE_URL).
      throw new GraderUnavailableError(
        'the LLM grader is not available yet (src/grading/llm-grader.ts is not wired into src/eval/graders.ts); use --grader offline',
      );
  }
}
