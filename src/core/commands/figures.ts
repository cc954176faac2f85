import { cmd } from '../command-text.js';
import type { Period } from '../model.js';
import { error, type LeaderboardReply, type StatsReply } from '../replies.js';
import { STREAK_MIN_SCORE } from '../scoring.js';
import { computeStreaks } from '../streaks.js';
import { localDate, periodKey } from '../time.js';
import { words, type Command } from './command.js';

const PERIODS: Period[] = ['week', 'month', 'all'];
const PERIOD_TITLE: Record<Period, string> = { week: 'this week', month: 'this month', all: 'all time' };
/** An average to one decimal, or null over no answers. */
const average = (sum: number, n: number) => (n ? Math.round((sum / n) * 10) / 10 : null);

export const leaderboard: Command = {
  verb: 'leaderboard',
  admin: false,
  usage: 'leaderboard [week|month|all] [channel]',
  summary: "top 10 of this server or workspace for the period (or of this channel), and your own rank",
  options: [
    { name: 'period', description: 'week, month or all (default week)', choices: PERIODS },
    { name: 'where', description: 'server (default) or channel', choices: ['server', 'channel'] },
  ],
  run({ deps, actor, place, channel, args }) {
    let period: Period = 'week';
    let here = false;
    for (const w of words(args.toLowerCase())) {
      if ((PERIODS as string[]).includes(w)) period = w as Period;
      else if (w === 'channel' || w === 'here') here = true;
      else if (w === 'server' || w === 'workspace') here = false;
      else return [error(`"${w}" is not a period. Use ${cmd(place.platform, 'leaderboard week')}, ${cmd(place.platform, 'leaderboard month')} or ${cmd(place.platform, 'leaderboard all')} (add "channel" for this channel only).`)];
    }
    const key = periodKey(period, localDate(deps.clock.now(), channel.timezone));
    const channelId = here ? place.channelId : null;
    const entries = deps.store.figures.leaderboard(place.scopeId, channelId, key, 10);
    const you = deps.store.figures.rankOf(actor.id, place.scopeId, channelId, key);
    const reply: LeaderboardReply = {
      kind: 'leaderboard',
      visibility: 'public',
      title: `Leaderboard, ${PERIOD_TITLE[period]}${here ? ', this channel' : ''}`,
      period,
      entries,
      you,
    };
    return [reply];
  },
};

export const stats: Command = {
  verb: 'stats',
  admin: false,
  usage: 'stats',
  summary: `your points, daily and practice averages, streak (rounds scored ${STREAK_MIN_SCORE}+ in a row), weakest topics`,
  options: [],
  run({ deps, practice, actor, place }) {
    const totals = deps.store.figures.userTotals(actor.id, place.scopeId);
    // Streaks belong to a channel's rounds; asked elsewhere (a DM, App Home), show the channel the person plays in.
    const here = deps.store.rounds.streakRounds(place.channelId);
    const streakChannel = here.length > 0 ? place.channelId : (deps.store.figures.latestRoundChannel(actor.id, place.scopeId) ?? place.channelId);
    const rounds = streakChannel === place.channelId ? here : deps.store.rounds.streakRounds(streakChannel);
    const streaks = computeStreaks(rounds, deps.store.figures.userStreakScores(actor.id, streakChannel));
    const byTopic = new Map<string, { sum: number; n: number }>();
    for (const row of deps.store.figures.topicAverages(actor.id, place.scopeId)) {
      const topic = deps.content.get(row.questionId)?.topic ?? 'retired questions';
      const t = byTopic.get(topic) ?? { sum: 0, n: 0 };
      t.sum += row.average * row.answers;
      t.n += row.answers;
      byTopic.set(topic, t);
    }
    const weakest = [...byTopic.entries()]
      .map(([topic, t]) => ({ topic, average: Math.round((t.sum / t.n) * 10) / 10, answers: t.n }))
      .sort((a, b) => a.average - b.average || a.topic.localeCompare(b.topic))
      .slice(0, 3);
    const reply: StatsReply = {
      kind: 'stats',
      visibility: 'private',
      name: actor.name,
      points: totals.points,
      answers: totals.answers,
      dailyAverage: average(totals.dailyScoreSum, totals.answers),
      currentStreak: streaks.current,
      bestStreak: streaks.best,
      streakMinScore: STREAK_MIN_SCORE,
      practiceAnswered: totals.practiceAnswers,
      practicePoints: totals.practicePoints,
      practiceAverage: average(totals.practiceScoreSum, totals.practiceAnswers),
      practiceDue: practice.dueCount(actor.id, place.scopeId),
      hintedAnswers: totals.hintedAnswers,
      weakestTopics: weakest,
    };
    return [reply];
  },
};
