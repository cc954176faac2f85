import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * What stdin is: a person's `terminal`, `piped` input (a pipe, a socket or a file, e.g.
 * `printf ... | npm start`), or `none` (/dev/null, or closed: a container started without `-i`).
 */
export function stdinKind(fd = 0): 'terminal' | 'piped' | 'none' {
  if (isatty(fd)) return 'terminal';
  try {
    const s = fstatSync(fd);
    return s.isFIFO() || s.isSocket() || s.isFile() ? 'piped' : 'none';
  } catch {
    return 'none';
  }
}
