/**
 * The front matter of a question file, as a zod schema. Strict: an unknown key is an error, so a
 * typo such as `keypoints` or `dificulty` is caught instead of silently ignored.
 */
import * as z from 'zod';
import { RUBRIC_KINDS } from '../core/model.js';
/** Lowercase words of letters and digits joined by single hyphens, e.g. `llm-basics`. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Allowed number of key points per question. */
const KEY_POINTS_MIN = 4;
const KEY_POINTS_MAX = 7;
/** The difficulties a question may declare. */
const DIFFICULTIES = ['easy', 'medium', 'hard'];
function typeName(input) {
    if (input === null)
        return 'null';
    if (Array.isArray(input))
        return 'a list';
    return typeof input === 'object' ? 'a mapping' : `a ${typeof input}`;
}
/** A required string; says whether it is missing or of the wrong type. `name` is e.g. "the topic". */
function requiredString(name) {
    const subject = name.charAt(0).toUpperCase() + name.slice(1);
    return z.string({
        error: (iss) => iss.input === undefined ? `Missing ${name}.` : `${subject} must be a string, got ${typeName(iss.input)}.`,
    });
}
function kebab(name, example) {
    return requiredString(name).regex(KEBAB_CASE, {
        error: `Must be kebab-case (lowercase letters and digits joined by single hyphens), e.g. "${example}".`,
    });
}
const keyPointText = requiredString('the key point text')
    .trim()
    .min(1, { error: 'A key point must not be empty.' });
/** A key point with an explicit weight; `weight` defaults to 1. */
const WeightedKeyPointSchema = z.strictObject({
    text: keyPointText,
    weight: z
        .number({ error: (iss) => `Weight must be a positive number, got ${typeName(iss.input)}.` })
        .positive({ error: 'Weight must be a positive number (default 1).' })
        .default(1),
}, {
    error: (iss) => iss.code === 'unrecognized_keys'
        ? `Unknown key in a key point; use only "text" and "weight".`
        : `A key point must be a string or a mapping with "text" and "weight", got ${typeName(iss.input)}.`,
});
/** One rubric item: a plain string, or `{ text, weight }`. */
const KeyPointSchema = z.union([keyPointText, WeightedKeyPointSchema], {
    error: (iss) => `A key point must be a string or a mapping with "text" and "weight", got ${typeName(iss.input)}.`,
});
/**
 * A graded example answer: calibration for the LLM grader's prompt and a regression case for the
 * offline grader (`content:check` expects the offline score within 3 points of `score`).
 */
const ExampleSchema = z.strictObject({
    answer: requiredString('the example answer').trim().min(1, { error: 'An example answer must not be empty.' }),
    score: z
        .number({ error: (iss) => `An example's score must be a whole number 0-10, got ${typeName(iss.input)}.` })
        .int({ error: "An example's score must be a whole number 0-10." })
        .min(0, { error: "An example's score must be a whole number 0-10." })
        .max(10, { error: "An example's score must be a whole number 0-10." }),
}, {
    error: (iss) => iss.code === 'unrecognized_keys'
        ? 'Unknown key in an example; use only "answer" and "score".'
        : `An example must be a mapping with "answer" and "score", got ${typeName(iss.input)}.`,
});
const keyPointsCount = `Give ${KEY_POINTS_MIN} to ${KEY_POINTS_MAX} key points`;
/** The YAML front matter of `content/<pack>/<NN>-<slug>.md`. */
export const FrontMatterSchema = z.strictObject({
    id: kebab('the id', 'llm-what-is-an-llm'),
    topic: kebab('the topic', 'llm-basics'),
    difficulty: z.enum(DIFFICULTIES, {
        error: (iss) => iss.input === undefined
            ? `Missing difficulty; use one of ${DIFFICULTIES.join(', ')}.`
            : `Difficulty must be one of ${DIFFICULTIES.join(', ')}, got ${JSON.stringify(iss.input)}.`,
    }),
    tags: z
        .array(requiredString('a tag').trim().min(1, { error: 'A tag must not be empty.' }), {
        error: (iss) => `Tags must be a list of strings, got ${typeName(iss.input)}.`,
    })
        .default([]),
    key_points: z
        .array(KeyPointSchema, {
        error: (iss) => iss.input === undefined
            ? `Missing key_points; ${keyPointsCount.toLowerCase()}.`
            : `Key points must be a list, got ${typeName(iss.input)}.`,
    })
        .min(KEY_POINTS_MIN, { error: (iss) => `${keyPointsCount}; found ${countOf(iss.input)}.` })
        .max(KEY_POINTS_MAX, { error: (iss) => `${keyPointsCount}; found ${countOf(iss.input)}.` })
        .superRefine((points, ctx) => {
        const seen = new Map();
        points.forEach((point, index) => {
            const text = (typeof point === 'string' ? point : point.text).toLowerCase();
            const first = seen.get(text);
            if (first === undefined)
                seen.set(text, index);
            else
                ctx.addIssue({ code: 'custom', path: [index], message: `Repeats key point ${first + 1}.` });
        });
    }),
    hint: requiredString('the hint')
        .trim()
        .min(1, { error: 'The hint must not be empty; remove the key or write one sentence.' })
        .optional(),
    examples: z
        .array(ExampleSchema, { error: (iss) => `Examples must be a list, got ${typeName(iss.input)}.` })
        .optional(),
    follow_ups: z
        .record(z.string().regex(/^[1-9]$/, { error: 'A follow-up is keyed by its key point number, 1 to 7.' }), requiredString('a follow-up question').trim().min(1, { error: 'A follow-up question must not be empty.' }), { error: (iss) => `Follow-ups must be a mapping of key point number to question, got ${typeName(iss.input)}.` })
        .optional(),
    rubric: z
        .enum(RUBRIC_KINDS, {
        error: (iss) => `Rubric must be one of ${RUBRIC_KINDS.join(', ')} (or left out), got ${JSON.stringify(iss.input)}.`,
    })
        .optional(),
    sources: z
        .array(requiredString('a source').trim().min(1, { error: 'A source must not be empty.' }), {
        error: (iss) => `Sources must be a list of strings, got ${typeName(iss.input)}.`,
    })
        .optional(),
}, {
    error: (iss) => iss.code === 'unrecognized_keys'
        ? 'Unknown key.'
        : `The front matter must be a YAML mapping, got ${typeName(iss.input)}.`,
}).superRefine((data, ctx) => {
    for (const key of Object.keys(data.follow_ups ?? {})) {
        if (Number(key) > data.key_points.length) {
            ctx.addIssue({
                code: 'custom',
                path: ['follow_ups', key],
                message: `There is no key point ${key}; this question has ${data.key_points.length}.`,
            });
        }
    }
});
function countOf(input) {
    return Array.isArray(input) ? input.length : 0;
}
