import type { IncomingMessage } from 'node:http';

/** A request body as the stand-in sees it: the JSON payload and any uploaded files. */
export interface Body {
  json: any;
  files: { filename: string; content: string }[];
}

/**
 * Reads a JSON body, or a multipart body as discord.js sends it with attachments
 * (`payload_json` plus `files[n]` parts).
 */
export async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (!raw) return { json: null, files: [] };
  if (type.startsWith('application/json')) return { json: JSON.parse(raw), files: [] };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!type.startsWith('multipart/form-data') || !boundary) return { json: raw, files: [] };
  const body: Body = { json: null, files: [] };
  for (const part of raw.split(`--${boundary[1] ?? boundary[2]}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name === 'payload_json') body.json = JSON.parse(content);
    else if (filename !== undefined) body.files.push({ filename, content });
  }
  return body;
}
