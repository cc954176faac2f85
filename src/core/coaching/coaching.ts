import type { CoreDeps } from '../context.js';
import type { Posts } from '../posts.js';
import type { Practice } from '../practice.js';
import { GradeReplies } from './after-grade.js';
import { Digests } from './digests.js';
import { FollowUps } from './follow-ups.js';
import { Interviews } from './interviews.js';

/** The parts of the game that teach beyond a grade: follow-ups, mock interviews, what follows a grade, the weekly digest. */
export class Coaching {
  readonly followUps: FollowUps;
  readonly interviews: Interviews;
  readonly replies: GradeReplies;
  readonly digests: Digests;

  constructor(deps: CoreDeps, practice: Practice, posts: Posts) {
    this.followUps = new FollowUps(deps);
    this.interviews = new Interviews(deps, practice);
    this.replies = new GradeReplies(deps, this.followUps, this.interviews);
    this.digests = new Digests(deps, posts);
  }
}
