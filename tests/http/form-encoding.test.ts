import { spawnSync } from 'node:child_process';
import querystring from 'node:querystring';
import { describe, expect, it } from 'vitest';
import { useNativeFormEncoding } from '../../src/http/form-encoding.js';

const bodies = [
  { channel: 'U123', text: 'Score: 6/10 (6 points) — well done!', unfurl_links: false, n: 3 },
  { blocks: JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: "*Covered*\n• Q, K & V = projections; it's \"scaled\" by √d ~ 8 (100%) #1 @you <!here> [x]{y}|z^`~" } }]) },
  { text: 'emoji 🎉 and CJK 注意力 and combining é and tabs\tand\r\nlines', empty: '', zero: 0, big: 12345678901234, neg: -1.5 },
  { 'key with spaces & symbols=': 'value/with?query#hash+plus' },
];

/** What Node's own encoder makes of the bodies, in a fresh process (the hook is process-wide). */
function withNodesEncoder(): { encoded: string[]; loneSurrogate: string } {
  const script = `
    const qs = require('node:querystring');
    const bodies = JSON.parse(process.argv[1]);
    let loneSurrogate = 'no error';
    try { qs.stringify({ text: 'cut \\ud83c' }); } catch (err) { loneSurrogate = err instanceof URIError ? 'URIError' : String(err); }
    process.stdout.write(JSON.stringify({ encoded: bodies.map((b) => qs.stringify(b)), loneSurrogate }));`;
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(bodies)], { encoding: 'utf8' });
  return JSON.parse(run.stdout) as { encoded: string[]; loneSurrogate: string };
}

describe('form bodies encoded natively', () => {
  it('encode to exactly the bytes Node\'s own encoder makes', () => {
    const expected = withNodesEncoder();
    useNativeFormEncoding();
    expect(querystring.escape).toBe(encodeURIComponent);
    expect(bodies.map((b) => querystring.stringify(b))).toEqual(expected.encoded);
  });

  it('still refuse text that is not valid Unicode (a lone surrogate), as Node\'s own encoder does', () => {
    expect(withNodesEncoder().loneSurrogate).toBe('URIError');
    useNativeFormEncoding();
    expect(() => querystring.stringify({ text: 'cut \ud83c' })).toThrow(URIError);
  });
});
