/**
 * Content errors: what is wrong, in which file, in which field. Shared by the loader, the
 * `content:check` command and the bot's start-up check.
 */

/** One problem found in the content directory. */
export interface ContentError {
  /** Path relative to the content directory (forward slashes), or the directory itself. */
  file: string;
  /** Where in the file: a front-matter key path such as `key_points[2].weight`, or `front matter`, `heading`, `body`, `id`... */
  field: string;
  /** A sentence saying what is wrong and, when useful, how to fix it. */
  message: string;
}

/** Formats one error as the `file: field: message` line printed by `content:check`. */
export function formatContentError(error: ContentError): string {
  return `${error.file}: ${error.field}: ${error.message}`;
}

/** Thrown when the content directory holds any error; the bot refuses to start on it. */
export class ContentInvalidError extends Error {
  override readonly name = 'ContentInvalidError';

  constructor(
    /** The content directory that was checked. */
    readonly dir: string,
    /** Every error found, in file order. */
    readonly errors: readonly ContentError[],
  ) {
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    super([`Invalid content in ${dir} (${count}):`, ...errors.map(formatContentError)].join('\n'));
  }
}
