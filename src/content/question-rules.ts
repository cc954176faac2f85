/**
 * The content format's rules for questions members suggest in chat (the core's QuestionRules
 * port): a draft is written out as a question file and read back through the same parser, schema
 * and quality checks as `content:check`, so a suggestion that passes here is a file that passes
 * there. Problems come back per form field, in sentences for the member rather than file paths.
 */
import { stringify } from 'yaml';
import type { Question } from '../core/model.js';
import type { QuestionDraft, QuestionRules } from '../core/ports.js';
import type { DraftProblem, SuggestionField } from '../core/team/form.js';
import type { ContentError } from './errors.js';
import { parseQuestion } from './parse-question.js';
import { DUPLICATE_AT, mixErrors, questionErrors } from './quality.js';
import { similarTo } from './similarity.js';

/** The id and file a draft is checked under; the real id is given on approval. */
const DRAFT_ID = 'team-suggestion';
const DRAFT_FILE = 'suggestion';

export class ContentQuestionRules implements QuestionRules {
  check(draft: QuestionDraft, library: readonly Question[]): DraftProblem[] {
    const missing: DraftProblem[] = [];
    if (!draft.prompt.trim()) missing.push({ field: 'question', message: 'Write the question, as you would ask it in an interview.' });
    if (!draft.reference.trim()) missing.push({ field: 'reference', message: 'Write the reference answer: what a strong answer says, which the key points come from.' });
    if (missing.length) return missing;
    if (/^ {0,3}#[ \t]/m.test(draft.reference)) {
      return [{ field: 'reference', message: "Use '## ' for a heading inside the reference answer; '# ' marks the question." }];
    }
    const text = this.toMarkdown({
      id: DRAFT_ID,
      pack: 'team',
      topic: draft.topic,
      difficulty: draft.difficulty as Question['difficulty'],
      tags: [],
      keyPoints: draft.keyPoints.map((t) => ({ text: t, weight: 1 })),
      ...(draft.hint ? { hint: draft.hint } : {}),
      prompt: draft.prompt,
      reference: draft.reference,
      file: DRAFT_FILE,
    });
    const parsed = parseQuestion(text, { pack: 'team', file: DRAFT_FILE });
    if (!parsed.question) return dedupe(parsed.errors.map(toProblem));
    const problems = questionErrors(parsed.question).map(toProblem);
    const others = library.filter((q) => q.id !== DRAFT_ID);
    for (const pair of similarTo(parsed.question, others, DUPLICATE_AT).slice(0, 1)) {
      problems.push({
        field: 'question',
        message: `Nearly the same question as "${pair.b.prompt}" (${pair.b.pack === 'team' ? 'your team pack' : `pack ${pair.b.pack}`}; similarity ${pair.similarity.toFixed(2)}, ${DUPLICATE_AT} is the limit). Ask something else, or about another side of it.`,
      });
    }
    return dedupe(problems);
  }

  packProblems(questions: readonly Question[]): string[] {
    return mixErrors(questions).map((e) => e.message);
  }

  toMarkdown(q: Question): string {
    const front: Record<string, unknown> = { id: q.id, topic: q.topic, difficulty: q.difficulty, tags: q.tags };
    front.key_points = q.keyPoints.map((k) => (k.weight === 1 ? k.text : { text: k.text, weight: k.weight }));
    if (q.hint) front.hint = q.hint;
    if (q.sources?.length) front.sources = q.sources;
    const yaml = stringify(front, { lineWidth: 0 }).trimEnd();
    return `---\n${yaml}\n---\n# ${q.prompt.replace(/\s+/g, ' ').trim()}\n\n${q.reference.trim()}\n`;
  }
}

/** Which form field a file field is, and the message as the member should read it. */
function toProblem(e: ContentError): DraftProblem {
  const kp = /^key_points(?:\[(\d+)\])?/.exec(e.field);
  if (kp) return { field: 'keyPoints', message: kp[1] === undefined ? e.message : `Key point ${Number(kp[1]) + 1}: ${e.message}` };
  const fields: Record<string, SuggestionField> = { topic: 'topic', difficulty: 'difficulty', hint: 'hint', body: 'reference', heading: 'question' };
  const field = fields[e.field.split(/[.[]/, 1)[0]!] ?? 'question';
  return { field, message: e.message };
}

function dedupe(problems: DraftProblem[]): DraftProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.field}|${p.message}`) && Boolean(seen.add(`${p.field}|${p.message}`)));
}
