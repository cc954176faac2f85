import type { GradeResult } from '../../src/core/model.js';
import type { Grader, GradeRequest } from '../../src/core/ports.js';

/**
 * A grader whose score is written in the answer itself ("... [score 7]"), so core tests decide the
 * grade without depending on a real grading method. Without a marker it scores 5.
 */
export class ScriptedGrader implements Grader {
  readonly id: string;
  readonly version = 'test-1';
  calls: GradeRequest[] = [];
  failWith: Error | null = null;

  constructor(id = 'scripted') {
    this.id = id;
  }

  async grade(req: GradeRequest): Promise<GradeResult> {
    this.calls.push(req);
    if (this.failWith) throw this.failWith;
    const m = /\[score (\d+)\]/.exec(req.answer);
    const score = m ? Number(m[1]) : 5;
    const half = Math.round((req.keyPoints.length * score) / 10);
    return {
      score,
      covered: req.keyPoints.slice(0, half).map((k) => k.text),
      missed: req.keyPoints.slice(half).map((k) => k.text),
      feedback: 'Scripted feedback.',
      grader: this.id,
      flags: [],
    };
  }
}
