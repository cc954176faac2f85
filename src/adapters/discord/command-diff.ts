/**
 * Compares the slash commands Discord has registered with what `npm run discord:register` would
 * send, and says in words what differs, so a stale registration is noticed at start.
 */

interface OptionShape {
  type: number;
  name: string;
  description: string;
  required: boolean;
  autocomplete: boolean;
  choices: string[];
  min_length: number | null;
  max_length: number | null;
  options: OptionShape[];
}

interface CommandShape {
  name: string;
  description: string;
  options: OptionShape[];
  /** Install types and contexts, sorted (null when the definition has none: a server's registration). */
  integrationTypes: string | null;
  contexts: string | null;
}

type Loose = Record<string, unknown>;

const list = (v: unknown): Loose[] => (Array.isArray(v) ? (v as Loose[]) : []);

function optionShape(o: Loose): OptionShape {
  return {
    type: Number(o.type),
    name: String(o.name ?? ''),
    description: String(o.description ?? ''),
    required: Boolean(o.required),
    autocomplete: Boolean(o.autocomplete),
    choices: list(o.choices).map((c) => `${String(c.name)}=${String(c.value)}`),
    min_length: typeof o.min_length === 'number' ? o.min_length : null,
    max_length: typeof o.max_length === 'number' ? o.max_length : null,
    options: list(o.options).map(optionShape),
  };
}

const numbers = (v: unknown): string | null => (Array.isArray(v) ? [...(v as number[])].sort().join(',') : null);

function commandShape(c: Loose): CommandShape {
  return {
    name: String(c.name ?? ''),
    description: String(c.description ?? ''),
    options: list(c.options).map(optionShape),
    integrationTypes: numbers(c.integration_types),
    contexts: numbers(c.contexts),
  };
}

/** The differences between expected and registered commands; empty when they match. */
export function diffCommands(expected: readonly object[], registered: readonly object[]): string[] {
  const want = expected.map((c) => commandShape(c as Loose));
  const have = new Map(registered.map((c) => commandShape(c as Loose)).map((c) => [c.name, c]));
  const problems: string[] = [];
  for (const w of want) {
    const h = have.get(w.name);
    if (!h) {
      problems.push(`/${w.name} is not registered`);
      continue;
    }
    if (h.description !== w.description) problems.push(`/${w.name} has an old description`);
    const installs = (c: CommandShape) => `${c.integrationTypes ?? ''}/${c.contexts ?? ''}`;
    if (w.integrationTypes !== null && installs(h) !== installs(w)) problems.push(`/${w.name} has old install types and contexts (user install, DMs)`);
    problems.push(...diffOptions(`/${w.name}`, w.options, h.options));
  }
  return problems;
}

function diffOptions(path: string, want: OptionShape[], have: OptionShape[]): string[] {
  const problems: string[] = [];
  const byName = new Map(have.map((o) => [o.name, o]));
  for (const w of want) {
    const h = byName.get(w.name);
    const where = `${path} ${w.name}`;
    if (!h) {
      problems.push(`${where} is missing`);
      continue;
    }
    byName.delete(w.name);
    if (h.type !== w.type) problems.push(`${where} has another type`);
    const changed: string[] = (['description', 'required', 'autocomplete', 'min_length', 'max_length'] as const).filter((k) => h[k] !== w[k]);
    if (h.choices.join('|') !== w.choices.join('|')) changed.push('choices');
    if (changed.length) problems.push(`${where} differs (${changed.join(', ')})`);
    problems.push(...diffOptions(where, w.options, h.options));
  }
  for (const extra of byName.keys()) problems.push(`${path} ${extra} is registered but no longer exists`);
  return problems;
}
