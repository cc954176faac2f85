import { existsSync } from 'node:fs';
import { z } from 'zod';
import { isValidZone } from './core/time.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const number = (def: number, check: (n: z.ZodNumber) => z.ZodNumber) =>
  z.preprocess(blankToUndefined, check(z.coerce.number({ error: 'must be a number' })).default(def));

const schema = z
  .object({
    DATABASE_PATH: z.preprocess(blankToUndefined, z.string().default('./data/prepbot.sqlite')),
    CONTENT_DIR: z.preprocess(blankToUndefined, z.string().default('./content')),
    GRADER: z.preprocess(blankToUndefined, z.enum(['auto', 'llm', 'offline'], { error: 'must be auto, llm or offline' }).default('auto')),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: z.preprocess(blankToUndefined, z.url({ error: 'must be a URL such as http://localhost:11434/v1' }).optional()),
    GRADER_MODEL: z.preprocess(blankToUndefined, z.string().default('gpt-4.1-mini')),
    GRADER_CONCURRENCY: number(4, (n) => n.int('must be a whole number').min(1, 'must be at least 1').max(64, 'must be at most 64')),
    /** The whole LLM grading of one answer, retries included, before it is graded offline. */
    GRADER_DEADLINE_SECONDS: number(45, (n) => n.min(1, 'must be at least 1').max(600, 'must be at most 600')),
    /** Consecutive LLM failures that take the grader offline for a cool-down. */
    GRADER_BREAKER_FAILURES: number(3, (n) => n.int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100')),
    /** How long the grader stays offline before it probes the server again. */
    GRADER_BREAKER_COOLDOWN_SECONDS: number(300, (n) => n.min(5, 'must be at least 5').max(86_400, 'must be at most 86400 (a day)')),
    DISCORD_TOKEN: optionalString,
    DISCORD_APPLICATION_ID: optionalString,
    DISCORD_GUILD_ID: optionalString,
    DISCORD_API_URL: z.preprocess(blankToUndefined, z.url({ error: 'must be a URL' }).optional()),
    /**
     * Unset: one gateway connection in this process. `auto` (Discord's recommendation) or a number:
     * discord.js's ShardingManager runs one process per shard, all on DATABASE_PATH.
     */
    DISCORD_SHARDS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^(auto|[1-9]\d{0,4})$/, { error: 'must be auto or a whole number of shards (1 or more)' })
        .transform((v) => (v === 'auto' ? ('auto' as const) : Number(v)))
        .optional(),
    ),
    SLACK_BOT_TOKEN: optionalString,
    SLACK_APP_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    /** Add to Slack (OAuth, many workspaces): the app's credentials and the secret that signs the OAuth state. */
    SLACK_CLIENT_ID: optionalString,
    SLACK_CLIENT_SECRET: optionalString,
    SLACK_STATE_SECRET: optionalString,
    /** The key that encrypts each workspace's install (AES-256-GCM); Add to Slack needs it. */
    PREPBOT_SECRET_KEY: z.preprocess(
      blankToUndefined,
      z.string().regex(/^[0-9a-fA-F]{64}$/, { error: 'must be 32 bytes written as 64 hex characters (make one with: openssl rand -hex 32)' }).optional(),
    ),
    SLACK_API_URL: z.preprocess(blankToUndefined, z.url({ error: 'must be a URL' }).optional()),
    PORT: number(3000, (n) => n.int('must be a whole number').min(0, 'must be a port number').max(65535, 'must be a port number')),
    /** Address the HTTP server binds; unset, every interface (what a container needs). */
    HOST: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9.:_-]+$/, { error: 'must be an address such as 127.0.0.1, ::1 or 0.0.0.0' }).optional()),
    DEFAULT_TIMEZONE: z.preprocess(
      blankToUndefined,
      z.string().default('UTC').refine(isValidZone, { message: 'must be an IANA time zone such as Europe/Berlin' }),
    ),
    REVEAL_AFTER_HOURS: number(24, (n) => n.positive('must be more than 0').max(168, 'must be at most 168 (a week)')),
    CATCH_UP_HOURS: number(6, (n) => n.min(0, 'must be 0 or more').max(24, 'must be at most 24')),
    ADMIN_USER_IDS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default('')
        .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)),
    ),
    MAX_ANSWERS_PER_HOUR: number(30, (n) => n.int('must be a whole number').min(1, 'must be at least 1')),
    /** How long a process's claim on a grading job or a post lasts unrenewed: a crashed process's work is taken over after it. */
    LEASE_SECONDS: number(30, (n) => n.min(2, 'must be at least 2').max(55, 'must be at most 55 (under a minute)')),
    /** How long a platform connection may be down before /healthz says degraded. */
    HEALTH_GRACE_SECONDS: number(120, (n) => n.min(0, 'must be 0 or more').max(3_600, 'must be at most 3600')),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
    ),
  });

