/** Read-only access to the question packs, in load order (pack, then file name). */
export class ContentLibrary {
    #questions;
    #byId = new Map();
    /** @throws Error when two questions share an id (the loader never lets that happen). */
    constructor(questions) {
        this.#questions = [...questions];
        for (const question of questions) {
            const other = this.#byId.get(question.id);
            if (other)
                throw new Error(`Duplicate question id "${question.id}" in ${other.file} and ${question.file}.`);
            this.#byId.set(question.id, question);
        }
    }
    /** Every question. */
    all() {
        return this.#questions;
    }
    /** The question with this id, if any. */
    get(id) {
        return this.#byId.get(id);
    }
    /** Whether a question with this id exists. */
    has(id) {
        return this.#byId.has(id);
    }
    /** The packs with their question counts, sorted by name. */
    packs() {
        const counts = new Map();
        for (const q of this.#questions)
            counts.set(q.pack, (counts.get(q.pack) ?? 0) + 1);
        return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name));
    }
    /** The topics with the packs they appear in and their question counts, sorted by topic. */
    topics() {
        const topics = new Map();
        for (const q of this.#questions) {
            const entry = topics.get(q.topic) ?? { topic: q.topic, packs: [], count: 0 };
            if (!entry.packs.includes(q.pack))
                entry.packs.push(q.pack);
            entry.count++;
            topics.set(q.topic, entry);
        }
        return [...topics.values()]
            .map((entry) => ({ ...entry, packs: [...entry.packs].sort() }))
            .sort((a, b) => a.topic.localeCompare(b.topic));
    }
    /** The questions of these packs; an empty list means every pack. Unknown names match nothing. */
    byPacks(packs) {
        if (packs.length === 0)
            return [...this.#questions];
        const wanted = new Set(packs);
        return this.#questions.filter((q) => wanted.has(q.pack));
    }
    /** The questions of one topic, across packs. */
    byTopic(topic) {
        return this.#questions.filter((q) => q.topic === topic);
    }
}
