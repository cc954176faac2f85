import { displayName } from '../../core/display.js';
import type { LeaderboardEntry } from '../../core/model.js';
import type { Reply, StatsReply } from '../../core/replies.js';

const bullets = (items: string[], mark: string) => items.map((i) => `  ${mark} ${i}`);

/** The daily answers' line of `stats`: points, answers and their average, apart from practice. */
export function dailyLine(s: StatsReply): string {
  if (s.answers === 0) return `${s.points} points; no graded daily answers yet`;
  return `${s.points} points from ${s.answers} ${s.answers === 1 ? 'answer' : 'answers'}, average ${s.dailyAverage}/10`;
}

/** The streak line of `stats`, with the rule that makes a streak. */
export function streakLine(s: StatsReply): string {
  return `${s.currentStreak} (best ${s.bestStreak}): rounds in a row answered with a score of ${s.streakMinScore} or more`;
}

/** The practice line of `stats`: its answers and average, apart from the daily ones. */
export function practiceLine(s: StatsReply): string {
  const average = s.practiceAverage === null ? '' : `, average ${s.practiceAverage}/10`;
  return `${s.practiceAnswered} ${s.practiceAnswered === 1 ? 'answer' : 'answers'}${average}, ${s.practicePoints} practice points, ${s.practiceDue} due for review`;
}

function boardLine(e: LeaderboardEntry): string {
  return `  ${String(e.rank).padStart(2)}. ${displayName(e.name, e.privacy)}: ${e.points} pts (${e.answers} answered)`;
}

/** Any reply as plain text lines: the console's rendering and other adapters' notification fallback. */
export function renderPlain(reply: Reply): string {
  switch (reply.kind) {
    case 'text':
      return reply.file ? `${reply.text}\n[file ${reply.file.name}]` : reply.text;
    case 'question': {
      const head = reply.mode === 'daily' ? 'Question of the day' : 'Practice question';
      const lines = [`${head} [${reply.topic}, ${reply.difficulty}]`, reply.prompt];
      if (reply.mode === 'daily') lines.push(reply.closed ? 'This round is closed.' : `${reply.answerCount} answered so far.`);
      if (reply.footer) lines.push(reply.footer);
      return lines.join('\n');
    }
    case 'form':
      return [reply.title, reply.prompt, reply.note ?? ''].filter(Boolean).join('\n');
    case 'ack':
      return reply.text;
    case 'grade': {
      const lines = [`Score: ${reply.score}/10${reply.mode === 'daily' && reply.points !== reply.score ? ` (${reply.points} points)` : ''}`];
      if (reply.covered.length) lines.push(`${reply.labels.covered}:`, ...bullets(reply.covered, '+'));
      if (reply.partly.length) lines.push(`${reply.labels.partly}:`, ...bullets(reply.partly, '~'));
      if (reply.missed.length) lines.push(`${reply.labels.missed}:`, ...bullets(reply.missed, '-'));
      if (reply.feedback) lines.push(`Advice: ${reply.feedback}`);
      lines.push(...reply.notes);
      return lines.join('\n');
    }
    case 'leaderboard': {
      const lines = [reply.title];
      if (reply.entries.length === 0) lines.push('  Nobody has points in this period yet.');
      lines.push(...reply.entries.map(boardLine));
      if (reply.you) lines.push(`Your rank: ${reply.you.rank} with ${reply.you.points} pts`);
      else lines.push('You have no points in this period yet.');
      return lines.join('\n');
    }
    case 'stats': {
      const lines = [
        `Stats for ${reply.name}`,
        `  Daily: ${dailyLine(reply)}`,
        `  Streak: ${streakLine(reply)}`,
        `  Practice: ${practiceLine(reply)}`,
      ];
      if (reply.hintedAnswers) lines.push(`  Answers after a hint: ${reply.hintedAnswers}`);
      if (reply.weakestTopics.length) {
        lines.push('  Weakest topics:', ...reply.weakestTopics.map((t) => `    ${t.topic}: ${t.average}/10 over ${t.answers}`));
      }
      return lines.join('\n');
    }
    case 'summary': {
      const lines = [reply.skipped ? `Round skipped: ${reply.questionPrompt}` : `Round closed: ${reply.questionPrompt}`];
      if (reply.keyPoints.length) lines.push('Key points:', ...bullets(reply.keyPoints, '*'));
      if (!reply.skipped) {
        lines.push(`${reply.answered} answered${reply.averageScore === null ? '' : `, average ${reply.averageScore}/10`}.`);
        if (reply.top.length) lines.push('Top:', ...reply.top.map((t) => `  ${t.rank}. ${t.name} (${t.score}/10)`));
      }
      return lines.join('\n');
    }
  }
}
