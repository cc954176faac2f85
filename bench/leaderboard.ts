import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../src/storage/sqlite-store.js';
import { monthKey, weekKey } from '../src/core/time.js';
import { percentile, type BenchContext } from './lib.js';

const SCOPE = 'discord:bench';
const CHANNELS = 20;

/**
 * Fills a SQLite file through the real store (answers, grading jobs, grades, leaderboard totals) and
 * times the two leaderboard reads a member triggers: the top 10 and their own rank.
 */
export async function leaderboardBench(ctx: BenchContext): Promise<Record<string, number>> {
  const users = ctx.quick ? 10_000 : 100_000;
  const answers = ctx.quick ? 100_000 : 1_000_000;
  const dir = join(ctx.workDir, 'leaderboard');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `board-${users}-${answers}.sqlite`);
  let fillSeconds = 0;
  if (!existsSync(file)) {
    rmSync(`${file}.partial`, { force: true });
    fillSeconds = fill(`${file}.partial`, users, answers, ctx);
    const { renameSync } = await import('node:fs');
    renameSync(`${file}.partial`, file);
    for (const ext of ['-wal', '-shm']) rmSync(`${file}.partial${ext}`, { force: true });
  }
  const store = SqliteStore.open(file);
  const periods = ['all', 'W2026-48', 'M2026-11'];
  const top: number[] = [];
  const rank: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    const period = periods[i % periods.length]!;
    const channel = i % 2 === 0 ? null : `${SCOPE}:c${i % CHANNELS}`;
    let t = performance.now();
    store.leaderboard(SCOPE, channel, period, 10);
    top.push(performance.now() - t);
    const user = `discord:u${(i * 7919) % users}`;
    t = performance.now();
    store.rankOf(user, SCOPE, channel, period);
    rank.push(performance.now() - t);
  }
  store.close();
  return {
    users,
    answers,
    fill_seconds: Math.round(fillSeconds),
    top10_p50_ms: percentile(top, 50),
    rank_p50_ms: percentile(rank, 50),
    top10_p99_ms: percentile(rank, 99),
  };
}

function fill(file: string, users: number, answers: number, ctx: BenchContext): number {
  const started = performance.now();
  const store = SqliteStore.open(file);
  for (let c = 0; c < CHANNELS; c += 1) store.ensureChannel({ platform: 'discord', scopeId: SCOPE, channelId: `${SCOPE}:c${c}` }, { timezone: 'UTC' });
  const batch = store.db.transaction((from: number, to: number) => {
    for (let u = from; u < to; u += 1) store.upsertUser(`discord:u${u}`, `user ${u}`);
  });
  for (let u = 0; u < users; u += 10_000) batch(u, Math.min(users, u + 10_000));

  // one round per channel per day; each answer is a user's first answer to a round, graded once
  const days = Math.ceil(answers / users) * 3;
  const rounds: number[][] = [];
  for (let c = 0; c < CHANNELS; c += 1) {
    rounds.push([]);
    for (let d = 0; d < days; d += 1) {
      const date = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      const r = store.claimRound({ channelId: `${SCOPE}:c${c}`, scopeId: SCOPE, localDate: date, questionId: `q${d}`, cycle: 1, postedAt: 0, closesAt: 1 });
      rounds[c]!.push(r!.id);
    }
  }
  const insert = store.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const user = i % users;
      const nth = Math.floor(i / users);
      const c = (user * 31 + nth) % CHANNELS;
      const d = nth * 3 + (user % 3);
      const date = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      const { jobId } = store.insertAnswer({
        userId: `discord:u${user}`, scopeId: SCOPE, channelId: `${SCOPE}:c${c}`, questionId: `q${d}`, roundId: rounds[c]![d]!,
        kind: 'daily', hinted: false, text: 'bench answer', normHash: `h${i}`, createdAt: i, replyRoute: null, practiceId: null,
        localDate: date, weekKey: weekKey(date), monthKey: monthKey(date),
      });
      const score = (user * 7 + nth * 3) % 11;
      store.completeJob(jobId, { score, covered: [], missed: [], feedback: '', grader: 'offline', flags: [] }, score, i);
    }
  });
  const step = 20_000;
  for (let i = 0; i < answers; i += step) {
    insert(i, Math.min(answers, i + step));
    ctx.progress(`leaderboard fill ${Math.min(answers, i + step).toLocaleString('en-US')}/${answers.toLocaleString('en-US')}`);
  }
  store.db.pragma('optimize');
  store.close();
  return (performance.now() - started) / 1000;
}
