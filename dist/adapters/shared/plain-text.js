import { displayName } from '../../core/display.js';
const bullets = (items, mark) => items.map((i) => `  ${mark} ${i}`);
function boardLine(e) {
    return `  ${String(e.rank).padStart(2)}. ${displayName(e.name, e.privacy)}: ${e.points} pts (${e.answers} answered)`;
}
/** Any reply as plain text lines: the console's rendering and other adapters' notification fallback. */
export function renderPlain(reply) {
    switch (reply.kind) {
        case 'text':
            return reply.file ? `${reply.text}\n[file ${reply.file.name}]\n${reply.file.content}` : reply.text;
        case 'question': {
            const head = reply.mode === 'daily' ? 'Question of the day' : 'Practice question';
            const lines = [`${head} [${reply.topic}, ${reply.difficulty}]`, reply.prompt];
            if (reply.mode === 'daily')
                lines.push(reply.closed ? 'This round is closed.' : `${reply.answerCount} answered so far.`);
            if (reply.footer)
                lines.push(reply.footer);
            return lines.join('\n');
        }
        case 'form':
            return [reply.title, reply.prompt, reply.note ?? ''].filter(Boolean).join('\n');
        case 'ack':
            return reply.text;
        case 'grade': {
            const lines = [`Score: ${reply.score}/10${reply.mode === 'daily' && reply.points !== reply.score ? ` (${reply.points} points)` : ''}`];
            if (reply.covered.length)
                lines.push(`${reply.labels.covered}:`, ...bullets(reply.covered, '+'));
            if (reply.partly.length)
                lines.push(`${reply.labels.partly}:`, ...bullets(reply.partly, '~'));
            if (reply.missed.length)
                lines.push(`${reply.labels.missed}:`, ...bullets(reply.missed, '-'));
            if (reply.feedback)
                lines.push(`Advice: ${reply.feedback}`);
            lines.push(...reply.notes);
            return lines.join('\n');
        }
        case 'leaderboard': {
            const lines = [reply.title];
            if (reply.entries.length === 0)
                lines.push('  Nobody has points in this period yet.');
            lines.push(...reply.entries.map(boardLine));
            if (reply.you)
                lines.push(`Your rank: ${reply.you.rank} with ${reply.you.points} pts`);
            else
                lines.push('You have no points in this period yet.');
            return lines.join('\n');
        }
        case 'stats': {
            const lines = [
                `Stats for ${reply.name}`,
                `  Points: ${reply.points} from ${reply.answers} daily answers`,
                `  Average score: ${reply.averageScore === null ? 'no graded answers yet' : `${reply.averageScore}/10`}`,
                `  Streak: ${reply.currentStreak} (best ${reply.bestStreak})`,
                `  Practice: ${reply.practiceAnswered} answered, ${reply.practicePoints} practice points, ${reply.practiceDue} due for review`,
            ];
            if (reply.hintedAnswers)
                lines.push(`  Answers after a hint: ${reply.hintedAnswers}`);
            if (reply.weakestTopics.length) {
                lines.push('  Weakest topics:', ...reply.weakestTopics.map((t) => `    ${t.topic}: ${t.average}/10 over ${t.answers}`));
            }
            return lines.join('\n');
        }
        case 'summary': {
            const lines = [reply.skipped ? `Round skipped: ${reply.questionPrompt}` : `Round closed: ${reply.questionPrompt}`];
            if (reply.keyPoints.length)
                lines.push('Key points:', ...bullets(reply.keyPoints, '*'));
            if (!reply.skipped) {
                lines.push(`${reply.answered} answered${reply.averageScore === null ? '' : `, average ${reply.averageScore}/10`}.`);
                if (reply.top.length)
                    lines.push('Top:', ...reply.top.map((t) => `  ${t.rank}. ${t.name} (${t.score}/10)`));
            }
            return lines.join('\n');
        }
    }
}
