import type Database from 'better-sqlite3';
import type { Stores } from '../core/stores/index.js';
import { AdminsRepo } from './admins-repo.js';
import { AnswersRepo } from './answers-repo.js';
import { ChannelsRepo } from './channels-repo.js';
import { DeliveriesRepo } from './deliveries-repo.js';
import { DigestsRepo } from './digests-repo.js';
import { DisputesRepo } from './disputes-repo.js';
import { FiguresRepo } from './figures-repo.js';
import { FollowUpsRepo } from './follow-ups-repo.js';
import { InsightsRepo } from './insights-repo.js';
import { InterviewsRepo } from './interviews-repo.js';
import { InstallsRepo } from './installs-repo.js';
import { openDatabase, probeWrite } from './open-database.js';
import { PostsRepo } from './posts-repo.js';
import { PracticeRepo } from './practice-repo.js';
import { RecordsRepo } from './records-repo.js';
import { RoundsRepo } from './rounds-repo.js';
import { lastWriteFailure, Statements } from './statements.js';
import { SuggestionsRepo } from './suggestions-repo.js';

/** How long a refused write keeps the health check degraded when no write has succeeded since. */
const RECENT_MS = 5 * 60_000;

/**
 * The core's store ports on one SQLite database (better-sqlite3): one repository per port, all on
 * the same connection, so a transaction in one sees the others' writes.
 */
export class SqliteStore implements Stores {
  readonly channels: ChannelsRepo;
  readonly rounds: RoundsRepo;
  readonly answers: AnswersRepo;
  readonly figures: FiguresRepo;
  readonly practice: PracticeRepo;
  readonly admins: AdminsRepo;
  readonly disputes: DisputesRepo;
  readonly records: RecordsRepo;
  readonly posts: PostsRepo;
  readonly deliveries: DeliveriesRepo;
  readonly followUps: FollowUpsRepo;
  readonly interviews: InterviewsRepo;
  readonly insights: InsightsRepo;
  readonly digests: DigestsRepo;
  readonly suggestions: SuggestionsRepo;
  /** Slack workspaces' OAuth installs: the Slack adapter's, not the game's (not in {@link Stores}). */
  readonly installs: InstallsRepo;

  constructor(readonly db: Database.Database) {
    const s = new Statements(db);
    this.channels = new ChannelsRepo(s);
    this.rounds = new RoundsRepo(s);
    this.answers = new AnswersRepo(s, db);
    this.figures = new FiguresRepo(s);
    this.practice = new PracticeRepo(s);
    this.admins = new AdminsRepo(s);
    this.disputes = new DisputesRepo(s, db);
    this.records = new RecordsRepo(s);
    this.posts = new PostsRepo(s);
    this.deliveries = new DeliveriesRepo(s);
    this.followUps = new FollowUpsRepo(s, db);
    this.interviews = new InterviewsRepo(s);
    this.insights = new InsightsRepo(s);
    this.digests = new DigestsRepo(s);
    this.suggestions = new SuggestionsRepo(s, db);
    this.installs = new InstallsRepo(s);
  }

  /**
   * Whether the database takes writes now: a one-row write, then the latest write it refused in the
   * last 5 minutes, if none has succeeded since (a full disk refuses a growing write while the
   * probe's row still fits). Null when writes work, else what the database said.
   */
  writeProblem(now: number): string | null {
    if (!this.db.open) return 'the database is closed';
    try {
      probeWrite(this.db, now);
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
    const failure = lastWriteFailure(this.db);
    return failure && Date.now() - failure.at < RECENT_MS ? failure.message : null;
  }

  static open(path: string): SqliteStore {
    return new SqliteStore(openDatabase(path));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
