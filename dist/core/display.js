/** How a person is named in public: their name, or "anonymous" when they chose privacy. */
export function displayName(name, privacy) {
    return privacy ? 'anonymous' : name;
}
/** English plural for counts in messages. */
export function plural(n, one, many = `${one}s`) {
    return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
/** What a scope is called on its platform, for messages: "server", "workspace" or "console". */
export function scopeNoun(platform) {
    return platform === 'discord' ? 'server' : platform === 'slack' ? 'workspace' : 'console';
}
/** A member's text quoted in a message: one line, at most `max` characters. */
export function quote(text, max = 300) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
/** A member's text ending a sentence: a full stop is added unless it already ends with one (. ! ? …). */
export function endSentence(text) {
    return /[.!?…]$/.test(text) ? text : `${text}.`;
}
