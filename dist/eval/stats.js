/** Agreement statistics between a grader's scores and human scores. */
function assertPaired(x, y) {
    if (x.length !== y.length)
        throw new Error(`series differ in length (${x.length} vs ${y.length})`);
    if (x.length === 0)
        throw new Error('no values');
}
function mean(v) {
    let s = 0;
    for (const n of v)
        s += n;
    return s / v.length;
}
/** Pearson correlation; NaN when either series is constant. */
export function pearson(x, y) {
    assertPaired(x, y);
    const mx = mean(x);
    const my = mean(y);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < x.length; i++) {
        const dx = x[i] - mx;
        const dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if (sxx === 0 || syy === 0)
        return Number.NaN;
    return sxy / Math.sqrt(sxx * syy);
}
/** Ranks 1..n, ties sharing the average of the ranks they span. */
export function averageRanks(v) {
    const order = v.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
    const ranks = new Array(v.length);
    let i = 0;
    while (i < order.length) {
        let j = i;
        while (j + 1 < order.length && order[j + 1].value === order[i].value)
            j++;
        const rank = (i + j) / 2 + 1;
        for (let k = i; k <= j; k++)
            ranks[order[k].index] = rank;
        i = j + 1;
    }
    return ranks;
}
/** Spearman rank correlation: Pearson of the average ranks. */
export function spearman(x, y) {
    assertPaired(x, y);
    return pearson(averageRanks(x), averageRanks(y));
}
/** Root mean squared error of predictions against truth. */
export function rmse(predicted, truth) {
    assertPaired(predicted, truth);
    let s = 0;
    for (let i = 0; i < predicted.length; i++)
        s += (predicted[i] - truth[i]) ** 2;
    return Math.sqrt(s / predicted.length);
}
