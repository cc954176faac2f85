/**
 * Discord's size limits and the helpers that keep every message inside them: long text is split
 * or shortened here so the platform never rejects a message.
 */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** All the embeds of one message together. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  modalTitle: 45,
  label: 45,
  labelDescription: 100,
  placeholder: 100,
  textDisplay: 4000,
  textInput: 4000,
  threadName: 100,
  commandDescription: 100,
  choiceName: 100,
  choices: 25,
} as const;

const ELLIPSIS = '…';

/** `text` cut to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}${ELLIPSIS}`;
}

/**
 * Splits text into pieces of at most `max` characters, preferring line breaks, then spaces,
 * and cutting mid-word only when a single word is longer than `max`.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/**
 * A bulleted list that fits in `max` characters: items are shortened to share the room, and
 * when there are too many the tail becomes "and N more". An empty `mark` gives plain lines.
 */
export function bulletList(items: string[], max: number, mark = '•'): string {
  const lines: string[] = [];
  let used = 0;
  for (let i = 0; i < items.length; i += 1) {
    const reserve = i < items.length - 1 ? `\n… and ${items.length - i - 1} more`.length : 0;
    const room = Math.max(8, Math.min(300, max - reserve - mark.length - 1));
    const item = shorten(items[i]!.replace(/\s+/g, ' ').trim(), room);
    const line = mark ? `${mark} ${item}` : item;
    const sep = lines.length ? 1 : 0;
    if (used + sep + line.length + reserve > max) {
      const tail = `… and ${items.length - i} more`;
      if (used + sep + tail.length <= max) lines.push(tail);
      break;
    }
    lines.push(line);
    used += sep + line.length;
  }
  return lines.join('\n');
}
