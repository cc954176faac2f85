/**
 * Grading jobs with leases, with two real bot processes (Slack over HTTP) on one database and the
 * OpenAI-compatible stand-in counting model calls: a second process never grades the jobs of a live
 * first one, and takes over those of a first one killed with SIGKILL once their lease has run out.
 */
import { describe, expect, it } from 'vitest';
import { OpenAiStandIn } from '../stand-ins/openai-server.js';
import { SlackWebApiStandIn } from '../stand-ins/slack-web-api.js';
import { botProcesses, workspace } from './bot-process.js';
import { answerSubmission, killHard, rows, seedScheduledChannel, sendToSlackBot, slackEnv, slackPort, until } from './platform-bots.js';

const { start, closers } = botProcesses();

const ANSWER = 'Each token forms a query, compares it with the keys of all tokens, normalises the scores with a softmax and sums the values.';
const MEMBERS = ['UANN', 'UBOB', 'UCY', 'UDEE'];

type Job = { status: string; owner: string | null; lease_until: number | null; attempts: number };
const jobs = (db: string) => rows<Job>(db, 'SELECT status, owner, lease_until, attempts FROM grading_jobs ORDER BY id');
const grades = (db: string) => rows<{ answer_id: number; grader: string }>(db, 'SELECT answer_id, grader FROM grades ORDER BY answer_id');

/** A Slack bot with today's round and four answers, whose grading the model server holds. */
async function firstWithHeldGrading() {
  const llm = await OpenAiStandIn.start();
  const api = await SlackWebApiStandIn.start();
  closers.push(() => llm.close(), () => api.close());
  llm.mode = { kind: 'hold' };
  const ws = workspace();
  seedScheduledChannel(ws.db, { platform: 'slack', scopeId: 'slack:T1', channelId: 'slack:T1:C1' });
  const env = slackEnv(api, { GRADER: 'llm', OPENAI_BASE_URL: llm.baseURL, OPENAI_API_KEY: 'test-key' });
  const a = start(ws, env);
  const port = await slackPort(a);
  await until(() => api.postsIn('C1').length === 1);
  const roundId = rows<{ id: number }>(ws.db, 'SELECT id FROM rounds')[0]!.id;
  for (const user of MEMBERS) {
    // Each answer in words of its own: the same answer twice would reuse its grade without a call.
    const res = await sendToSlackBot(port, answerSubmission(roundId, user, `${ANSWER} Signed, ${user}.`, `trigger.${user}`));
    expect(res.json).toMatchObject({ response_action: 'update' });
  }
  await until(() => llm.held === MEMBERS.length);
  const scores = () => api.callsTo('chat.postEphemeral').filter((c) => JSON.stringify(c.body).includes('Score'));
  return { llm, api, ws, env, a, scores };
}

describe('two bot processes grading from one database', () => {
  it("never call the model for an answer whose owner lives: the second leaves the first one's running jobs alone (model calls == answers)", async () => {
    const { llm, ws, env, a, scores } = await firstWithHeldGrading();
    const b = start(ws, env);
    await b.waitFor(/grading jobs held by another process/, { stream: 'stderr', timeoutMs: 40_000 });
    // The owner keeps renewing: wait until its leases reach several lease lengths past B's start.
    const bStarted = Date.now();
    await until(() => jobs(ws.db).every((j) => j.status === 'running' && (j.lease_until ?? 0) > bStarted + 6_000));
    expect(llm.gradingRequests()).toHaveLength(MEMBERS.length);

    llm.mode = { kind: 'judge' };
    llm.release();
    await until(() => grades(ws.db).length === MEMBERS.length && scores().length === MEMBERS.length);
    expect(llm.gradingRequests()).toHaveLength(MEMBERS.length);
    expect(grades(ws.db).map((g) => g.grader)).toEqual(MEMBERS.map(() => 'llm:gpt-4.1-mini'));
    const owners = [...new Set(jobs(ws.db).map((j) => j.owner))];
    expect(owners).toHaveLength(1);
    expect(owners[0]).toContain(`:${a.child.pid}:`);
    expect(jobs(ws.db).map((j) => j.attempts)).toEqual(MEMBERS.map(() => 1));
  }, 120_000);

  it("grade a SIGKILLed owner's answers in the other process once the lease has run out, each exactly once", async () => {
    const { llm, ws, env, a, scores } = await firstWithHeldGrading();
    const b = start(ws, env);
    await b.waitFor(/grading jobs held by another process/, { stream: 'stderr', timeoutMs: 40_000 });

    llm.mode = { kind: 'judge' };
    await killHard(a);
    await until(() => grades(ws.db).length === MEMBERS.length && scores().length === MEMBERS.length);
    // The four calls the killed process had made, then one each from the process that took over.
    expect(llm.gradingRequests()).toHaveLength(2 * MEMBERS.length);
    expect(rows(ws.db, 'SELECT COUNT(*) AS n FROM answers')).toEqual([{ n: MEMBERS.length }]);
    expect(new Set(grades(ws.db).map((g) => g.answer_id)).size).toBe(MEMBERS.length);
    for (const j of jobs(ws.db)) {
      expect(j).toMatchObject({ status: 'done', attempts: 2 });
      expect(j.owner).toContain(`:${b.child.pid}:`);
    }
    expect(scores()).toHaveLength(MEMBERS.length);
  }, 120_000);
});
