import type { UploadedFile } from './discord-body.js';
import type { GuildFixture, userPayload } from './discord-payloads.js';

/** What the Discord stand-in records and plays by. */

export interface StoredMessage {
  id: string;
  channelId: string;
  content: string;
  embeds: any[];
  components: any[];
  flags: number;
  /** `allowed_mentions` as the bot last sent it. */
  allowedMentions: any;
  attachments: UploadedFile[];
  edits: number;
  /** The nonce the create carried: Discord keeps it only to check `enforce_nonce`, never lists it. */
  nonce?: string;
  createdAt: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  channelId: string;
  dispatchedAt: number;
  /** Each callback with its status and `at`, ms after the dispatch. */
  callbacks: { type: number; data: any; status: number; at: number }[];
  /** The response message: the reply (type 4), the deferred placeholder (type 5), then edits. */
  original: StoredMessage | null;
  modal: any | null;
  choices: any[] | null;
  followups: StoredMessage[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: any;
  status: number;
}

export interface Failure {
  method: string;
  path: RegExp;
  status: number;
  code?: number;
  message?: string;
  /** Seconds, for 429. */
  retryAfter?: number;
  /** A 429 of the global limit (every route waits), not of the route's bucket. */
  global?: boolean;
  times: number;
}

export interface World {
  token: string;
  appId: string;
  bot: ReturnType<typeof userPayload>;
  guilds: GuildFixture[];
  gatewayUrl(): string;
  /** Discord's 3-second window for the first response to an interaction. */
  responseWindowMs: number;
  /** How long a nonce sent with `enforce_nonce` makes a second create return the first message ("a few minutes"). */
  nonceWindowMs: number;
  /** The clock of message ids (a snowflake holds its creation time) and of the nonce window. */
  now(): number;
  /** `GET /gateway/bot`: the shards Discord recommends, and how many may identify at once. */
  shards: number;
  maxConcurrency: number;
}
