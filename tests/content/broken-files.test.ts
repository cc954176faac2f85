import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentError } from '../../src/content/errors.js';
import { loadContent } from '../../src/content/load-content.js';
import { frontMatter, questionFile, tempContent } from './fixtures.js';

const FILE = 'pack-a/01-broken.md';
const points = (n: number) => ['key_points:', ...Array.from({ length: n }, (_, i) => `  - Idea number ${i + 1} to check`)].join('\n');

/** Each case: a broken file, and the field its error must name. */
const cases: Array<[name: string, text: string, field: string, message?: RegExp]> = [
  ['missing front matter', '# What is it?\n\nAn answer.\n', 'front matter', /must start with a '---' line/],
  ['unclosed front matter', `---\n${frontMatter()}\n# What is it?\n\nAn answer.\n`, 'front matter', /not closed/],
  ['bad YAML', questionFile('demo', { tags: 'tags: [demo, oops' }), 'front matter', /Invalid YAML at line \d+/],
  ['a YAML list instead of a mapping', '---\n- id\n- topic\n---\n# Q?\n\nA.\n', 'front matter', /must be a YAML mapping/],
  ['empty front matter', '---\n---\n# Q?\n\nA.\n', 'front matter', /empty/],
  ['an unknown key', questionFile('demo', { typo: 'dificulty: hard' }), 'dificulty', /Did you mean "difficulty"/],
  ['a bad difficulty', questionFile('demo', { difficulty: 'difficulty: expert' }), 'difficulty', /easy, medium, hard/],
  ['a missing topic', questionFile('demo', { topic: null }), 'topic', /Missing/],
  ['3 key points', questionFile('demo', { key_points: points(3) }), 'key_points', /4 to 7 key points; found 3/],
  ['8 key points', questionFile('demo', { key_points: points(8) }), 'key_points', /4 to 7 key points; found 8/],
  [
    'a negative weight',
    questionFile('demo', { key_points: `${points(2)}\n  - { text: Heavy idea, weight: -1 }\n  - Last idea` }),
    'key_points[2].weight',
    /positive number/,
  ],
  [
    'a weight that is not a number',
    questionFile('demo', { key_points: `${points(3)}\n  - { text: Heavy idea, weight: heavy }` }),
    'key_points[3].weight',
    /positive number, got a string/,
  ],
  [
    'a misspelt key in a key point',
    questionFile('demo', { key_points: `${points(3)}\n  - { text: Heavy idea, wieght: 2 }` }),
    'key_points[3].wieght',
    /Did you mean "weight"/,
  ],
  ['a repeated key point', questionFile('demo', { key_points: `${points(3)}\n  - Idea number 1 to check` }), 'key_points[3]', /Repeats key point 1/],
  ['an empty hint', questionFile('demo', { hint: 'hint: "  "' }), 'hint', /must not be empty/],
  ['an example scored 11', questionFile('demo', { examples: 'examples:\n  - { answer: Some answer, score: 11 }' }), 'examples[0].score', /whole number 0-10/],
  ['an example without an answer', questionFile('demo', { examples: 'examples:\n  - { score: 5 }' }), 'examples[0].answer', /Missing/],
  ['a follow-up for a key point that is not there', questionFile('demo', { follow_ups: 'follow_ups:\n  5: What then?' }), 'follow_ups.5', /no key point 5; this question has 4/],
  ['no heading', `---\n${frontMatter()}\n---\nWhat is it?\n\nAn answer.\n`, 'heading', /Missing the question: write it as a '# ' heading/],
  ['a level-2 heading only', `---\n${frontMatter()}\n---\n## What is it?\n\nAn answer.\n`, 'heading', /found "## What is it\?"/],
  ['two headings', `---\n${frontMatter()}\n---\n# What is it?\n\nAn answer.\n\n# Another question?\n\nMore.\n`, 'heading', /another at line 18/],
  ['an empty body', `---\n${frontMatter()}\n---\n# What is it?\n\n   \n`, 'body', /reference answer is empty/],
  ['nothing after the front matter', `---\n${frontMatter()}\n---\n`, 'body', /reference answer is empty/],
  ['an unknown rubric kind', questionFile('demo', { rubric: 'rubric: stars' }), 'rubric', /Rubric must be one of star \(or left out\), got "stars"/],
  ['a bad id format', questionFile('Demo_Question'), 'id', /kebab-case/],
  ['a missing id', questionFile('demo', { id: null }), 'id', /Missing/],
];

