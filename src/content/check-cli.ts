/**
 * `npm run content:check [-- DIR]`: validates every question file under DIR (default: the
 * `CONTENT_DIR` environment variable, else `./content`). Prints one `file: field: message` line per
 * error and exits 1, or prints a one-line summary and exits 0.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ContentLibrary } from './library.js';
import { formatContentError } from './errors.js';
import { loadContent } from './load-content.js';

const USAGE = 'Usage: npm run content:check [-- DIR]   (default: $CONTENT_DIR, else ./content)';

/** Runs the check; returns the exit code. Output goes through `out` and `err` for testing. */
export function runContentCheck(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    out(USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    err(`Expected at most one directory, got ${parsed.positionals.length}.\n${USAGE}`);
    return 2;
  }
  const dir = parsed.positionals[0] ?? (env.CONTENT_DIR || './content');

  const { questions, errors } = loadContent(dir);
  if (errors.length > 0) {
    for (const error of errors) out(formatContentError(error));
    return 1;
  }
  const packs = new ContentLibrary(questions).packs();
  const perPack = packs.map((pack) => `${pack.name}: ${pack.count}`).join(', ');
  out(`OK: ${questions.length} question${questions.length === 1 ? '' : 's'} in ${packs.length} pack${packs.length === 1 ? '' : 's'} (${perPack})`);
  return 0;
}

/** True when this file is the program being run, not a module imported by another. */
function isMain(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(realpathSync(entry)).href === import.meta.url;
}

if (isMain()) process.exitCode = runContentCheck(process.argv.slice(2), process.env);
