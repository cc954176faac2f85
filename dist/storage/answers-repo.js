import { recordUser } from './channels-repo.js';
import { gradeColumns, toAnswer, toGrade } from './rows.js';
import { writeTransaction } from './statements.js';
import { addUserPoints } from './user-points.js';
const toJob = (r) => ({
    id: r.id,
    answerId: r.answer_id,
    attempts: r.attempts,
    createdAt: r.created_at,
    notBefore: r.not_before,
});
/** Answers, their grading jobs and their grades. */
export class AnswersRepo {
    s;
    insertTx;
    completeTx;
    constructor(s, db) {
        this.s = s;
        this.insertTx = writeTransaction(db, (a) => {
            if (a.userName !== undefined)
                recordUser(this.s, a.userId, a.userName);
            let kind = a.kind;
            if (kind === 'daily' && (a.roundId === null || this.hasCountingAnswer(a.userId, a.roundId)))
                kind = 'practice';
            const res = this.s.run(`INSERT INTO answers (user_id, scope_id, channel_id, question_id, round_id, practice_id, kind, counts, hinted,
           text, norm_hash, reply_route, local_date, week_key, month_key, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.userId, a.scopeId, a.channelId, a.questionId, a.roundId, a.practiceId, kind, kind === 'daily' ? 1 : 0, a.hinted ? 1 : 0, a.text, a.normHash, a.replyRoute, a.localDate, a.weekKey, a.monthKey, a.createdAt);
            const answerId = Number(res.lastInsertRowid);
            if (a.practiceId !== null) {
                this.s.run('UPDATE practice_prompts SET answered_at = ? WHERE id = ? AND answered_at IS NULL', a.createdAt, a.practiceId);
            }
            const job = this.s.run('INSERT INTO grading_jobs (answer_id, not_before, created_at, updated_at) VALUES (?, ?, ?, ?)', answerId, a.createdAt, a.createdAt, a.createdAt);
            return { answer: this.getAnswer(answerId), jobId: Number(job.lastInsertRowid) };
        });
        this.completeTx = writeTransaction(db, (jobId, grade, points, at) => {
            const job = this.s.one("SELECT answer_id FROM grading_jobs WHERE id = ? AND status <> 'done'", jobId);
            if (!job)
                return null;
            if (this.getGrade(job.answer_id)) {
                this.s.run("UPDATE grading_jobs SET status = 'done', updated_at = ? WHERE id = ?", at, jobId);
                return null;
            }
            const c = gradeColumns(grade);
            this.s.run(`INSERT INTO grades (answer_id, score, points, covered, partly, missed, feedback, grader, flags, graded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, job.answer_id, c.score, points, c.covered, c.partly, c.missed, c.feedback, c.grader, c.flags, at);
            this.s.run("UPDATE grading_jobs SET status = 'done', last_error = NULL, updated_at = ? WHERE id = ?", at, jobId);
            const answer = this.getAnswer(job.answer_id);
            if (answer.counts)
                addUserPoints(this.s, answer.id, points);
            return this.getGrade(job.answer_id);
        });
    }
    hasCountingAnswer(userId, roundId) {
        return !!this.s.one('SELECT 1 FROM answers WHERE round_id = ? AND user_id = ? AND counts = 1', roundId, userId);
    }
    insertAnswer(a) {
        return this.insertTx(a);
    }
    getAnswer(id) {
        const row = this.s.one('SELECT * FROM answers WHERE id = ?', id);
        return row ? toAnswer(row) : null;
    }
    answerTimesSince(userId, since) {
        return this.s
            .all('SELECT created_at AS t FROM answers WHERE user_id = ? AND created_at > ? ORDER BY created_at', userId, since)
            .map((r) => r.t);
    }
    hasAnsweredRound(userId, roundId) {
        return !!this.s.one('SELECT 1 FROM answers WHERE round_id = ? AND user_id = ? LIMIT 1', roundId, userId);
    }
    /**
     * Members who answered the round while it was open: their scoring answers, one per member by the
     * `answers_one_scoring` index, which this counts without reading a row (the live count is
     * refreshed all through a busy round, so it must stay cheap in a round of thousands).
     */
    roundAnswerCount(roundId) {
        return this.s.one('SELECT COUNT(*) AS n FROM answers WHERE round_id = ? AND counts = 1', roundId).n;
    }
    claimNextJob(now) {
        const row = this.s.one(`UPDATE grading_jobs SET status = 'running', attempts = attempts + 1, updated_at = ?
       WHERE id = (SELECT id FROM grading_jobs WHERE status = 'pending' AND not_before <= ? ORDER BY not_before, id LIMIT 1)
       RETURNING id, answer_id, attempts, created_at, not_before`, now, now);
        return row ? toJob(row) : null;
    }
    resetRunningJobs() {
        return this.s.run("UPDATE grading_jobs SET status = 'pending' WHERE status = 'running'").changes;
    }
    deferJob(jobId, notBefore, error) {
        this.s.run("UPDATE grading_jobs SET status = 'pending', not_before = ?, last_error = ?, updated_at = ? WHERE id = ? AND status <> 'done'", notBefore, error, Date.now(), jobId);
    }
    pendingJobCount() {
        return this.s.one("SELECT COUNT(*) AS n FROM grading_jobs WHERE status <> 'done'").n;
    }
    nextJobDue() {
        return this.s.one("SELECT MIN(not_before) AS t FROM grading_jobs WHERE status = 'pending'").t;
    }
    completeJob(jobId, grade, points, gradedAt) {
        return this.completeTx(jobId, grade, points, gradedAt);
    }
    getGrade(answerId) {
        const row = this.s.one('SELECT * FROM grades WHERE answer_id = ?', answerId);
        return row ? toGrade(row) : null;
    }
    findCachedGrade(questionId, normHash, grader, version) {
        const row = this.s.one('SELECT result FROM grade_cache WHERE question_id = ? AND norm_hash = ? AND grader = ? AND version = ?', questionId, normHash, grader, version);
        return row ? JSON.parse(row.result) : null;
    }
    saveCachedGrade(questionId, normHash, grader, version, grade) {
        this.s.run(`INSERT INTO grade_cache (question_id, norm_hash, grader, version, result, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`, questionId, normHash, grader, version, JSON.stringify(grade), Date.now());
    }
}
