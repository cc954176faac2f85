import { displayName } from '../../core/display.js';
import type { LeaderboardEntry } from '../../core/model.js';
import type { DigestReply, Reply, ReportCardReply, StatsReply, SuggestFormReply, SummaryReply } from '../../core/replies.js';
import { FIELD_LABELS, labelledText } from '../../core/team/form.js';
import { formatLocal } from '../../core/time.js';

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
      if (reply.folder) return `${reply.text}\n[${reply.folder.files.length} files in ${reply.folder.name}]`;
      return reply.file ? `${reply.text}\n[file ${reply.file.name}]` : reply.text;
    case 'suggest-form':
      return suggestFormText(reply);
    case 'question': {
      const head = reply.title ?? (reply.mode === 'daily' ? 'Question of the day' : 'Practice question');
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
      if (reply.followUp) lines.push(`Follow-up: ${reply.followUp.prompt}`, `  ${reply.followUp.how}`);
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
    case 'summary':
      return summaryLines(reply).join('\n');
    case 'report':
      return reportLines(reply).join('\n');
    case 'digest':
      return digestLines(reply).join('\n');
  }
}

/** "covered by 3, partly by 1, missed by 4 of 8", in the graders' own words. */
export function pointCountText(c: NonNullable<SummaryReply['pointCounts']>[number], labels: NonNullable<SummaryReply['labels']>): string {
  const parts = [`${labels.covered.toLowerCase()} by ${c.covered}`];
  if (c.partly) parts.push(`${labels.partly.toLowerCase()} by ${c.partly}`);
  parts.push(`${labels.missed.toLowerCase()} by ${c.missed} of ${c.of}`);
  return parts.join(', ');
}

function summaryLines(reply: SummaryReply): string[] {
  const lines = [reply.skipped ? `Round skipped: ${reply.questionPrompt}` : `Round closed: ${reply.questionPrompt}`];
  if (reply.pointCounts?.length && reply.labels) {
    lines.push('Key points, and how the answers did:', ...reply.pointCounts.map((c) => `  * ${c.point} (${pointCountText(c, reply.labels!)})`));
  } else if (reply.keyPoints.length) lines.push('Key points:', ...bullets(reply.keyPoints, '*'));
  if (reply.commonMistake) lines.push(`Most common wrong idea: ${reply.commonMistake}`);
  if (!reply.skipped) {
    lines.push(`${reply.answered} answered${reply.averageScore === null ? '' : `, average ${reply.averageScore}/10`}.`);
    if (reply.top.length) lines.push('Top:', ...reply.top.map((t) => `  ${t.rank}. ${t.name} (${t.score}/10)`));
  }
  if (reply.showcase) lines.push(`Best answer shared by ${reply.showcase.name} (${reply.showcase.score}/10):`, ...reply.showcase.text.split('\n').map((l) => `  > ${l}`));
  return lines;
}

const scoreText = (s: number | null) => (s === null ? 'not graded' : `${s}/10`);

function reportLines(r: ReportCardReply): string[] {
  const lines = [r.stopped ? 'Mock interview ended early: your report card' : 'Mock interview finished: your report card'];
  if (r.items.length === 0) lines.push('  No question was answered.');
  r.items.forEach((i, n) => {
    const follow = i.followUp ? (i.followUp.passed ? '; follow-up passed' : `; follow-up ${scoreText(i.followUp.score)}`) : '';
    lines.push(`  ${n + 1}. ${i.prompt} [${i.topic}]: ${scoreText(i.score)}${follow}`);
  });
  if (r.average !== null) lines.push(`Average: ${r.average}/10`);
  lines.push(...topicLines(r));
  lines.push(`Due for review now: ${r.dueNow}${r.dueExamples.length ? `, such as:` : '.'}`, ...r.dueExamples.map((p) => `  - ${p}`));
  if (r.nextReview !== null) lines.push(`These questions come up for review again from ${formatLocal(r.nextReview, r.timezone)}.`);
  lines.push(r.footer);
  return lines;
}

function digestLines(r: DigestReply): string[] {
  const lines = [r.title, `${r.answers} ${r.answers === 1 ? 'answer' : 'answers'} from ${r.members} ${r.members === 1 ? 'member' : 'members'}${r.average === null ? '' : `, average ${r.average}/10`}.`];
  lines.push('Answered per day:', ...r.days.map((d) => `  ${d.label}: ${d.members}`));
  if (r.topics.length) lines.push('Average score by topic:', ...r.topics.map((t) => `  ${t.topic}: ${t.average}/10 (${t.answers} ${t.answers === 1 ? 'answer' : 'answers'})`));
  if (r.mostImproved) lines.push(`Most improved: ${r.mostImproved.name} (average ${r.mostImproved.before}/10 before, ${r.mostImproved.after}/10 this week)`);
  return lines;
}

/** The report card's topic lines: strongest and weakest when they differ, else the topics and their one average. */
export function topicLines(r: ReportCardReply): string[] {
  if (r.strongest && r.weakest) return [`Strongest topic: ${r.strongest.topic} (${r.strongest.average}/10)`, `Weakest topic: ${r.weakest.topic} (${r.weakest.average}/10)`];
  if (r.topics.length === 0) return [];
  return [`${r.topics.length === 1 ? 'Topic' : 'Topics'}: ${r.topics.map((t) => t.topic).join(', ')}, at ${r.topics[0]!.average}/10`];
}

/**
 * The suggestion form as text: what to fix, field by field, and (on the console, when the form opens
 * for the next lines) the labelled lines it reads, with the kept draft to start from.
 */
export function suggestFormText(form: SuggestFormReply, opening = false): string {
  const lines = [form.intro];
  if (form.problems.length) lines.push('To fix:', ...form.problems.map((p) => `  ${FIELD_LABELS[p.field]}: ${p.message}`));
  const kept = labelledText(form.values);
  if (opening) {
    lines.push(
      'Type the fields as labelled lines, then a line with a single "." to send (a field may take several lines):',
      '  question: ...  reference: ...  key points: (4 to 7, one per line)  topic: ...  difficulty: easy|medium|hard  hint: ...',
      'Topic, difficulty (medium if left out) and hint are optional. A line "/cancel" leaves the form.',
    );
    if (kept) lines.push('Your draft so far (lines you send replace these fields):', ...kept.split('\n').map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
