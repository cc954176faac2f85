/** How a person is named in public: their name, or "anonymous" when they chose privacy. */
export function displayName(name: string, privacy: boolean): string {
  return privacy ? 'anonymous' : name;
}

/** English plural for counts in messages. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
