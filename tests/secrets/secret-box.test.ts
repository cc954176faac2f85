import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, SecretBoxError } from '../../src/secrets/secret-box.js';

const KEY = 'a3'.repeat(32);
const TOKEN = 'xoxb-1111-2222-secretsecretsecret';

describe('SecretBox (AES-256-GCM under PREPBOT_SECRET_KEY)', () => {
  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const box = SecretBox.fromHex(KEY);
    const sealed = box.seal(JSON.stringify({ bot: { token: TOKEN } }), 'slack:T1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(TOKEN);
    expect(sealed).not.toContain(Buffer.from(TOKEN).toString('base64url').slice(0, 12));
    expect(JSON.parse(box.open(sealed, 'slack:T1')).bot.token).toBe(TOKEN);
  });

  it('seals the same value differently each time (a fresh IV)', () => {
    const box = SecretBox.fromHex(KEY);
    expect(box.seal(TOKEN, 'slack:T1')).not.toBe(box.seal(TOKEN, 'slack:T1'));
  });

  it('refuses another key, another record, and a changed byte', () => {
    const box = SecretBox.fromHex(KEY);
    const sealed = box.seal(TOKEN, 'slack:T1');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'slack:T1')).toThrow(SecretBoxError);
    expect(() => box.open(sealed, 'slack:T2')).toThrow(/does not open with this key/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'slack:T1')).toThrow(SecretBoxError);
    expect(() => box.open('not sealed', 'slack:T1')).toThrow(/not a sealed value/);
  });

  it('takes a key of exactly 32 bytes written as 64 hex characters', () => {
    expect(() => SecretBox.fromHex('a3'.repeat(31))).toThrow(/64 hex characters/);
    expect(() => SecretBox.fromHex('zz'.repeat(32))).toThrow(/64 hex characters/);
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
