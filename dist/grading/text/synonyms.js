/**
 * Small groups of interchangeable words, general English plus the everyday vocabulary of
 * programming interviews. Written from general knowledge, never from an evaluation set. Each
 * group's first word is its canonical form; matching through a group counts a little less than
 * the same word (see SYNONYM_CREDIT in coverage.ts).
 */
const GROUPS = [
    'big large huge',
    'small little tiny',
    'fast quick rapid speedy',
    'slow sluggish',
    'begin start beginning',
    'end finish',
    'remove delete erase strip',
    'add insert append',
    'get retrieve fetch obtain access',
    'make create construct build generate',
    'show display print output reveal',
    'error bug fault defect mistake',
    'correct right valid',
    'wrong incorrect invalid',
    'allow permit enable let',
    'stop halt terminate kill',
    'copy duplicate clone replica',
    'change modify alter update',
    'same identical equal',
    'different distinct',
    'size length',
    'faster quicker',
    'smaller less lower fewer',
    'larger bigger greater higher more',
    'whole entire complete',
    'method function procedure routine subroutine',
    'argument parameter',
    'variable var',
    'memory storage ram',
    'combine merge join',
    'split divide partition',
    'find search locate lookup',
    'goal purpose aim objective',
    'advantage benefit',
    'disadvantage drawback downside',
    'fix repair',
    'many multiple several numerous',
    'cost price',
    'buy purchase',
    'car automobile vehicle',
    'doctor physician',
    'child kid',
    'answer reply response',
    'ask query request',
    // Everyday technical vocabulary: abbreviations, spellings and plain near-synonyms.
    'asynchronous async',
    'synchronous sync',
    'configuration config',
    'application app',
    'repository repo',
    'environment env',
    'database db',
    'kubernetes k8s',
    'artifact artefact',
    'revert rollback undo',
    'run execute',
    'choose select pick',
    'prevent avoid',
    'reduce decrease',
    'increase raise',
    'stale outdated obsolete old',
    'permission privilege',
    'compromise breach',
    'send transmit',
    'retry resend',
    'lock mutex',
    'hash digest',
    'simple straightforward',
    'complex complicated',
    'lose loss',
    'recent latest newest',
    'accept afford tolerate',
    'future later',
    'accidental inadvertent unintentional',
    'reckless careless sloppy',
    'prudent sensible',
    'continuous steady ongoing',
    'limit ceiling cap',
    'cpu core processor',
    'fragile brittle',
    'deep depth',
    'reject refuse deny decline',
    'contradict conflict disagree',
];
const CANON = new Map();
for (const group of GROUPS) {
    const words = group.split(' ');
    for (const w of words)
        if (!CANON.has(w))
            CANON.set(w, words[0]);
}
/** The canonical word of a word's synonym group (the word itself when it has none). */
export function canonicalWord(word) {
    return CANON.get(word) ?? word;
}
/** Every word that belongs to a synonym group (the caller stems them). */
export function synonymWords() {
    return [...CANON.keys()];
}
