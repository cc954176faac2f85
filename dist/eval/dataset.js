/**
 * Human-scored answer sets in JSONL, one answer a line: `question`, `reference`, `answer` and
 * `score_avg` (0-5); optionally `question_id`, and the product's rubric: `key_points` (strings, or
 * `{text, weight}`) and `hint`. Other fields are ignored. Blank lines are skipped.
 */
import { readFile } from 'node:fs/promises';
/** An answer a grader has nothing to grade in: blank, or a placeholder such as "No submission". */
export function isEmptyAnswer(answer) {
    const t = answer.trim().toLowerCase().replace(/[.!\s]+$/, '');
    return t === '' || /^(?:no (?:submission|answer|response)|not answered|n\/?a|-+)$/.test(t);
}
function keyPointsOf(value) {
    if (!Array.isArray(value))
        return '"key_points" must be a list';
    const out = [];
    for (const k of value) {
        if (typeof k === 'string' && k.trim() !== '')
            out.push({ text: k, weight: 1 });
        else if (typeof k === 'object' && k !== null && typeof k.text === 'string') {
            const w = k.weight;
            if (w !== undefined && (typeof w !== 'number' || !(w > 0)))
                return '"key_points" weights must be positive numbers';
            out.push({ text: k.text, weight: typeof w === 'number' ? w : 1 });
        }
        else
            return '"key_points" entries must be strings or {text, weight}';
    }
    return out;
}
/** A file with malformed lines; `problems` lists each as `FILE:LINE: message`. */
export class EvalSetError extends Error {
    problems;
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
    }
}
/** Checks one line; returns the item or the reason it is unusable. */
function parseLine(text, line) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        return `not valid JSON (${err.message})`;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return 'expected a JSON object';
    const o = value;
    for (const field of ['question', 'reference', 'answer']) {
        if (typeof o[field] !== 'string')
            return `"${field}" must be a string`;
    }
    if (o.question.trim() === '')
        return '"question" is empty';
    if (o.reference.trim() === '')
        return '"reference" is empty';
    const score = o.score_avg;
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 5) {
        return `"score_avg" must be a number from 0 to 5 (got ${JSON.stringify(score) ?? 'nothing'})`;
    }
    const item = { line, question: o.question, reference: o.reference, answer: o.answer, score };
    if (typeof o.question_id === 'string' || typeof o.question_id === 'number')
        item.questionId = String(o.question_id);
    if (o.key_points !== undefined) {
        const kps = keyPointsOf(o.key_points);
        if (typeof kps === 'string')
            return kps;
        item.keyPoints = kps;
    }
    if (typeof o.hint === 'string' && o.hint.trim() !== '')
        item.hint = o.hint;
    return item;
}
/** Parses a whole JSONL text; throws an EvalSetError naming every bad line (at most 20). */
export function parseEvalSet(text, file) {
    const items = [];
    const problems = [];
    let bad = 0;
    text.split(/\r?\n/).forEach((raw, i) => {
        if (raw.trim() === '')
            return;
        const parsed = parseLine(raw, i + 1);
        if (typeof parsed === 'string') {
            bad++;
            if (problems.length < 20)
                problems.push(`${file}:${i + 1}: ${parsed}`);
        }
        else
            items.push(parsed);
    });
    if (bad > problems.length)
        problems.push(`... and ${bad - problems.length} more bad lines`);
    if (problems.length > 0)
        throw new EvalSetError(problems);
    if (items.length === 0)
        throw new EvalSetError([`${file}: no answers in the file`]);
    return items;
}
export async function readEvalSet(file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (err) {
        throw new EvalSetError([`${file}: cannot read (${err.code ?? err.message})`]);
    }
    return parseEvalSet(text, file);
}
