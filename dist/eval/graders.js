import { createLlmGraderFromEnv } from '../grading/create-grader.js';
import { OfflineGrader } from '../grading/offline-grader.js';
export const GRADER_NAMES = ['offline', 'llm'];
/** A grader that this build cannot provide; the CLI prints the message and exits 1. */
export class GraderUnavailableError extends Error {
}
export function isGraderName(name) {
    return GRADER_NAMES.includes(name);
}
/** Default number of answers graded at once: the offline grader gains nothing from more. */
export function defaultConcurrency(name) {
    return name === 'llm' ? 4 : 1;
}
export async function createGrader(name) {
    switch (name) {
        case 'offline':
            return new OfflineGrader();
        case 'llm':
            return createLlmGraderFromEnv(process.env, GraderUnavailableError);
    }
}
