import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const dest = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: createLogger('debug', dest as never) };
}

describe('logs', () => {
  it('never carry tokens, keys or answer text', () => {
    const { lines, logger } = capture();
    const err = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'not_in_channel' },
      config: { headers: { Authorization: 'Bearer xoxb-secret-token' } },
      request: { body: 'token=xoxb-secret-token&text=my+private+answer' },
    });
    logger.error({ err, token: 'xoxb-secret-token', apiKey: 'sk-secret', text: 'my private answer', user: { token: 'xoxb-2' } }, 'post failed');
    const out = lines.join('');
    expect(out).not.toMatch(/xoxb|sk-secret|private answer/);
    expect(out).toMatch(/not_in_channel/);
    expect(out).toMatch(/post failed/);
  });

  it('censor secrets nested in objects and arrays, whatever the case of the key, and leave the caller\'s object alone', () => {
    const { lines, logger } = capture();
    const fields = { reply: { text: 'my private answer', blocks: [{ type: 'section', text: 'another private line' }] }, request: { headers: { Authorization: 'Bearer sk-nested' } }, answerId: 7 };
    logger.info(fields, 'sent');
    const out = lines.join('');
    expect(out).not.toMatch(/private|sk-nested/);
    expect(JSON.parse(out)).toMatchObject({ answerId: 7, reply: { text: '[redacted]', blocks: [{ type: 'section', text: '[redacted]' }] }, request: { headers: { Authorization: '[redacted]' } } });
    expect(fields.reply.text).toBe('my private answer');
    expect(fields.request.headers.Authorization).toBe('Bearer sk-nested');
  });

  it('keep the cause chain of an error', () => {
    const { lines, logger } = capture();
    logger.warn({ err: new Error('outer', { cause: new Error('inner reason') }) }, 'x');
    expect(lines.join('')).toMatch(/inner reason/);
  });
});
