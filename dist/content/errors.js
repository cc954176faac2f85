/**
 * Content errors: what is wrong, in which file, in which field. Shared by the loader, the
 * `content:check` command and the bot's start-up check.
 */
/** Formats one error as the `file: field: message` line printed by `content:check`. */
export function formatContentError(error) {
    return `${error.file}: ${error.field}: ${error.message}`;
}
/** Thrown when the content directory holds any error; the bot refuses to start on it. */
export class ContentInvalidError extends Error {
    dir;
    errors;
    name = 'ContentInvalidError';
    constructor(
    /** The content directory that was checked. */
    dir, 
    /** Every error found, in file order. */
    errors) {
        const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
        super([`Invalid content in ${dir} (${count}):`, ...errors.map(formatContentError)].join('\n'));
        this.dir = dir;
        this.errors = errors;
    }
}
