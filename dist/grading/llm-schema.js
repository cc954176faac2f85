/**
 * What the model must return, as one zod schema: the JSON schema sent as `response_format`
 * (structured output) and the validator of the reply are the same object, so they cannot drift.
 * The model gives a verdict per key point with its evidence, and advice; it never writes a score.
 */
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { GraderReplyRejected } from '../core/ports.js';
export const VERDICTS = ['covered', 'partly', 'missed', 'contradicted'];
/** Longest quote, reason and advice, and most verdicts: limits in the schema itself, so the server enforces them too. */
const LIMITS = { evidence: 300, reason: 200, advice: 300, verdicts: 20 };
/** Evidence first, then a short reason, then the verdict: the model quotes and reasons before it decides. */
export const VerdictSchema = z.object({
    point: z.number().int().min(1).max(100).describe('The number of the key point, as listed in the rubric (1 for the first).'),
    evidence: z
        .string()
        .max(LIMITS.evidence)
        .describe('For covered, partly or contradicted: an exact quote copied from the answer. For missed: an empty string.'),
    reason: z.string().max(LIMITS.reason).describe('One short sentence: why this verdict.'),
    verdict: z.enum(VERDICTS),
});
export const GradingReplySchema = z.object({
    verdicts: z.array(VerdictSchema).max(LIMITS.verdicts).describe('One verdict for every key point, in rubric order.'),
    advice: z.string().max(LIMITS.advice).describe('One sentence: what the candidate should add or fix next. No score.'),
});
/** The `response_format` of every grading request (strict json_schema named `grading`). */
export const GRADING_RESPONSE_FORMAT = zodResponseFormat(GradingReplySchema, 'grading');
/**
 * A model reply that cannot be used: not JSON, not the schema, a refusal, or verdicts that do not
 * name every key point exactly once. A failure of this grading attempt, never a crash: the worker
 * hands the answer to the fallback grader.
 */
export class GraderReplyError extends GraderReplyRejected {
    code = 'bad_reply';
    constructor(message) {
        super('unusable', message);
    }
}
/**
 * Parses and checks the model's reply for a rubric of `pointCount` key points. Accepts the JSON
 * wrapped in a Markdown code fence (some OpenAI-compatible servers add one); anything else that is
 * not exactly the schema is a {@link GraderReplyError}.
 */
export function parseGradingReply(content, pointCount) {
    if (!content || content.trim() === '')
        throw new GraderReplyError('the model returned no content');
    const text = content.trim().replace(/^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i, '$1');
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new GraderReplyError('the model reply is not valid JSON');
    }
    const parsed = GradingReplySchema.safeParse(json);
    if (!parsed.success) {
        const where = parsed.error.issues.map((i) => i.path.join('.') || '(root)').slice(0, 3).join(', ');
        throw new GraderReplyError(`the model reply does not match the grading schema (at ${where})`);
    }
    const seen = new Set();
    for (const v of parsed.data.verdicts) {
        if (v.point < 1 || v.point > pointCount || seen.has(v.point)) {
            throw new GraderReplyError(`the model reply names key point ${v.point} wrongly (out of range or twice)`);
        }
        seen.add(v.point);
    }
    if (seen.size !== pointCount) {
        throw new GraderReplyError(`the model reply has ${seen.size} verdicts for ${pointCount} key points`);
    }
    return parsed.data;
}
