import { GraderReplyRejected } from '../core/ports.js';
import { scanForInjection } from './injection.js';
import { defendAgainstInjection } from './injection-defence.js';
import { buildGradingPrompt, isReasoningModel, PROMPT_VERSION } from './llm-prompt.js';
import { DEFAULT_POLICY, requestCompletion } from './llm-request.js';
import { GRADING_RESPONSE_FORMAT, GraderReplyError, parseGradingReply } from './llm-schema.js';
import { mostlyInvented, scoreFromVerdicts } from './score-from-verdicts.js';
export class LlmGrader {
    o;
    id;
    version = PROMPT_VERSION;
    policy;
    sendTemperature;
    constructor(o) {
        this.o = o;
        this.id = `llm:${o.model}`;
        this.policy = { ...DEFAULT_POLICY, ...o.policy };
        this.sendTemperature = !isReasoningModel(o.model);
    }
    async grade(req, signal) {
        signal?.throwIfAborted();
        const scan = scanForInjection(req.answer);
        if (req.answer.trim() === '')
            return this.result(req, scan, { score: 0, covered: [], partly: [], missed: req.keyPoints.map((k) => k.text) }, 'No answer to grade.');
        // A reply that is not the schema, or whose verdicts mostly quote words the answer does not
        // contain, is asked for once more; a second such reply goes to the offline grader.
        for (let attempt = 1;; attempt++) {
            try {
                const { reply, keyPoints } = await this.ask(req, signal);
                const scored = scoreFromVerdicts(keyPoints, reply.verdicts, { answer: req.answer, question: req.question, hint: req.hint });
                if (scored.unsupported > 0)
                    this.o.logger?.debug({ questionId: req.questionId, unsupported: scored.unsupported, invented: scored.invented }, 'verdicts without evidence counted as missed');
                if (mostlyInvented(scored))
                    throw new GraderReplyRejected('unsupported', `the model quoted words that are not in the answer for ${scored.invented} of ${scored.claimed} verdicts`);
                return this.result(req, scan, scored, reply.advice);
            }
            catch (err) {
                if (!(err instanceof GraderReplyRejected) || attempt >= 2)
                    throw err;
                this.o.logger?.warn({ questionId: req.questionId, reason: err.reason, error: err.message }, 'unusable grading reply; asking once more');
            }
        }
    }
    /** One grading request and its checked reply. */
    async ask(req, signal) {
        const prompt = buildGradingPrompt(req);
        const completion = await this.send(prompt.messages, signal);
        const choice = completion.choices[0];
        if (!choice)
            throw new GraderReplyError('the model reply has no choices');
        if (choice.message.refusal)
            throw new GraderReplyError('the model refused to grade');
        if (choice.finish_reason === 'length')
            throw new GraderReplyError('the model reply was cut off (length)');
        if (choice.finish_reason === 'content_filter')
            throw new GraderReplyError('the model reply was withheld by a content filter');
        return { reply: parseGradingReply(choice.message.content, prompt.keyPoints.length), keyPoints: prompt.keyPoints };
    }
    /** One request; how many run at once and how long to wait after a 429 are the grading worker's to decide. */
    send(messages, signal) {
        return requestCompletion(this.o.client, {
            model: this.o.model,
            messages,
            response_format: GRADING_RESPONSE_FORMAT,
            ...(this.sendTemperature ? { temperature: 0 } : {}),
        }, this.policy, {
            signal,
            logger: this.o.logger,
            onTemperatureRejected: () => {
                this.sendTemperature = false;
                this.o.logger?.warn({ model: this.o.model }, 'the model rejects temperature; sending requests without it');
            },
        });
    }
    result(req, scan, scored, advice) {
        const graded = { ...scored, feedback: oneLine(advice) || defaultAdvice(scored.missed), flags: [] };
        return { ...defendAgainstInjection(req, scan, graded, this.o.logger), grader: this.id };
    }
}
function oneLine(s) {
    const line = s.replace(/\s+/g, ' ').trim();
    return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
function defaultAdvice(missed) {
    const first = missed[0];
    return first ? `Next time, also cover: ${first}.` : 'Every key point is covered.';
}
