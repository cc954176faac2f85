import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../src/storage/sqlite-store.js';
import { monthKey, weekKey } from '../src/core/time.js';
import { percentile, round, type BenchContext } from './lib.js';

const SCOPE = 'discord:bench';
const CHANNELS = 20;
/** The answers span this many days (about two years of daily questions). */
const DAYS = 500;
const START = Date.UTC(2025, 0, 1);
const SAMPLES = 300;

const dateOf = (day: number) => new Date(START + day * 86_400_000).toISOString().slice(0, 10);

/** A score 0-10 that looks random but is the same on every run (a 32-bit integer hash). */
function scoreOf(user: number, nth: number): number {
  let h = Math.imul(user ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(nth + 1, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 16;
  return (h >>> 0) % 11;
}

/**
 * Leaderboards that grew for years: a SQLite file filled through the real store (each answer
 * stored with `insertAnswer` and graded with `completeJob`, which keeps the leaderboard totals up
 * to date), then the two reads a member triggers, timed on a fresh connection with the store's own
 * settings: the top 10 and their own rank, for the whole server and for one channel, over all time,
 * the latest ISO week and the latest month (the boards members ask for), 300 of each.
 *
 * Shape (see fill()): `users` members of one server with 20 channels, `answers / users` answers
 * each, spread over 500 days; the all-time server board holds every member, the latest week's
 * about a tenth of them. The filled file is kept in bench/.work; `fill_seconds` is the time its
 * fill took (on an earlier run when `fill_reused` is 1).
 */
export async function leaderboardBench(ctx: BenchContext): Promise<Record<string, number>> {
  const users = ctx.quick ? 10_000 : 100_000;
  const answers = ctx.quick ? 100_000 : 1_000_000;
  const dir = join(ctx.workDir, 'leaderboard');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `board-v3-${users}-${answers}.sqlite`);
  // The fill's time is kept beside the file, so a run that reuses it still reports what it cost.
  const fillRecord = `${file}.fill.json`;
  const reused = existsSync(file) && existsSync(fillRecord);
  if (!reused) {
    const partial = `${file}.partial`;
    for (const ext of ['', '-wal', '-shm']) rmSync(`${partial}${ext}`, { force: true });
    const seconds = fill(partial, users, answers, ctx);
    renameSync(partial, file);
    writeFileSync(fillRecord, JSON.stringify({ seconds }));
  }
  const fillSeconds = (JSON.parse(readFileSync(fillRecord, 'utf8')) as { seconds: number }).seconds;

  const store = SqliteStore.open(file);
  const last = dateOf(DAYS - 1);
  const periods = ['all', weekKey(last), monthKey(last)];
  const top: number[] = [];
  const rank: number[] = [];
  const sizes = new Map<string, number>();
  for (let i = 0; i < SAMPLES; i += 1) {
    const period = periods[i % periods.length]!;
    const channel = i % 2 === 0 ? null : `${SCOPE}:c${i % CHANNELS}`;
    let t = performance.now();
    const board = store.figures.leaderboard(SCOPE, channel, period, 10);
    top.push(performance.now() - t);
    if (board.length === 0) throw new Error(`the ${period} board of ${channel ?? 'the server'} is empty`);
    // A member who is on this board (the ranked member's rank is counted among everyone above).
    const member = memberOn(store, channel ?? '', period, i);
    t = performance.now();
    const entry = store.figures.rankOf(member, SCOPE, channel, period);
    rank.push(performance.now() - t);
    if (!entry) throw new Error(`${member} has no rank on the ${period} board`);
    const key = `${channel ? 'channel' : 'server'} ${period === 'all' ? 'all' : period[0] === 'W' ? 'week' : 'month'}`;
    if (!sizes.has(key)) sizes.set(key, boardSize(store, channel ?? '', period));
  }
  const rows = (store.db.prepare('SELECT COUNT(*) AS n FROM user_points').get() as { n: number }).n;
  store.close();
  return {
    users,
    answers,
    fill_seconds: Math.round(fillSeconds),
    fill_reused: reused ? 1 : 0,
    db_mb: Math.round(statSync(file).size / 1_048_576),
    points_rows: rows,
    server_all_board: sizes.get('server all') ?? 0,
    server_week_board: sizes.get('server week') ?? 0,
    top10_p50_ms: percentile(top, 50),
    top10_p99_ms: percentile(top, 99),
    rank_p50_ms: percentile(rank, 50),
    rank_p99_ms: percentile(rank, 99),
  };
}

/** Members ranked on a board: spread over it (sample `i` of the board, by user id). */
function memberOn(store: SqliteStore, channel: string, period: string, i: number): string {
  const n = boardSize(store, channel, period);
  const row = store.db
    .prepare('SELECT user_id FROM user_points WHERE scope_id = ? AND channel_id = ? AND period_key = ? ORDER BY user_id LIMIT 1 OFFSET ?')
    .get(SCOPE, channel, period, (i * 7919) % n) as { user_id: string };
  return row.user_id;
}

function boardSize(store: SqliteStore, channel: string, period: string): number {
  return (store.db.prepare('SELECT COUNT(*) AS n FROM user_points WHERE scope_id = ? AND channel_id = ? AND period_key = ?').get(SCOPE, channel, period) as { n: number }).n;
}

/**
 * Fills the file through the real store. Member `u`'s n-th answer is on day `50n + u % 50` (each
 * fiftieth of the members answers on a given day of every 50-day block) in channel
 * `(u / 50 + n) % 20`, so every round has about the same number of answers; its score is a
 * deterministic pseudo-random 0-10. One transaction per 20,000 answers. During the fill only,
 * SQLite keeps up to 1 GB of pages in memory, journals in memory and skips fsync (the fill writes
 * a `.partial` file that a crash simply discards); the timed reads use the store's own settings.
 */
function fill(file: string, users: number, answers: number, ctx: BenchContext): number {
  const started = performance.now();
  const store = SqliteStore.open(file);
  store.db.pragma('cache_size = -1048576');
  store.db.pragma('journal_mode = MEMORY');
  store.db.pragma('synchronous = OFF');
  const perUser = Math.ceil(answers / users);
  const block = Math.floor(DAYS / perUser);
  for (let c = 0; c < CHANNELS; c += 1) store.channels.ensureChannel({ platform: 'discord', scopeId: SCOPE, channelId: `${SCOPE}:c${c}` }, { timezone: 'UTC' });
  store.db.transaction(() => {
    for (let u = 0; u < users; u += 1) store.channels.upsertUser(`discord:u${u}`, `user ${u}`);
  })();
  const rounds: number[][] = [];
  store.db.transaction(() => {
    for (let c = 0; c < CHANNELS; c += 1) {
      rounds.push([]);
      for (let d = 0; d < DAYS; d += 1) {
        const r = store.rounds.claimRound({ channelId: `${SCOPE}:c${c}`, scopeId: SCOPE, localDate: dateOf(d), questionId: `q${d}`, cycle: 1, postedAt: 0, closesAt: 1 });
        rounds[c]!.push(r!.id);
      }
    }
  })();
  const dates = Array.from({ length: DAYS }, (_, d) => {
    const date = dateOf(d);
    return { date, week: weekKey(date), month: monthKey(date) };
  });
  const insert = store.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const user = i % users;
      const nth = Math.floor(i / users);
      const c = (Math.floor(user / block) + nth) % CHANNELS;
      const d = nth * block + (user % block);
      const day = dates[d]!;
      const { jobId } = store.answers.insertAnswer({
        userId: `discord:u${user}`, scopeId: SCOPE, channelId: `${SCOPE}:c${c}`, questionId: `q${d}`, roundId: rounds[c]![d]!,
        kind: 'daily', hinted: false, text: 'bench answer', normHash: `h${i}`, createdAt: START + d * 86_400_000, replyRoute: null, practiceId: null,
        localDate: day.date, weekKey: day.week, monthKey: day.month,
      });
      const score = scoreOf(user, nth);
      store.answers.completeJob(jobId, { score, covered: [], missed: [], feedback: '', grader: 'offline', flags: [] }, score, START + d * 86_400_000);
    }
  });
  const step = 20_000;
  for (let i = 0; i < answers; i += step) {
    insert(i, Math.min(answers, i + step));
    ctx.progress(`leaderboard fill ${Math.min(answers, i + step).toLocaleString('en-US')}/${answers.toLocaleString('en-US')} (${round((performance.now() - started) / 1000, 0)} s)`);
  }
  store.db.pragma('optimize');
  store.db.pragma('journal_mode = WAL');
  store.close();
  return (performance.now() - started) / 1000;
}
