/**
 * Views of an answer for the injection scan. Attackers hide "ignore previous instructions" behind
 * look-alike letters from other scripts, leetspeak, invisible characters, spaced-out letters,
 * base64, ROT13 or reversed text. Each view undoes one of those tricks while remembering, for every
 * character, where it came from in the original answer, so a match can be cut out of the answer.
 */

/** A transformed text and, per UTF-16 unit, the index of the original character it came from. */
export interface View {
  text: string;
  map: number[];
}

/** Zero-width, joiner, soft hyphen, bidi controls, BOM: invisible, so dropped before matching. */
// eslint-disable-next-line no-misleading-character-class -- each combining mark is listed on its own, on purpose
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF]/u;

/** Cyrillic and Greek letters that look like Latin ones (lower case, after NFKC). */
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', з: '3', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c',
  т: 't', у: 'y', х: 'x', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ɡ: 'g', ı: 'i',
  α: 'a', β: 'b', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
};
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

export interface PrimaryView extends View {
  /** The answer carried Unicode tag characters (invisible ASCII): a known smuggling trick. */
  hiddenTags: boolean;
  /** Words mixed Latin letters with look-alikes from another script. */
  mixedScripts: boolean;
}

/**
 * Lower case, NFKC (fullwidth and mathematical letters become plain), invisible characters dropped,
 * Unicode tag characters turned into the ASCII they hide, and inside words that mix scripts or
 * letters and digits, look-alikes and leetspeak turned into Latin letters. Pure Cyrillic or Greek
 * words stay as they are, so answers written in those scripts are read as written.
 */
export function primaryView(original: string): PrimaryView {
  if (PLAIN_ASCII.test(original)) return asciiView(original);
  const chars: string[] = [];
  const map: number[] = [];
  let hiddenTags = false;
  let i = 0;
  for (const ch of original) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xe0020 && cp <= 0xe007e) {
      hiddenTags = true;
      chars.push(String.fromCharCode(cp - 0xe0000).toLowerCase());
      map.push(i);
    } else if (!INVISIBLE.test(ch) && !(cp >= 0xe0000 && cp <= 0xe007f)) {
      for (const unit of ch.normalize('NFKC').toLowerCase()) {
        for (let k = 0; k < unit.length; k++) {
          chars.push(unit[k]!);
          map.push(i);
        }
      }
    }
    i += ch.length;
  }
  let mixedScripts = false;
  const text = chars.join('');
  for (const m of text.matchAll(/[\p{L}\p{N}@$]+/gu)) {
    const word = m[0];
    const start = m.index;
    const latin = /[a-z]/.test(word);
    const confusable = [...word].some((c) => c in CONFUSABLES);
    const leet = /\p{L}/u.test(word) && /[0-9@$]/.test(word) && /[a-z]/.test(word);
    if (!(latin && confusable) && !leet) continue;
    if (latin && confusable) mixedScripts = true;
    for (let k = 0; k < word.length; k++) {
      const c = word[k]!;
      const to = (latin && confusable ? CONFUSABLES[c] : undefined) ?? (leet ? LEET[c] : undefined);
      if (to && chars[start + k] !== undefined) chars[start + k] = to;
    }
  }
  return { text: chars.join(''), map, hiddenTags, mixedScripts };
}

/** Printable ASCII and line breaks: nothing to normalise, nothing invisible, no look-alikes. */
const PLAIN_ASCII = /^[\x20-\x7E\t\n\r]*$/;
/** Words of letters and digits with a leetspeak character in them ("1gn0re", "fu11"). */
const LEET_WORD = /[a-z0-9@$]*[0-9@$][a-z0-9@$]*/g;

/**
 * The primary view of a plain ASCII answer (nearly all of them), without going character by
 * character: lower case, one character per character, and only leetspeak words to undo.
 */
function asciiView(original: string): PrimaryView {
  let text = original.toLowerCase();
  const map = new Array<number>(text.length);
  for (let k = 0; k < text.length; k++) map[k] = k;
  if (/[0-9@$]/.test(text)) {
    text = text.replace(LEET_WORD, (word) => (/[a-z]/.test(word) ? word.replace(/[0-9@$]/g, (c) => LEET[c] ?? c) : word));
  }
  return { text, map, hiddenTags: false, mixedScripts: false };
}

/** Letters and digits only: "i g n o r e  a l l" and "ig-\nnore" become "ignoreall". */
export function compactView(v: View): View {
  const chars: string[] = [];
  const map: number[] = [];
  for (let k = 0; k < v.text.length; k++) {
    const c = v.text[k]!;
    if (/[\p{L}\p{N}]/u.test(c)) {
      chars.push(c);
      map.push(v.map[k]!);
    }
  }
  return { text: chars.join(''), map };
}

/** The text read backwards ("snoitcurtsni suoiverp erongi"). */
export function reversedView(v: View): View {
  return { text: [...v.text].reverse().join(''), map: [...v.map].reverse() };
}

/** ROT13 of the Latin letters. */
export function rot13View(v: View): View {
  const text = v.text.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97));
  return { text, map: v.map };
}

/**
 * Runs of base64 in the answer that decode to readable text, with where they sit in the
 * original. The scan reads the decoded text as if it were part of the answer.
 */
export function base64Payloads(original: string): { decoded: string; start: number; end: number }[] {
  const found: { decoded: string; start: number; end: number }[] = [];
  for (const m of original.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
    const token = m[0];
    if (!/[0-9+/=_-]/.test(token) && !/[A-Z]/.test(token.slice(1))) continue; // a long plain word
    const decoded = Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    const readable = decoded.replace(/[^\x20-\x7E\n\t\p{L}]/gu, '').length;
    if (decoded.length >= 8 && readable / decoded.length > 0.9 && /[a-z]{3}/i.test(decoded)) {
      found.push({ decoded, start: m.index, end: m.index + token.length });
    }
  }
  return found;
}
