import type { PostMark } from './ports.js';

/** The post kinds the core makes itself; other parts register their own (e.g. a weekly digest). */
export const ROUND_POST = 'round';
export const SUMMARY_POST = 'summary';

const SAFE = /^[A-Za-z0-9_-]+$/;

/** FNV-1a, 32 bits, in base 36: a short stable tag for a key too long or odd to show as it is. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * A short name of the post (at most 16 characters, letters, digits, `-`, `_`), unique within its
 * channel: `round-42`, `summary-42`, or the kind and a hash of a long key. Discord shows it in the
 * embed's footer, where the bot finds its own post again in the channel's recent messages.
 */
function postTag(kind: string, key: string): string {
  const plain = `${kind}-${key}`;
  return plain.length <= 16 && SAFE.test(plain) ? plain : `${kind.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}-${shortHash(plain)}`;
}

/**
 * Discord's nonce for a post (at most 25 characters): the tag and the instant the intent was made,
 * so it is the same on every attempt of one post and differs from any other post of the bot's.
 */
export function postNonce(kind: string, key: string, at: number): string {
  return `${postTag(kind, key)}.${Math.max(0, Math.floor(at)).toString(36)}`.slice(0, 25);
}

/** What a platform needs to mark a post so it can be found again. */
export function postMark(kind: string, key: string, nonce?: string): PostMark {
  return { kind, key, tag: postTag(kind, key), ...(nonce ? { nonce } : {}) };
}
