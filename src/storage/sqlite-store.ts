import type Database from 'better-sqlite3';
import type { Store } from '../core/ports.js';
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
 * The core's Store on SQLite (better-sqlite3). One concept per repository; this class only
 * composes them, so the core sees a single port.
 */
export class SqliteStore implements Store {
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

  getChannel: Store['getChannel'] = (...a) => this.channels.getChannel(...a);
  ensureChannel: Store['ensureChannel'] = (...a) => this.channels.ensureChannel(...a);
  updateChannel: Store['updateChannel'] = (...a) => this.channels.updateChannel(...a);
  listChannels: Store['listChannels'] = (...a) => this.channels.listChannels(...a);
  upsertUser: Store['upsertUser'] = (...a) => this.channels.upsertUser(...a);
  getUser: Store['getUser'] = (...a) => this.channels.getUser(...a);
  setPrivacy: Store['setPrivacy'] = (...a) => this.channels.setPrivacy(...a);

  claimRound: Store['claimRound'] = (...a) => this.rounds.claimRound(...a);
  getRound: Store['getRound'] = (...a) => this.rounds.getRound(...a);
  getRoundByDate: Store['getRoundByDate'] = (...a) => this.rounds.getRoundByDate(...a);
  getOpenRound: Store['getOpenRound'] = (...a) => this.rounds.getOpenRound(...a);
  listOpenRounds: Store['listOpenRounds'] = (...a) => this.rounds.listOpenRounds(...a);
  setRoundMessage: Store['setRoundMessage'] = (...a) => this.rounds.setRoundMessage(...a);
  closeRound: Store['closeRound'] = (...a) => this.rounds.closeRound(...a);
  askedQuestionIds: Store['askedQuestionIds'] = (...a) => this.rounds.askedQuestionIds(...a);
  streakRounds: Store['streakRounds'] = (...a) => this.rounds.streakRounds(...a);

  insertAnswer: Store['insertAnswer'] = (...a) => this.answers.insertAnswer(...a);
  getAnswer: Store['getAnswer'] = (...a) => this.answers.getAnswer(...a);
  answerTimesSince: Store['answerTimesSince'] = (...a) => this.answers.answerTimesSince(...a);
  hasAnsweredRound: Store['hasAnsweredRound'] = (...a) => this.answers.hasAnsweredRound(...a);
  roundAnswerCount: Store['roundAnswerCount'] = (...a) => this.answers.roundAnswerCount(...a);
  claimNextJob: Store['claimNextJob'] = (...a) => this.answers.claimNextJob(...a);
  resetRunningJobs: Store['resetRunningJobs'] = (...a) => this.answers.resetRunningJobs(...a);
  deferJob: Store['deferJob'] = (...a) => this.answers.deferJob(...a);
  pendingJobCount: Store['pendingJobCount'] = (...a) => this.answers.pendingJobCount(...a);
  nextJobDue: Store['nextJobDue'] = (...a) => this.answers.nextJobDue(...a);
  completeJob: Store['completeJob'] = (...a) => this.answers.completeJob(...a);
  getGrade: Store['getGrade'] = (...a) => this.answers.getGrade(...a);
  findCachedGrade: Store['findCachedGrade'] = (...a) => this.answers.findCachedGrade(...a);
  saveCachedGrade: Store['saveCachedGrade'] = (...a) => this.answers.saveCachedGrade(...a);

  leaderboard: Store['leaderboard'] = (...a) => this.figures.leaderboard(...a);
  rankOf: Store['rankOf'] = (...a) => this.figures.rankOf(...a);
  userTotals: Store['userTotals'] = (...a) => this.figures.userTotals(...a);
  topicAverages: Store['topicAverages'] = (...a) => this.figures.topicAverages(...a);
  roundResults: Store['roundResults'] = (...a) => this.figures.roundResults(...a);
  userStreakScores: Store['userStreakScores'] = (...a) => this.figures.userStreakScores(...a);
  latestRoundChannel: Store['latestRoundChannel'] = (...a) => this.figures.latestRoundChannel(...a);

  createPracticePrompt: Store['createPracticePrompt'] = (...a) => this.practice.createPracticePrompt(...a);
  latestOpenPractice: Store['latestOpenPractice'] = (...a) => this.practice.latestOpenPractice(...a);
  getPracticePrompt: Store['getPracticePrompt'] = (...a) => this.practice.getPracticePrompt(...a);
  markPracticeHinted: Store['markPracticeHinted'] = (...a) => this.practice.markPracticeHinted(...a);
  markRoundHinted: Store['markRoundHinted'] = (...a) => this.practice.markRoundHinted(...a);
  hasHintedRound: Store['hasHintedRound'] = (...a) => this.practice.hasHintedRound(...a);
  reviewHistory: Store['reviewHistory'] = (...a) => this.practice.reviewHistory(...a);

  addAdmin: Store['addAdmin'] = (...a) => this.admins.addAdmin(...a);
  removeAdmin: Store['removeAdmin'] = (...a) => this.admins.removeAdmin(...a);
  listAdmins: Store['listAdmins'] = (...a) => this.admins.listAdmins(...a);
  isListedAdmin: Store['isListedAdmin'] = (...a) => this.admins.isListedAdmin(...a);
  recordAction: Store['recordAction'] = (...a) => this.admins.recordAction(...a);
  recentActions: Store['recentActions'] = (...a) => this.admins.recentActions(...a);

  undeliveredRounds: Store['undeliveredRounds'] = (...a) => this.rounds.undeliveredRounds(...a);
  claimDeliveryAttempt: Store['claimDeliveryAttempt'] = (...a) => this.rounds.claimDeliveryAttempt(...a);
  roundDelivered: Store['roundDelivered'] = (...a) => this.rounds.roundDelivered(...a);
  roundDeliveryFailed: Store['roundDeliveryFailed'] = (...a) => this.rounds.roundDeliveryFailed(...a);
  giveUpDelivery: Store['giveUpDelivery'] = (...a) => this.rounds.giveUpDelivery(...a);
  markDeliveryReported: Store['markDeliveryReported'] = (...a) => this.rounds.markDeliveryReported(...a);
  latestRound: Store['latestRound'] = (...a) => this.rounds.latestRound(...a);

  createDispute: Store['createDispute'] = (...a) => this.disputes.createDispute(...a);
  getDispute: Store['getDispute'] = (...a) => this.disputes.getDispute(...a);
  disputeOfAnswer: Store['disputeOfAnswer'] = (...a) => this.disputes.disputeOfAnswer(...a);
  openDisputes: Store['openDisputes'] = (...a) => this.disputes.openDisputes(...a);
  resolveDispute: Store['resolveDispute'] = (...a) => this.disputes.resolveDispute(...a);

  createReport: Store['createReport'] = (...a) => this.records.createReport(...a);
  sameAnswerInRound: Store['sameAnswerInRound'] = (...a) => this.records.sameAnswerInRound(...a);
  recordDuplicate: Store['recordDuplicate'] = (...a) => this.records.recordDuplicate(...a);
  answerHistory: Store['answerHistory'] = (...a) => this.records.answerHistory(...a);
  exportRows: Store['exportRows'] = (...a) => this.records.exportRows(...a);
}