describe('a broken question file', () => {
  let content: ReturnType<typeof tempContent>;
  beforeEach(() => {
    content = tempContent();
  });
  afterEach(() => content.cleanup());

  it.each(cases)('with %s gives an error naming the file and the field', (_name, text, field, message) => {
    content.write(FILE, text);
    const { questions, errors } = loadContent(content.dir);
    expect(questions).toEqual([]);
    expect(errors).toContainEqual(expect.objectContaining({ file: FILE, field }));
    const error = errors.find((e) => e.field === field)!;
    if (message) expect(error.message).toMatch(message);
    expect(error.message).toMatch(/[.?]$/);
  });

  it('reports every problem of a file at once, not just the first', () => {
    const text = questionFile('Bad Id', { difficulty: 'difficulty: expert', key_points: points(3), extra: 'colour: red' });
    content.write(FILE, text.replace('# What is the demo question?', 'No heading here'));
    const fields = loadContent(content.dir).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['id', 'difficulty', 'key_points', 'colour', 'heading']));
  });

  it('does not count a "# " line inside a code block as a second heading', () => {
    content.write(FILE, `---\n${frontMatter()}\n---\n# What is it?\n\n\`\`\`bash\n# a comment\nls\n\`\`\`\n`);
    expect(loadContent(content.dir).errors).toEqual([]);
  });
});

describe('a content directory', () => {
  let content: ReturnType<typeof tempContent>;
  beforeEach(() => {
    content = tempContent();
  });
  afterEach(() => content.cleanup());

  it('with a duplicate id names both files, and keeps the first', () => {
    content.write('pack-a/01-first.md', questionFile('same-id'));
    content.write('pack-b/01-second.md', questionFile('same-id'));
    const { questions, errors } = loadContent(content.dir);
    expect(questions.map((q) => q.file)).toEqual(['pack-a/01-first.md']);
    expect(errors).toEqual<ContentError[]>([
      { file: 'pack-b/01-second.md', field: 'id', message: expect.stringContaining('pack-a/01-first.md') },
    ]);
  });

  it('collects the errors of every broken file, and still loads the good ones', () => {
    content.write('pack-a/01-good.md', questionFile('good'));
    content.write('pack-a/02-bad.md', questionFile('bad', { difficulty: 'difficulty: expert' }));
    content.write('pack-b/01-bad.md', questionFile('worse', { key_points: points(8) }));
    const { questions, errors } = loadContent(content.dir);
    expect(questions.map((q) => q.id)).toEqual(['good']);
    expect(errors.map((e) => `${e.file} ${e.field}`)).toEqual(['pack-a/02-bad.md difficulty', 'pack-b/01-bad.md key_points']);
  });

  it('ignores README.md, other files and top-level files', () => {
    content.write('README.md', 'not a pack');
    content.write('pack-a/README.md', '# About this pack');
    content.write('pack-a/notes.txt', 'scratch');
    content.write('pack-a/01-good.md', questionFile('good'));
    expect(loadContent(content.dir)).toMatchObject({ errors: [], questions: [{ id: 'good' }] });
  });

  it('with a pack folder that is not kebab-case is an error naming the folder', () => {
    content.write('My Pack/01-good.md', questionFile('good'));
    expect(loadContent(content.dir).errors).toEqual([expect.objectContaining({ file: 'My Pack', field: 'pack' })]);
  });

  it('that is empty is an error with a clear message', () => {
    content.write('pack-a/README.md', '# nothing yet');
    expect(loadContent(content.dir).errors).toEqual([
      { file: content.dir, field: 'directory', message: expect.stringMatching(/^No question files in .*<pack>\/<NN>-<slug>\.md/) },
    ]);
  });

  it('that does not exist is an error with a clear message', () => {
    const missing = `${content.dir}/nope`;
    expect(loadContent(missing).errors).toEqual([
      { file: missing, field: 'directory', message: expect.stringContaining('does not exist') },
    ]);
  });
});
