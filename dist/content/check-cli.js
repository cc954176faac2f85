/**
 * `npm run content:check [-- DIR]`: validates every question file under DIR (default: the
 * `CONTENT_DIR` environment variable, else `./content`). Prints one `file: field: message` line per
 * error and exits 1, or prints a one-line summary and exits 0.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { OfflineGrader } from '../grading/offline-grader.js';
import { ContentLibrary } from './library.js';
import { formatContentError } from './errors.js';
import { checkExamples } from './example-check.js';
import { loadContent } from './load-content.js';
import { checkQuality } from './quality.js';
import { closest } from './similarity.js';
const USAGE = 'Usage: npm run content:check [-- DIR]   (default: $CONTENT_DIR, else ./content)';
/** Runs the check; returns the exit code. Output goes through `out` and `err` for testing. */
export async function runContentCheck(argv, env, out = console.log, err = console.error) {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            options: { help: { type: 'boolean', short: 'h' } },
            allowPositionals: true,
            strict: true,
        });
    }
    catch (error) {
        err(`${error.message}\n${USAGE}`);
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
        for (const error of errors)
            out(formatContentError(error));
        return 1;
    }
    const problems = [...checkQuality(questions).errors, ...(await checkExamples(questions, new OfflineGrader()))];
    if (problems.length > 0) {
        for (const error of problems)
            out(formatContentError(error));
        return 1;
    }
    const packs = new ContentLibrary(questions).packs();
    const perPack = packs.map((pack) => `${pack.name}: ${pack.count}`).join(', ');
    out(`OK: ${questions.length} question${questions.length === 1 ? '' : 's'} in ${packs.length} pack${packs.length === 1 ? '' : 's'} (${perPack})`);
    const nearest = closest(questions)[0];
    if (nearest)
        out(`Most alike: ${nearest.a.file} and ${nearest.b.file} (similarity ${nearest.similarity.toFixed(2)})`);
    return 0;
}
/** True when this file is the program being run, not a module imported by another. */
function isMain() {
    const entry = process.argv[1];
    return entry !== undefined && pathToFileURL(realpathSync(entry)).href === import.meta.url;
}
if (isMain())
    process.exitCode = await runContentCheck(process.argv.slice(2), process.env);
