/**
 * Human-scored answer sets in JSONL, one answer a line: `question`, `reference`, `answer` and
 * `score_avg` (0-5); other fields are ignored. Blank lines are skipped.
 */
import { readFile } from 'node:fs/promises';
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
    return { line, question: o.question, reference: o.reference, answer: o.answer, score };
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
