import { strToU8, zipSync } from 'fflate';
import type { TextReply } from '../../core/replies.js';

/** A reply's folder as one zip file (the chat platforms' way to hand over several files), its files under `<name>/`. */
export function zipFolder(folder: NonNullable<TextReply['folder']>): Buffer {
  const entries = Object.fromEntries(folder.files.map((f) => [`${folder.name}/${f.path}`, strToU8(f.content)]));
  return Buffer.from(zipSync(entries, { level: 6 }));
}
