/**
 * `npm run eval -- FILE.jsonl [FILE.jsonl...] [--grader offline|llm] [--part fit|report] [--limit N] [--concurrency N]`
 *
 * Grades human-scored answer sets and prints, per set, Pearson, Spearman and RMSE against
 * `score_avg` (0-5), the number of answers and grades per second, then the same figures beside the
 * constant-mean RMSE on all rows and without the empty answers. `--part` keeps half of each set's
 * questions (split.ts). Exit codes: 0 done, 1 bad input file or grader failure, 2 bad command line.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { EvalSetError, readEvalSet } from './dataset.js';
import { createGrader, defaultConcurrency, GRADER_NAMES, GraderUnavailableError, isGraderName } from './graders.js';
import { formatReport, runEval } from './run.js';
import { isPart, partOf, PARTS } from './split.js';
const USAGE = `usage: npm run eval -- FILE.jsonl [FILE.jsonl...] [--grader ${GRADER_NAMES.join('|')}] [--part ${PARTS.join('|')}] [--limit N] [--concurrency N]`;
class UsageError extends Error {
}
function positiveInt(name, value) {
    if (value === undefined)
        return null;
    if (!/^\d+$/.test(value) || Number(value) < 1)
        throw new UsageError(`--${name} must be a whole number of at least 1 (got "${value}")`);
    return Number(value);
}
function parseCli(argv) {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                grader: { type: 'string', default: 'offline' },
                part: { type: 'string' },
                limit: { type: 'string' },
                concurrency: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
            },
        });
    }
    catch (err) {
        throw new UsageError(err.message);
    }
    const { values, positionals } = parsed;
    if (values.help)
        return 'help';
    if (positionals.length === 0)
        throw new UsageError('no input file given');
    if (values.part !== undefined && !isPart(values.part))
        throw new UsageError(`unknown part "${values.part}": choose ${PARTS.join(' or ')}`);
    const grader = values.grader ?? 'offline';
    if (!isGraderName(grader))
        throw new UsageError(`unknown grader "${grader}": choose ${GRADER_NAMES.join(' or ')}`);
    return {
        files: positionals,
        part: values.part !== undefined && isPart(values.part) ? values.part : null,
        grader,
        limit: positiveInt('limit', values.limit),
        concurrency: positiveInt('concurrency', values.concurrency) ?? defaultConcurrency(grader),
    };
}
async function main(argv) {
    let opts;
    try {
        opts = parseCli(argv);
    }
    catch (err) {
        if (!(err instanceof UsageError))
            throw err;
        process.stderr.write(`eval: ${err.message}\n${USAGE}\n`);
        return 2;
    }
    if (opts === 'help') {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    try {
        const sets = [];
        for (const file of opts.files)
            sets.push({ file, items: await readEvalSet(file) });
        const grader = await createGrader(opts.grader);
        for (const [n, set] of sets.entries()) {
            let items = opts.part ? partOf(set.items, opts.part) : set.items;
            if (opts.limit !== null)
                items = items.slice(0, opts.limit);
            if (sets.length > 1)
                process.stdout.write(`${n > 0 ? '\n' : ''}${set.file}${opts.part ? ` (${opts.part} part)` : ''}\n`);
            let bar = process.stderr.isTTY
                ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic)
                : null;
            bar?.start(items.length, 0);
            try {
                const report = await runEval(items, grader, { concurrency: opts.concurrency, onProgress: (k) => bar?.update(k) });
                bar?.stop();
                bar = null;
                process.stdout.write(`${formatReport(report, `${grader.id} (${grader.version})`)}\n`);
            }
            finally {
                bar?.stop();
            }
        }
        return 0;
    }
    catch (err) {
        if (err instanceof EvalSetError) {
            process.stderr.write(err.problems.map((p) => `eval: ${p}\n`).join(''));
            return 1;
        }
        if (err instanceof GraderUnavailableError) {
            process.stderr.write(`eval: ${err.message}\n`);
            return 1;
        }
        process.stderr.write(`eval: grading failed: ${err.stack ?? String(err)}\n`);
        return 1;
    }
}
process.exitCode = await main(process.argv.slice(2));
