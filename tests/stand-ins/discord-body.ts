import type { IncomingMessage } from 'node:http';

/** An uploaded file: its text (for CSVs) and its bytes (for images). */
export interface UploadedFile {
  filename: string;
  content: string;
  bytes: Buffer;
}

/** A request body as the stand-in sees it: the JSON payload and any uploaded files. */
export interface Body {
  json: any;
  files: UploadedFile[];
}

/**
 * Reads a JSON body, or a multipart body as discord.js sends it with attachments
 * (`payload_json` plus `files[n]` parts), keeping each file's bytes as sent.
 */
export async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const bytes = Buffer.concat(chunks);
  const raw = bytes.toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (!raw) return { json: null, files: [] };
  if (type.startsWith('application/json')) return { json: JSON.parse(raw), files: [] };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!type.startsWith('multipart/form-data') || !boundary) return { json: raw, files: [] };
  const body: Body = { json: null, files: [] };
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = bytes.indexOf(delimiter);
  while (at >= 0) {
    const next = bytes.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = bytes.subarray(at + delimiter.length, next);
    at = next;
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.subarray(0, split).toString('utf8');
    let content = part.subarray(split + 4);
    if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
    const name = /name="([^"]+)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name === 'payload_json') body.json = JSON.parse(content.toString('utf8'));
    else if (filename !== undefined) body.files.push({ filename, content: content.toString('utf8'), bytes: Buffer.from(content) });
  }
  return body;
}
