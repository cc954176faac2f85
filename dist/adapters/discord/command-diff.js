/**
 * Compares the slash commands Discord has registered with what `npm run discord:register` would
 * send, and says in words what differs, so a stale registration is noticed at start.
 */
const list = (v) => (Array.isArray(v) ? v : []);
function optionShape(o) {
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
function commandShape(c) {
    return { name: String(c.name ?? ''), description: String(c.description ?? ''), options: list(c.options).map(optionShape) };
}
/** The differences between expected and registered commands; empty when they match. */
export function diffCommands(expected, registered) {
    const want = expected.map((c) => commandShape(c));
    const have = new Map(registered.map((c) => commandShape(c)).map((c) => [c.name, c]));
    const problems = [];
    for (const w of want) {
        const h = have.get(w.name);
        if (!h) {
            problems.push(`/${w.name} is not registered`);
            continue;
        }
        if (h.description !== w.description)
            problems.push(`/${w.name} has an old description`);
        problems.push(...diffOptions(`/${w.name}`, w.options, h.options));
    }
    return problems;
}
function diffOptions(path, want, have) {
    const problems = [];
    const byName = new Map(have.map((o) => [o.name, o]));
    for (const w of want) {
        const h = byName.get(w.name);
        const where = `${path} ${w.name}`;
        if (!h) {
            problems.push(`${where} is missing`);
            continue;
        }
        byName.delete(w.name);
        if (h.type !== w.type)
            problems.push(`${where} has another type`);
        const changed = ['description', 'required', 'autocomplete', 'min_length', 'max_length'].filter((k) => h[k] !== w[k]);
        if (h.choices.join('|') !== w.choices.join('|'))
            changed.push('choices');
        if (changed.length)
            problems.push(`${where} differs (${changed.join(', ')})`);
        problems.push(...diffOptions(where, w.options, h.options));
    }
    for (const extra of byName.keys())
        problems.push(`${path} ${extra} is registered but no longer exists`);
    return problems;
}
