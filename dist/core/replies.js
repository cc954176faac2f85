export const LLM_LABELS = { covered: 'Covered', partly: 'Partly covered', missed: 'Missed' };
export const OFFLINE_LABELS = { covered: 'Mentioned', partly: 'Partly mentioned', missed: 'Not mentioned' };
/** The list headings for a grade by this grader: the offline grader's own, else the LLM's. */
export function labelsFor(grader) {
    return grader === 'offline' ? OFFLINE_LABELS : LLM_LABELS;
}
export const text = (t, visibility = 'private', tone = 'info') => ({
    kind: 'text',
    visibility,
    text: t,
    tone,
});
export const error = (t) => text(t, 'private', 'error');
