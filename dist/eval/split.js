export const PARTS = ['fit', 'report'];
export function isPart(name) {
    return PARTS.includes(name);
}
const questionKey = (it) => it.questionId ?? it.question;
export function partOf(items, part) {
    const order = new Map();
    for (const it of items)
        if (!order.has(questionKey(it)))
            order.set(questionKey(it), order.size);
    const want = part === 'fit' ? 0 : 1;
    return items.filter((it) => order.get(questionKey(it)) % 2 === want);
}