export type RawConfig = z.infer<typeof schema>;

/** Every setting prepbot reads, in the order `.env.example` and the README list them. */
export const SETTING_NAMES = Object.keys(schema.shape) as (keyof RawConfig)[];

const set = (env: NodeJS.ProcessEnv, key: string) => (env[key] ?? '').trim() !== '';

/** Settings that are fine one by one but conflict together, checked on the raw environment. */
function conflicts(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  if ((env.GRADER ?? '').trim() === 'llm' && !set(env, 'OPENAI_API_KEY') && !set(env, 'OPENAI_BASE_URL')) {
    out.push('GRADER is llm, but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set');
  }
  if (set(env, 'SLACK_BOT_TOKEN') && !set(env, 'SLACK_APP_TOKEN') && !set(env, 'SLACK_SIGNING_SECRET')) {
    out.push('SLACK_BOT_TOKEN is set, but Slack also needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)');
  }
  if (OAUTH.some((k) => set(env, k))) return [...out, ...oauthConflicts(env)];
  if (!set(env, 'SLACK_BOT_TOKEN') && (set(env, 'SLACK_APP_TOKEN') || set(env, 'SLACK_SIGNING_SECRET'))) {
    out.push('SLACK_BOT_TOKEN is missing: SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set without it');
  }
  return out;
}

/** The settings that turn on Add to Slack. */
const OAUTH = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'];

/** Add to Slack: all its settings, over HTTP, with the key that seals the installs, and no single bot token. */
function oauthConflicts(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  const missing = [...OAUTH, 'SLACK_SIGNING_SECRET'].filter((k) => !set(env, k));
  if (missing.length) out.push(`Add to Slack needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET; missing: ${missing.join(', ')}`);
  if (set(env, 'SLACK_BOT_TOKEN')) {
    out.push('SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: a bot token serves one workspace, Add to Slack serves every workspace that installs prepbot; set one or the other');
  }
  if (set(env, 'SLACK_APP_TOKEN')) out.push('SLACK_APP_TOKEN is set, but Add to Slack runs over HTTP (SLACK_SIGNING_SECRET, POST /slack/events); unset it');
  if (!set(env, 'PREPBOT_SECRET_KEY')) {
    out.push(
      "PREPBOT_SECRET_KEY is missing: Add to Slack keeps each workspace's bot token encrypted with it, and will not store tokens in clear. Make one with: openssl rand -hex 32 (keep it safe: without it the installs cannot be read)",
    );
  }
  return out;
}

/** Sharding is Discord's alone: each shard process runs Discord and nothing else. */
function shardProblem(shards: RawConfig['DISCORD_SHARDS'], discord: boolean, slack: string | null): string | null {
  if (shards === undefined) return null;
  if (!discord) return 'DISCORD_SHARDS is set, but DISCORD_TOKEN is not: shards are gateway connections of a Discord bot';
  if (slack) {
    return 'DISCORD_SHARDS runs each Discord shard in a process of its own, without Slack: run Slack in another prepbot process on the same DATABASE_PATH (Slack settings there, DISCORD_TOKEN unset)';
  }
  return null;
}

export interface Config extends RawConfig {
  /** The grader to use, with `auto` resolved. */
  graderKind: 'llm' | 'offline';
  /** Slack: Socket Mode or HTTP with one SLACK_BOT_TOKEN, or Add to Slack (`oauth`, over HTTP) for many workspaces. */
  platforms: { discord: boolean; slack: 'socket' | 'http' | 'oauth' | null; console: boolean };
}

/** Invalid settings, with one line per variable at fault. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`prepbot cannot start: invalid settings.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads `.env` from the working directory when present; real environment variables win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Validates the environment once; throws a {@link ConfigError} naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0] ?? 'settings')} ${i.message}`)),
    ...conflicts(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const c = parsed.data;
  const slack = c.SLACK_CLIENT_ID ? 'oauth' : c.SLACK_BOT_TOKEN ? (c.SLACK_APP_TOKEN ? 'socket' : 'http') : null;
  const discord = Boolean(c.DISCORD_TOKEN);
  const shards = shardProblem(c.DISCORD_SHARDS, discord, slack);
  if (shards) throw new ConfigError([shards]);
  return {
    ...c,
    graderKind: c.GRADER === 'auto' ? (c.OPENAI_API_KEY || c.OPENAI_BASE_URL ? 'llm' : 'offline') : c.GRADER,
    platforms: { discord, slack, console: !discord && !slack },
  };
}
