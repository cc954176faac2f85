import { DiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/discord-adapter.js';
import { commandDefinitions } from '../../../src/adapters/discord/command-definitions.js';
import { App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { CoreOptions } from '../../../src/core/context.js';
import type { Clock, QuestionBank } from '../../../src/core/ports.js';
import { bank } from '../../fakes/questions.js';
import { ScriptedGrader } from '../../fakes/scripted-grader.js';
import { MemoryLogger } from '../../fakes/silent-logger.js';
import { DiscordStandIn, type StandInOptions } from '../../stand-ins/discord-stand-in.js';
import type { StoredMessage } from '../../stand-ins/discord-rest.js';

export interface Rig {
  standIn: DiscordStandIn;
  app: App;
  adapter: DiscordAdapter;
  logger: MemoryLogger;
  grader: ScriptedGrader;
  /** Log lines at a level, as `msg` strings. */
  logs(level: 'info' | 'warn' | 'error'): string[];
  stop(): Promise<void>;
}

export interface RigOptions {
  env?: Record<string, string>;
  adapter?: Partial<DiscordAdapterOptions>;
  standIn?: StandInOptions;
  content?: QuestionBank;
  /** Register /prep globally on the stand-in before start (default true). */
  registered?: boolean;
  /** The core's clock (a FakeClock moves delivery retries along); the real one by default. */
  clock?: Clock;
  /** The grader; a ScriptedGrader by default. */
  grader?: ScriptedGrader;
  /** The core's settings (e.g. a short live-count interval). */
  options?: Partial<CoreOptions>;
  /** Runs after the app is built and before it starts. */
  beforeStart?: (adapter: DiscordAdapter) => void;
}

/**
 * The whole app with the real Discord adapter, logged in with a real discord.js Client to a
 * local stand-in. Stop it in afterEach.
 */
export async function startRig(o: RigOptions = {}): Promise<Rig> {
  const standIn = await DiscordStandIn.start(o.standIn);
  if (o.registered !== false) {
    standIn.rest.commands.global = commandDefinitions().map((c, i) => ({ ...c, id: String(i + 1), application_id: '1', version: '1' }));
  }
  const config = loadConfig({ DATABASE_PATH: ':memory:', DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.apiUrl, PORT: '0', LOG_LEVEL: 'silent', ...o.env });
  const logger = new MemoryLogger();
  const adapter = new DiscordAdapter({ ...optionsFrom(config), logger, ...o.adapter });
  const grader = o.grader ?? new ScriptedGrader();
  const app = new App(config, logger, { adapters: [adapter], content: o.content ?? bank(), grader, clock: o.clock, options: o.options });
  o.beforeStart?.(adapter);
  try {
    await app.start();
  } catch (err) {
    await standIn.close();
    throw err;
  }
  return {
    standIn,
    app,
    adapter,
    logger,
    grader,
    logs: (level) => logger.entries.filter((e) => e.level === level).map((e) => e.msg ?? ''),
    async stop() {
      await app.stop(1000);
      await standIn.close();
    },
  };
}

function optionsFrom(config: ReturnType<typeof loadConfig>): Omit<DiscordAdapterOptions, 'logger'> {
  return { token: config.DISCORD_TOKEN!, apiUrl: config.DISCORD_API_URL, guildId: config.DISCORD_GUILD_ID, adminUserIds: config.ADMIN_USER_IDS };
}

/** The text a user sees in a message: content, embed titles, descriptions and fields. */
export function visible(m: StoredMessage | null | undefined): string {
  if (!m) return '';
  const parts = [m.content];
  for (const e of m.embeds) {
    parts.push(e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f: { name: string; value: string }) => `${f.name}: ${f.value}`), e.footer?.text ?? '');
  }
  return parts.filter(Boolean).join('\n');
}

/** The first button of a message. */
export function firstButton(m: StoredMessage): { custom_id: string; label: string } {
  return m.components[0].components[0];
}

/** The button of a message with this label (a grade may carry "Answer the follow-up" and "Dispute"). */
export function buttonLabelled(m: StoredMessage, label: string): { custom_id: string; label: string } {
  const found = m.components.flatMap((row: any) => row.components).find((b: any) => b.label === label);
  if (!found) throw new Error(`no "${label}" button on the message`);
  return found;
}

/** The grade shown in an interaction's response, once it has replaced the acknowledgement. */
export function gradeIn(ix: { original: StoredMessage | null }): StoredMessage | null {
  return ix.original?.embeds[0]?.title?.startsWith('Score') ? ix.original : null;
}
