/**
 * `npm run eval -- FILE.jsonl [--grader offline|llm] [--limit N] [--concurrency N]`
 *
 * Grades a human-scored answer set and prints Pearson, Spearman and RMSE against `score_avg`
 * (0-5), then the number of answers and grades per second. Exit codes: 0 done, 1 bad input file or
 * grader failure, 2 bad command line.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { EvalSetError, readEvalSet } from './dataset.js';
import { createGrader, defaultConcurrency, GRADER_NAMES, GraderUnavailableError, isGraderName } from './graders.js';
import { formatReport, runEval } from './run.js';
const USAGE = `usage: npm run eval -- FILE.jsonl [--grader ${GRADER_NAMES.join('|')}] [--limit N] [--concurrency N]`;
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
    if (positionals.length !== 1) {
        throw new UsageError(positionals.length === 0 ? 'no input file given' : `one input file expected, got ${positionals.length}`);
    }
    const grader = values.grader ?? 'offline';
    if (!isGraderName(grader))
        throw new UsageError(`unknown grader "${grader}": choose ${GRADER_NAMES.join(' or ')}`);
    return {
        file: positionals[0],
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
        const all = await readEvalSet(opts.file);
        const items = opts.limit === null ? all : all.slice(0, opts.limit);
        const grader = await createGrader(opts.grader);
        let bar = process.stderr.isTTY
            ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic)
            : null;
        bar?.start(items.length, 0);
        try {
            const report = await runEval(items, grader, { concurrency: opts.concurrency, onProgress: (n) => bar?.update(n) });
            bar?.stop();
            bar = null;
            process.stdout.write(`${formatReport(report, `${grader.id} (${grader.version})`)}\n`);
        }
        finally {
            bar?.stop();
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
