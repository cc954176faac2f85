import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** What `npm start -- --help` (and `docker run prepbot --help`) prints. */
export const USAGE = `Usage: npm start [-- --help | --version]
       node dist/main.js [--help | --version]                  (after npm run build, as the Docker image runs it)

prepbot runs interview practice in a team's chat: a question of the day, answers graded
privately against a reference answer, leaderboards, streaks and spaced-repetition quizzes.

Where it runs depends on the settings (environment variables, or a .env file here):
  DISCORD_TOKEN                             Discord (DISCORD_APPLICATION_ID, DISCORD_GUILD_ID optional)
  SLACK_BOT_TOKEN + SLACK_APP_TOKEN         Slack in Socket Mode
  SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET    Slack over HTTP: POST /slack/events on HOST:PORT
  SLACK_CLIENT_ID + SLACK_CLIENT_SECRET     Add to Slack (many workspaces, over HTTP): GET /slack/install;
    + SLACK_STATE_SECRET                    with SLACK_SIGNING_SECRET, and PREPBOT_SECRET_KEY (64 hex
    + PREPBOT_SECRET_KEY                    characters: openssl rand -hex 32) to encrypt each install
  none of these                             the console, in a terminal (type /help) or with piped input:
                                            printf '/daily\\n/answer ...\\n' | npm start

Other settings (defaults in brackets):
  DATABASE_PATH [./data/prepbot.sqlite]   CONTENT_DIR [./content]
  GRADER [auto] llm|offline               OPENAI_API_KEY, OPENAI_BASE_URL, GRADER_MODEL [gpt-4.1-mini]
  GRADER_CONCURRENCY [4]                  DISCORD_API_URL, SLACK_API_URL (proxies, tests)
  DISCORD_SHARDS [unset: one process] auto|N  one process per Discord shard (a public bot)
  GRADER_DEADLINE_SECONDS [45]            GRADER_BREAKER_FAILURES [3], GRADER_BREAKER_COOLDOWN_SECONDS [300]
  PORT [3000], HOST [every interface]     DEFAULT_TIMEZONE [UTC]
  REVEAL_AFTER_HOURS [24]                 CATCH_UP_HOURS [6]
  ADMIN_USER_IDS                          MAX_ANSWERS_PER_HOUR [30]
  LEASE_SECONDS [30]                      HEALTH_GRACE_SECONDS [120]
  LOG_LEVEL [info; on the console, logs go to a file beside the database unless it is set]

Every setting is explained in .env.example and the README.

Options:
  -h, --help      print this help and exit
  -v, --version   print the version and exit
`;

export type CliRequest = { run: true } | { run: false; output: string; exitCode: 0 | 1 };

/** The command line (node:util parseArgs): nothing but `--help` and `--version` is accepted. */
export function parseCli(argv: string[]): CliRequest {
  let values: { help?: boolean; version?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    return { run: false, output: `prepbot: ${(err as Error).message}\nprepbot takes its settings from the environment; see npm start -- --help.\n`, exitCode: 1 };
  }
  if (values.help) return { run: false, output: USAGE, exitCode: 0 };
  if (values.version) return { run: false, output: `prepbot ${version()}\n`, exitCode: 0 };
  return { run: true };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
