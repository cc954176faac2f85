import { createHash } from 'node:crypto';
/**
 * Lower case, letters, marks and digits of any script, single spaces: two answers that differ only in
 * case, punctuation or spacing compare equal (combining marks are kept, so Devanagari and the like survive).
 */
export function normalizeText(text) {
    return text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\p{M}\s]+/gu, ' ')
        .replace(/\s+/gu, ' ')
        .trim();
}
/** Short stable fingerprint of a normalised answer, for the grade cache and duplicate checks. */
export function answerHash(text) {
    return createHash('sha256').update(normalizeText(text)).digest('hex').slice(0, 32);
}
