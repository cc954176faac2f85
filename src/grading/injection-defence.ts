/**
 * Defence in depth against answers that address the grader, shared by every grader: an answer the
 * scan flags gets `injection_suspected`; when it also covers nothing of the reference and key points
 * (offline coverage, measured with the grader-addressing parts blanked out), its score is capped at 1
 * (`score_capped`). An unflagged answer is never touched.
 */
import type { GradeFlag } from '../core/model.js';
import type { Grader, GradeRequest, Logger } from '../core/ports.js';
import { scanForInjection, type InjectionScan } from './injection.js';
import { coverage } from './offline-grader.js';

/** Below this offline coverage of the reference and key points, a flagged answer "covers nothing". */
const NOTHING_COVERED_BELOW = 0.04;
/** Highest score a flagged answer that covers nothing can get. */
const INJECTION_CAP = 1;

export interface Graded {
  score: number;
  covered: string[];
  partly: string[];
  missed: string[];
  feedback: string;
  flags: GradeFlag[];
}

export function defendAgainstInjection<T extends Graded>(req: GradeRequest, scan: InjectionScan, graded: T, logger?: Logger): T {
  if (!scan.suspected) return graded;
  const out = { ...graded, flags: [...graded.flags, 'injection_suspected' as const] };
  const rubricText = [req.reference, ...req.keyPoints.map((k) => k.text)].join('\n');
  const covers = coverage(rubricText, scan.cleaned, req.question);
  if (covers < NOTHING_COVERED_BELOW && out.score > INJECTION_CAP) {
    out.score = INJECTION_CAP;
    // The grader was talked into its verdicts; the reply must not list points as covered.
    out.missed = [...out.covered, ...out.partly, ...out.missed];
    out.covered = [];
    out.partly = [];
    out.flags.push('score_capped');
    out.feedback = 'Answer the question itself: explain the key ideas in your own words, without instructions to the grader.';
  }
  logger?.info({ questionId: req.questionId, reasons: scan.reasons, coverage: Math.round(covers * 1000) / 1000, capped: out.flags.includes('score_capped') }, 'answer addresses the grader');
  return out;
}

/**
 * Adds the injection scan to a grader that has none of its own (the offline grader), so its grades
 * carry the same flags and cap as the LLM grader's.
 */
export class InjectionGuard implements Grader {
  readonly id: string;
  readonly version: string;

  constructor(
    private readonly inner: Grader,
    private readonly logger?: Logger,
  ) {
    this.id = inner.id;
    this.version = `${inner.version}+guard-1`;
  }

  async grade(req: GradeRequest, signal?: AbortSignal) {
    const result = await this.inner.grade(req, signal);
    const graded = { ...result, partly: result.partly ?? [] };
    return defendAgainstInjection(req, scanForInjection(req.answer), graded, this.logger);
  }
}
