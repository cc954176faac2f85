/** Keys whose values never reach a log line (compared in lower case): secrets, and answer text. */
const SECRET_KEYS = new Set(['token', 'apikey', 'authorization', 'text']);
const CENSOR = '[redacted]';
const MAX_DEPTH = 4;
const isPlain = (v) => {
    if (v === null || typeof v !== 'object')
        return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
};
/**
 * A log line's fields with every secret key's value censored, at any depth up to four levels of
 * plain objects and arrays. Copy on write: a line without secrets (nearly all of them) is
 * returned as it is, allocating nothing. pino's own `redact` option cloned every line's object
 * for its wildcard paths (about 15 KB of garbage per line under load, measured by the ack
 * benchmark's allocation profile), which set how often the garbage collector paused the bot.
 */
export function redactSecrets(value, depth = 0) {
    if (depth > MAX_DEPTH)
        return value;
    if (Array.isArray(value)) {
        let out = null;
        for (let i = 0; i < value.length; i++) {
            const v = redactSecrets(value[i], depth + 1);
            if (v !== value[i])
                (out ??= value.slice())[i] = v;
        }
        return (out ?? value);
    }
    if (!isPlain(value))
        return value;
    let out = null;
    for (const key in value) {
        const v = value[key];
        const next = SECRET_KEYS.has(key.toLowerCase()) && v !== undefined ? CENSOR : redactSecrets(v, depth + 1);
        if (next !== v)
            (out ??= { ...value })[key] = next;
    }
    return (out ?? value);
}
