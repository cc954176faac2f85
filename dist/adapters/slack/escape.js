/**
 * Slack reads `<...>` in mrkdwn and in a message's `text` as mentions and links (`<!everyone>`,
 * `<!channel>`, `<@U123>`, `<!subteam^S1>`). Escaping `&`, `<` and `>` (Slack's own three escapes)
 * makes any user-written or content text show as typed and never ping anybody.
 */
export function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Text for `plain_text` objects: no markup is read there, but Slack caps their length. */
export function plainText(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
