/**
 * prepbot as the benchmarks run it: the real entry point compiled by tsc and run on plain node
 * (`node main.js`, as the Docker image starts it; or the full-bot script for the memory benchmark)
 * in a child process with Slack over HTTP against the Web API stand-in
 * and the LLM grader against the bench's model stand-in, a SQLite file in bench/.work, and the
 * real content. A signed `/prep daily` from the admin opens the round members answer.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SlackWebApiStandIn } from '../tests/stand-ins/slack-web-api.js';
import { built, ensureBuild } from './build.js';
import { startChild, portOf, type Child } from './child.js';
import { closedLoop } from './http-load.js';
import type { LlmStandIn } from './llm-stand-in.js';
import { ADMIN, BOT_TOKEN, CHANNEL, SIGNING_SECRET, slashCommand, TEAM } from './slack-requests.js';

export interface Session {
  child: Child;
  slack: SlackWebApiStandIn;
  /** The Slack HTTP receiver's port. */
  port: number;
  dbFile: string;
  /** The answerRef of the open round (`round:<id>`). */
  answerRef: string;
  /** A read-only look at the bot's database (WAL: reads while the bot writes). */
  db: Database.Database;
  /** Answers, grades and grading jobs not done, from the database. */
  counts(): { answers: number; grades: number; openJobs: number };
  /** Stops the bot (SIGTERM: a clean shutdown) and the Slack stand-in; returns the exit code. */
  close(): Promise<number | null>;
}

export interface SessionOptions {
  name: string;
  workDir: string;
  llm: LlmStandIn;
  /** GRADER_CONCURRENCY. */
  concurrency: number;
  /** The child's compiled script; `src/main.ts`'s by default (see build.ts). */
  script?: string;
  env?: Record<string, string>;
  /** Flags for node itself (e.g. V8 heap settings). */
  nodeFlags?: string[];
}

/** Starts the bot, waits until it serves Slack, and opens today's round in the bench channel. */
export async function startSession(o: SessionOptions): Promise<Session> {
  ensureBuild();
  const slack = await SlackWebApiStandIn.start();
  slack.addUser(ADMIN, { team: TEAM, name: 'admin', realName: 'Bench Admin', admin: true });
  const dir = join(o.workDir, 'db');
  mkdirSync(dir, { recursive: true });
  const dbFile = join(dir, `${o.name}.sqlite`);
  for (const ext of ['', '-wal', '-shm']) rmSync(`${dbFile}${ext}`, { force: true });
  const child = startChild(
    o.script ?? built('src/main.ts'),
    {
      DATABASE_PATH: dbFile,
      CONTENT_DIR: 'content',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      PORT: '0',
      GRADER: 'llm',
      OPENAI_BASE_URL: o.llm.baseURL,
      OPENAI_API_KEY: 'sk-bench',
      GRADER_CONCURRENCY: String(o.concurrency),
      ADMIN_USER_IDS: ADMIN,
      LOG_LEVEL: 'info',
      ...o.env,
    },
    join(o.workDir, 'logs'),
    o.name,
    o.nodeFlags ?? [],
  );
  let db: Database.Database | null = null;
  try {
    const port = portOf(await child.waitForLog(/Slack over HTTP/));
    await child.waitForLog(/prepbot started/);
    const res = await closedLoop(port, 1, 1, () => slashCommand('daily', slack.responseUrl('daily')));
    if (res.statuses[200] !== 1) throw new Error(`/prep daily was refused: ${res.errors.join('; ')}`);
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const round = await poll(() => db!.prepare("SELECT id FROM rounds WHERE channel_id = ? AND status = 'open' AND message_ref IS NOT NULL").get(`slack:${TEAM}:${CHANNEL}`) as { id: number } | undefined, 15_000, 'the daily round');
    const ro = db;
    return {
      child,
      slack,
      port,
      dbFile,
      db: ro,
      answerRef: `round:${round.id}`,
      counts: () =>
        ro
          .prepare(
            "SELECT (SELECT COUNT(*) FROM answers) AS answers, (SELECT COUNT(*) FROM grades) AS grades, (SELECT COUNT(*) FROM grading_jobs WHERE status <> 'done') AS openJobs",
          )
          .get() as { answers: number; grades: number; openJobs: number },
      async close() {
        const code = await child.stop();
        ro.close();
        await slack.close();
        return code;
      },
    };
  } catch (err) {
    db?.close();
    await child.stop(2_000);
    await slack.close();
    throw err;
  }
}

/** Polls `read` every 50 ms until it returns something, or throws after `timeoutMs`. */
export async function poll<T>(read: () => T | undefined | null | false, timeoutMs: number, what: string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = read();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
