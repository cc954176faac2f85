import type { GradeResult } from '../../../src/core/model.js';
import type { GradeRequest } from '../../../src/core/ports.js';
import { ScriptedGrader } from '../../fakes/scripted-grader.js';

/**
 * The scripted grader, holding every grade until `release()`: a grade in flight while a test stops
 * intake, to show that the grade still reaches its member.
 */
export class HeldGrader extends ScriptedGrader {
  private open!: () => void;
  private readonly gate = new Promise<void>((r) => (this.open = r));
  held = 0;

  release(): void {
    this.open();
  }

  override async grade(req: GradeRequest): Promise<GradeResult> {
    this.held += 1;
    await this.gate;
    return super.grade(req);
  }
}
