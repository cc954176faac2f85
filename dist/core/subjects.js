const EVERYONE = /^(?:@?everyone|@?here|@?channel|<!(?:everyone|here|channel)(?:\|[^>]*)?>)$/i;
/**
 * Reads the user, Discord role or Slack user group an admin named: a mention as the platform sends
 * it (`<@123>`, `<@&456>` on Discord; `<@U123>`, `<!subteam^S123>` on Slack), a plain platform id
 * (a number on Discord is a user, `role:456` a role; `U...`/`W...` and `S...` on Slack), or the
 * qualified form `admins list` shows. Whole-server mentions (@everyone, @here) are refused, as is
 * Discord's @everyone role (its id is the server's).
 */
export function parseSubject(raw, place) {
    const text = raw.trim();
    if (!text)
        return { error: 'Name a user, or a role or user group.' };
    if (EVERYONE.test(text))
        return { error: 'Everyone in the server or workspace cannot be named here; name a user, or a narrower role or user group.' };
    const scope = place.scopeId.slice(place.scopeId.indexOf(':') + 1);
    if (place.platform === 'discord')
        return discord(text, scope);
    if (place.platform === 'slack')
        return slack(text, scope);
    const m = /^(?:console:)?([\p{L}\p{N}_.-]{1,32})$/u.exec(text);
    return m ? { subject: `console:${m[1]}`, kind: 'user' } : { error: `"${text}" is not a console user name.` };
}
function discord(text, guild) {
    let m = /^<@!?(\d{1,25})>$/.exec(text) ?? /^(?:discord:)?(\d{1,25})$/.exec(text);
    if (m)
        return { subject: `discord:${m[1]}`, kind: 'user' };
    m = /^(?:<@&(\d{1,25})>|(?:discord-role:|role:)(\d{1,25}))$/.exec(text);
    if (m) {
        const id = m[1] ?? m[2];
        if (id === guild)
            return { error: 'That is the @everyone role; name a narrower role.' };
        return { subject: `discord-role:${id}`, kind: 'role' };
    }
    return { error: `"${text}" is not a Discord user or role. Mention them (@name or @role), or give a user id, or role:<id>.` };
}
function slack(text, team) {
    let m = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/.exec(text) ?? /^([UW][A-Z0-9]{2,})$/.exec(text);
    if (m)
        return { subject: `slack:${team}:${m[1]}`, kind: 'user' };
    m = /^slack:([A-Z0-9]+):([UW][A-Z0-9]{2,})$/.exec(text);
    if (m && m[1] === team)
        return { subject: `slack:${team}:${m[2]}`, kind: 'user' };
    m = /^(?:<!subteam\^(S[A-Z0-9]{2,})(?:\|[^>]*)?>|(?:slack-group:)?(S[A-Z0-9]{2,}))$/.exec(text);
    if (m)
        return { subject: `slack-group:${m[1] ?? m[2]}`, kind: 'group' };
    return { error: `"${text}" is not a Slack user or user group of this workspace. Mention them (@name or @group), or give a user id (U...) or group id (S...).` };
}
/** How a subject reads in a private reply, without any mention markup. */
export function describeSubject(s, knownName) {
    const id = s.subject.slice(s.subject.lastIndexOf(':') + 1);
    if (s.kind === 'role')
        return `role ${id}`;
    if (s.kind === 'group')
        return `user group ${id}`;
    return knownName && knownName !== id ? `${knownName} (${id})` : `user ${id}`;
}
