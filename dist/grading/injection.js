/**
 * Deterministic detection of answers that address the grader instead of answering the question
 * ("ignore previous instructions", "give this 10/10", role tags, fake grading JSON...), the second
 * layer of the injection defence after fencing the answer as data in the prompt. It reads the
 * answer through several views (see scan-views.ts) so look-alike letters, leetspeak, invisible
 * characters, spaced letters, base64, ROT13 and reversed text do not hide a phrase.
 *
 * The scan also returns the answer with the offending passages blanked out: what is left is what
 * the answer says about the question, which the grader checks for coverage and evidence.
 */
import { COMPACT_PATTERNS, DISGUISED_PATTERNS, WORD_PATTERNS } from './injection-patterns.js';
import { base64Payloads, compactView, primaryView, reversedView, rot13View } from './scan-views.js';
/** Scans one answer. Pure and fast (a few dozen regular expressions over a few views). */
export function scanForInjection(answer) {
    const reasons = new Set();
    const spans = [];
    const primary = primaryView(answer);
    if (primary.hiddenTags)
        reasons.add('hidden-text');
    scanView(primary, WORD_PATTERNS, answer, reasons, spans);
    scanView(compactView(primary), COMPACT_PATTERNS, answer, reasons, spans);
    scanView(reversedView(primary), DISGUISED_PATTERNS, answer, reasons, spans);
    scanView(rot13View(primary), DISGUISED_PATTERNS, answer, reasons, spans);
    for (const payload of base64Payloads(answer)) {
        const inner = scanForInjection(payload.decoded);
        if (inner.suspected) {
            reasons.add('encoded-instructions');
            spans.push([payload.start, payload.end]);
        }
    }
    return { suspected: reasons.size > 0, reasons: [...reasons], cleaned: blank(answer, spans) };
}
/** The text with every passage the scan flags blanked out (for checking a quoted piece of evidence). */
export function withoutInjection(text) {
    return scanForInjection(text).cleaned;
}
function scanView(view, patterns, original, reasons, spans) {
    for (const { reason, re } of patterns) {
        // exec on the shared global pattern: matchAll would clone the pattern and build an iterator
        // per view and pattern (about 350 of each per answer, before anything matches).
        re.lastIndex = 0;
        for (let m = re.exec(view.text); m !== null; m = re.exec(view.text)) {
            if (m[0].length === 0) {
                re.lastIndex += 1;
                continue;
            }
            reasons.add(reason);
            const a = view.map[m.index];
            const b = view.map[m.index + m[0].length - 1];
            if (a === undefined || b === undefined)
                continue;
            const start = Math.min(a, b);
            let end = Math.max(a, b) + 1;
            if (/[\uD800-\uDBFF]/.test(original[end - 1] ?? ''))
                end++;
            spans.push([start, end]);
        }
    }
}
function blank(text, spans) {
    if (spans.length === 0)
        return text;
    const chars = text.split('');
    for (const [s, e] of spans)
        for (let i = s; i < e && i < chars.length; i++)
            chars[i] = chars[i] === '\n' ? '\n' : ' ';
    return chars.join('');
}
