import { contentStems } from './words.js';
/** Pairs of questions at or above `threshold`, most similar first. */
export function nearDuplicates(questions, threshold) {
    const docs = questions.map((q) => contentStems([q.prompt, ...q.keyPoints.map((p) => p.text)].join(' ')));
    const df = new Map();
    for (const doc of docs)
        for (const word of new Set(doc))
            df.set(word, (df.get(word) ?? 0) + 1);
    const vectors = docs.map((doc) => weigh(doc, df, docs.length));
    const pairs = [];
    for (let i = 0; i < questions.length; i++) {
        for (let j = i + 1; j < questions.length; j++) {
            const similarity = cosine(vectors[i], vectors[j]);
            if (similarity >= threshold)
                pairs.push({ a: questions[i], b: questions[j], similarity });
        }
    }
    return pairs.sort((x, y) => y.similarity - x.similarity);
}
/** The most similar other question for each question (for reports). */
export function closest(questions) {
    return nearDuplicates(questions, 0);
}
function weigh(doc, df, n) {
    const tf = new Map();
    for (const word of doc)
        tf.set(word, (tf.get(word) ?? 0) + 1);
    const vector = new Map();
    let norm = 0;
    for (const [word, count] of tf) {
        // Smoothed IDF (as scikit-learn's): a word every question uses still counts a little.
        const weight = (1 + Math.log(count)) * (1 + Math.log((1 + n) / (1 + df.get(word))));
        vector.set(word, weight);
        norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [word, weight] of vector)
        vector.set(word, weight / norm);
    return vector;
}
function cosine(a, b) {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [word, weight] of small)
        dot += weight * (large.get(word) ?? 0);
    return dot;
}
