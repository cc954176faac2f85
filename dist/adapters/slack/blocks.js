import { escapeMrkdwn, plainText } from './escape.js';
/** Slack's limits that bite (PLATFORM-NOTES): a section's text, blocks per message and per modal. */
export const LIMITS = {
    sectionText: 3000,
    headerText: 150,
    buttonText: 75,
    messageBlocks: 50,
    modalBlocks: 100,
    /** A message's `text` fallback; Slack shows at most about 4,000 characters of it. */
    fallbackText: 3000,
    /** A `plain_text_input` holds at most 3,000 characters. */
    inputMax: 3000,
};
/**
 * Splits text into pieces of at most `max` characters, at line breaks where possible, then at
 * spaces, so a long reference answer or feedback becomes several sections instead of a rejection.
 */
export function splitText(text, max = LIMITS.sectionText) {
    const out = [];
    let rest = text;
    while (rest.length > max) {
        let cut = rest.lastIndexOf('\n', max);
        if (cut < max / 2)
            cut = rest.lastIndexOf(' ', max);
        if (cut < max / 2)
            cut = max;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut).replace(/^[\n ]/, '');
    }
    if (rest.length > 0 || out.length === 0)
        out.push(rest);
    return out;
}
/**
 * Section blocks for mrkdwn that is already escaped and formatted. The split happens after
 * escaping so an `&amp;` never counts as one character and pushes a section over the limit.
 */
export function sections(mrkdwn) {
    return splitText(mrkdwn).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } }));
}
export const header = (text) => ({ type: 'header', text: { type: 'plain_text', text: plainText(text, LIMITS.headerText), emoji: true } });
export const context = (mrkdwn) => ({ type: 'context', elements: [{ type: 'mrkdwn', text: plainText(mrkdwn, LIMITS.sectionText) }] });
export function button(text, actionId, value, style) {
    return { type: 'button', text: { type: 'plain_text', text: plainText(text, LIMITS.buttonText), emoji: true }, action_id: actionId, value, ...(style ? { style } : {}) };
}
/**
 * Keeps a message within Slack's block limit: when there are too many blocks, the last ones are
 * dropped and a context block says so, but action blocks (the Answer button) always stay.
 */
export function capBlocks(blocks, max = LIMITS.messageBlocks) {
    if (blocks.length <= max)
        return blocks;
    const actions = blocks.filter((b) => b.type === 'actions');
    const room = max - actions.length - 1;
    const kept = blocks.filter((b) => b.type !== 'actions').slice(0, room);
    return [...kept, context('_Shortened to fit in one Slack message._'), ...actions];
}
/** The plain `text` every message carries for notifications and screen readers, escaped and capped. */
export const fallbackText = (plain) => escapeMrkdwn(plainText(plain, LIMITS.fallbackText));
