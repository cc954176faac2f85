import { createHash } from 'node:crypto';

/** Lower case, letters and digits of any script, single spaces: two answers that differ only in form compare equal. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Short stable fingerprint of a normalised answer, for the grade cache and duplicate checks. */
export function answerHash(text: string): string {
  return createHash('sha256').update(normalizeText(text)).digest('hex').slice(0, 32);
}
