import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv } from '../config.js';
import { backupDatabase, BackupError } from './backup.js';
const USAGE = `Usage: npm run backup -- FILE [--force]

Writes a consistent copy of the bot's database (DATABASE_PATH) to FILE while the bot runs.
  --force   overwrite FILE if it exists
To restore: stop the bot, copy FILE to DATABASE_PATH (removing any DATABASE_PATH-wal and -shm), start the bot.`;
/** `npm run backup -- FILE [--force]`: an online backup of DATABASE_PATH; exit 0 on success, 1 with a sentence otherwise. */
async function main(argv) {
    let parsed;
    try {
        parsed = parseArgs({ args: argv, options: { force: { type: 'boolean', short: 'f' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    }
    catch (err) {
        process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
        return 1;
    }
    const { values, positionals } = parsed;
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    if (positionals.length !== 1) {
        process.stderr.write(`${positionals.length === 0 ? 'Say where to write the backup.' : 'Give exactly one backup file.'}\n\n${USAGE}\n`);
        return 1;
    }
    loadDotEnv();
    try {
        const config = loadConfig();
        const r = await backupDatabase(config.DATABASE_PATH, positionals[0], { force: values.force ?? false });
        process.stdout.write(`Backed up ${r.source} to ${r.target}: ${r.pages} pages, ${r.bytes} bytes.\n`);
        return 0;
    }
    catch (err) {
        if (err instanceof BackupError || err instanceof ConfigError) {
            process.stderr.write(`${err.message}\n`);
            return 1;
        }
        throw err;
    }
}
main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
    process.stderr.write(`backup stopped: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
});
