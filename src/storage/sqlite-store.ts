import type Database from 'better-sqlite3';
import type { Stores } from '../core/stores/index.js';
import { AdminsRepo } from './admins-repo.js';
import { AnswersRepo } from './answers-repo.js';
import { ChannelsRepo } from './channels-repo.js';
import { DisputesRepo } from './disputes-repo.js';
import { FiguresRepo } from './figures-repo.js';
import { openDatabase } from './open-database.js';
import { PracticeRepo } from './practice-repo.js';
import { RecordsRepo } from './records-repo.js';
import { RoundsRepo } from './rounds-repo.js';
import { Statements } from './statements.js';

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
  }

  static open(path: string): SqliteStore {
    return new SqliteStore(openDatabase(path));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
