import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
/** GCM's recommended nonce: 12 random bytes, new for every seal. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The format's version, first in every sealed string, so a later format can still open this one. */
const VERSION = 'v1';

/** A sealed value that does not open: another key, a changed byte, or another record's value. */
export class SecretBoxError extends Error {
  readonly code = 'secret_box';
}

/**
 * Encrypts small secrets (a Slack workspace's install, with its bot token) for storage, with
 * AES-256-GCM from node:crypto under PREPBOT_SECRET_KEY. A sealed string is
 * `v1.<iv>.<tag>.<ciphertext>` (base64url): the random IV keeps two seals of one value apart, the tag
 * refuses a changed byte, and the associated data (the record's key, e.g. `slack:T123`) refuses a
 * value copied into another record's row. The key never leaves this object.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new SecretBoxError('the secret key must be 32 bytes');
    this.#key = Buffer.from(key);
  }

  /** From PREPBOT_SECRET_KEY: 32 bytes written as 64 hex characters. */
  static fromHex(hex: string): SecretBox {
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new SecretBoxError('PREPBOT_SECRET_KEY must be 32 bytes written as 64 hex characters');
    return new SecretBox(Buffer.from(hex, 'hex'));
  }

  /** Encrypts `plain`, bound to `context` (the record it is stored under). */
  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** Decrypts a sealed string made for `context`; throws a {@link SecretBoxError} when it does not open. */
  open(sealed: string, context: string): string {
    const [version, iv, tag, body, ...rest] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined || rest.length > 0) throw new SecretBoxError('not a sealed value of this format');
    try {
      const decipher = createDecipheriv(ALGORITHM, this.#key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch (err) {
      throw new SecretBoxError('the sealed value does not open with this key (PREPBOT_SECRET_KEY changed?) or was altered', { cause: err });
    }
  }
}
