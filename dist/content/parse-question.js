import { parseFrontMatter, splitFrontMatter } from './front-matter.js';
/** Parses the text of one question file into a {@link Question}. */
export function parseQuestion(text, source) {
    const withFile = (errors) => errors.map((e) => ({ file: source.file, ...e }));
    const split = splitFrontMatter(text);
    if ('field' in split)
        return { errors: withFile([split]) };
    const front = parseFrontMatter(split.yaml, split.yamlLine);
    const body = parseBody(split.body, split.bodyLine);
    const errors = [...front.errors, ...body.errors];
    if (front.data === undefined || body.prompt === undefined || errors.length > 0) {
        return { errors: withFile(errors) };
    }
    return { question: toQuestion(front.data, body.prompt, body.reference, source), errors: [] };
}
function toQuestion(data, prompt, reference, source) {
    const question = {
        id: data.id,
        pack: source.pack,
        topic: data.topic,
        difficulty: data.difficulty,
        tags: data.tags,
        keyPoints: data.key_points.map(toKeyPoint),
        prompt,
        reference,
        file: source.file,
    };
    if (data.hint !== undefined)
        question.hint = data.hint;
    if (data.examples !== undefined)
        question.examples = data.examples;
    if (data.follow_ups !== undefined) {
        question.followUps = Object.fromEntries(Object.entries(data.follow_ups).map(([k, v]) => [Number(k), v]));
    }
    if (data.sources !== undefined)
        question.sources = data.sources;
    if (data.rubric !== undefined)
        question.rubric = data.rubric;
    return question;
}
function toKeyPoint(point) {
    return typeof point === 'string' ? { text: point, weight: 1 } : { text: point.text, weight: point.weight };
}
const H1 = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const CODE_FENCE = /^ {0,3}(```|~~~)/;
/** Splits the Markdown body into the question heading and the reference answer. */
function parseBody(body, firstLine) {
    const lines = body.split('\n');
    const headings = topLevelHeadings(lines);
    const first = lines.findIndex((line) => line.trim() !== '');
    const errors = [];
    const at = headings[0];
    if (at === undefined) {
        const found = first < 0 ? 'found nothing' : `found "${lines[first].trim()}" at line ${firstLine + first}`;
        errors.push({ field: 'heading', message: `Missing the question: write it as a '# ' heading after the front matter; ${found}.` });
    }
    else if (first < at) {
        errors.push({
            field: 'heading',
            message: `The question heading must come first; found text before it at line ${firstLine + first}.`,
        });
    }
    const extra = headings.slice(1).map((index) => firstLine + index);
    if (extra.length > 0) {
        errors.push({
            field: 'heading',
            message: `Only the question may be a '# ' heading; found another at line${extra.length > 1 ? 's' : ''} ${extra.join(', ')}` +
                " (use '## ' for sections of the answer).",
        });
    }
    const prompt = at === undefined ? undefined : H1.exec(lines[at])[1].trim();
    const reference = lines.slice((at ?? first) + 1).join('\n').trim();
    if (reference === '') {
        errors.push({ field: 'body', message: 'The reference answer is empty: write it below the question heading.' });
    }
    return { prompt, reference, errors };
}
/** Indexes of the `# ` heading lines (with some text), skipping fenced code blocks. */
function topLevelHeadings(lines) {
    const found = [];
    let fence;
    for (const [i, line] of lines.entries()) {
        const marker = CODE_FENCE.exec(line)?.[1];
        if (marker !== undefined) {
            if (fence === undefined)
                fence = marker;
            else if (marker === fence)
                fence = undefined;
            continue;
        }
        if (fence === undefined && H1.exec(line)?.[1]?.trim())
            found.push(i);
    }
    return found;
}
