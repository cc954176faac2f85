import { describe, expect, it } from 'vitest';
import type { GradeRequest } from '../../src/core/ports.js';
import { DERIVED_CURVE, OfflineGrader } from '../../src/grading/offline-grader.js';

const processVsThread: Omit<GradeRequest, 'answer'> = {
  questionId: 'os-01',
  question: 'What is the difference between a process and a thread?',
  reference:
    'A process is an independent program in execution with its own address space and resources; threads are units of ' +
    'execution inside a process that share its memory and resources, so they are cheaper to create and switch between ' +
    'but need synchronisation.',
  keyPoints: [
    { text: 'A process has its own separate memory address space', weight: 2 },
    { text: 'Threads within a process share its memory and resources', weight: 2 },
    { text: 'Threads are cheaper to create and to switch between', weight: 1 },
    { text: 'Shared memory means threads need synchronization', weight: 1 },
  ],
};

const hashTable: Omit<GradeRequest, 'answer'> = {
  questionId: 'ds-07',
  question: 'How does a hash table work, and how fast is a lookup?',
  reference:
    'A hash function turns each key into an index into an array of buckets, where the value is stored. Collisions, ' +
    'when two keys land in the same bucket, are handled by chaining or open addressing. Lookups, inserts and deletes ' +
    'take constant time on average and linear time in the worst case.',
  keyPoints: [
    { text: 'A hash function maps each key to a bucket index in an array', weight: 2 },
    { text: 'Collisions are resolved by chaining or open addressing', weight: 1 },
    { text: 'Average lookup time is constant, worst case linear', weight: 1 },
  ],
};

const answers = {
  strong:
    'Each process gets its own isolated memory, while threads live inside one process and all use the same memory and ' +
    'resources. That makes threads lighter to start and faster to switch between, but you have to synchronise access ' +
    'to shared data with locks.',
  partial: 'A process has its own memory space, and a thread runs inside a process.',
  offTopic: 'I like to cook pasta on weekends with fresh tomatoes from the market.',
  salad: 'process thread memory address space share resources cheaper create switch synchronization',
};

const grader = new OfflineGrader();
const grade = (q: Omit<GradeRequest, 'answer'>, answer: string) => grader.grade({ ...q, answer });

describe('OfflineGrader', () => {
  it('identifies itself as the offline grader with a version', async () => {
    const r = await grade(processVsThread, answers.strong);
    expect(grader.id).toBe('offline');
    expect(grader.version).toMatch(/\S/);
    expect(r.grader).toBe('offline');
    expect(r.flags).toEqual([]);
    expect(Number.isInteger(r.score)).toBe(true);
  });

  it('gives a strong paraphrased answer at least 7', async () => {
    expect((await grade(processVsThread, answers.strong)).score).toBeGreaterThanOrEqual(7);
    const hash = await grade(
      hashTable,
      'The key goes through a hash function that picks a slot in an underlying array, and the value is kept there. If ' +
        'two keys hash to the same slot you chain them in a list or probe for another free slot (open addressing). ' +
        'On average finding a key is O(1), constant time, but it degrades to linear time when everything collides.',
    );
    expect(hash.score).toBeGreaterThanOrEqual(7);
    expect(hash.covered.length).toBeGreaterThanOrEqual(2);
  });

  it('puts a partial answer between an off-topic one and a strong one', async () => {
    const partial = (await grade(processVsThread, answers.partial)).score;
    expect(partial).toBeGreaterThan((await grade(processVsThread, answers.offTopic)).score);
    expect(partial).toBeLessThan((await grade(processVsThread, answers.strong)).score);
    expect(partial).toBeGreaterThanOrEqual(2);
    expect(partial).toBeLessThanOrEqual(6);
  });

  it('puts every key point in exactly one of covered, partly and missed', async () => {
    const r = await grade(processVsThread, answers.partial);
    const all = [...r.covered, ...(r.partly ?? []), ...r.missed].sort();
    expect(all).toEqual(processVsThread.keyPoints.map((k) => k.text).sort());
    expect(r.partly?.length).toBeGreaterThan(0);
  });

  it('lists covered and missed key points by their text', async () => {
    const r = await grade(hashTable, 'A hash function maps the key to an index of a bucket in an array.');
    expect(r.covered).toEqual(['A hash function maps each key to a bucket index in an array']);
    expect(r.missed).toEqual(['Collisions are resolved by chaining or open addressing', 'Average lookup time is constant, worst case linear']);
  });

  it('gives an off-topic answer at most 1', async () => {
    const r = await grade(processVsThread, answers.offTopic);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.covered).toEqual([]);
  });

  it('gives an empty or blank answer 0', async () => {
    expect((await grade(processVsThread, '')).score).toBe(0);
    expect((await grade(hashTable, '   \n ?! ')).score).toBe(0);
  });

  it('scores a keyword salad of reference words below a written answer', async () => {
    const salad = await grade(processVsThread, answers.salad);
    expect(salad.score).toBeLessThan((await grade(processVsThread, answers.strong)).score);
    expect(salad.score).toBeLessThanOrEqual(6);
    const repeated = await grade(hashTable, 'hash hash hash hash key key key key bucket bucket bucket');
    expect(repeated.score).toBeLessThan(5);
  });

  it('gives nothing to an answer that only restates the question', async () => {
    const r = await grade(processVsThread, 'What is the difference between a process and a thread? A process and a thread differ.');
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.covered).toEqual([]);
  });

  it('grades Cyrillic and CJK answers without failing, by what overlaps', async () => {
    for (const answer of [
      'Процесс имеет собственное адресное пространство, а потоки разделяют память процесса.',
      '进程有独立的内存空间，线程共享进程的内存。',
      'プロセスとスレッドの違い',
    ]) {
      const r = await grade(processVsThread, answer);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(3);
    }
    const chinese = {
      ...processVsThread,
      question: '进程和线程有什么区别？',
      reference: '进程拥有独立的地址空间；线程共享所属进程的内存和资源。',
      keyPoints: [],
    };
    const onTopic = (await grade(chinese, '线程共享进程的内存和资源，进程有独立的地址空间。')).score;
    expect(onTopic).toBeGreaterThanOrEqual(7);
    // Without key points an answer in other words cannot be told from an off-topic one: both start at the floor.
    expect((await grade(chinese, '我喜欢吃面条。')).score).toBeLessThan(onTopic);
  });

  it('is deterministic across calls and instances', async () => {
    const first = await grade(processVsThread, answers.partial);
    expect(await grade(processVsThread, answers.partial)).toEqual(first);
    expect(await new OfflineGrader().grade({ ...processVsThread, answer: answers.partial })).toEqual(first);
  });

  it('lets key point weights decide how much each idea is worth', async () => {
    const heavyIdea = 'Threads inside one process all share the memory and resources of that process.';
    const lightIdea = 'Threads are cheaper to create and faster to switch between.';
    expect((await grade(processVsThread, heavyIdea)).score).toBeGreaterThan((await grade(processVsThread, lightIdea)).score);
    const reweighted = {
      ...processVsThread,
      keyPoints: processVsThread.keyPoints.map((k) => ({ ...k, weight: k.text.startsWith('Threads are cheaper') ? 4 : 1 })),
    };
    expect((await grade(reweighted, lightIdea)).score).toBeGreaterThan((await grade(processVsThread, lightIdea)).score);
  });

  it('derives the rubric from the reference when there are no key points, scored on the curve fitted to human grades', async () => {
    const noKeys = { ...processVsThread, keyPoints: [] };
    const strong = await grade(noKeys, answers.strong);
    expect(strong.score).toBeGreaterThanOrEqual(7);
    expect(strong.covered.length + strong.missed.length).toBeGreaterThan(1);
    const offTopic = await grade(noKeys, answers.offTopic);
    expect(offTopic.score).toBe(DERIVED_CURVE.floor);
    expect(offTopic.score).toBeLessThan(strong.score);
    expect((await grade(noKeys, '')).score).toBe(0);
    expect((await grade(noKeys, 'What is the difference between a process and a thread?')).score).toBe(0);
  });

  it('gives a key point nothing when the answer denies it, and says so', async () => {
    const r = await grade(processVsThread, 'Threads within a process do not share its memory and resources.');
    expect(r.covered).not.toContain('Threads within a process share its memory and resources');
    expect(r.score).toBe(0);
    expect(r.feedback).toMatch(/opposite of: Threads within a process share its memory and resources/);
    const asserted = await grade(processVsThread, 'Threads within a process share its memory and resources.');
    expect(asserted.covered).toContain('Threads within a process share its memory and resources');
  });

  it('counts the words of a key point only where they stand together', async () => {
    const together = await grade(hashTable, 'Collisions are resolved by chaining or by open addressing.');
    const apart = await grade(
      hashTable,
      'Collisions happen in many systems and are a fact of life for engineers everywhere. I once resolved a merge conflict at work. ' +
        'Chaining is something mountaineers do with ropes on long climbs. Open source projects use open licences. ' +
        'Addressing letters by hand is rare these days.',
    );
    expect(together.covered).toContain('Collisions are resolved by chaining or open addressing');
    expect(apart.covered).not.toContain('Collisions are resolved by chaining or open addressing');
  });

  it('gives nothing for words the hint gave away', async () => {
    const hinted = { ...hashTable, hint: 'Think about chaining and open addressing when collisions happen.' };
    const echo = 'Chaining and open addressing when collisions happen.';
    expect((await grade(hinted, echo)).score).toBeLessThan((await grade(hashTable, echo)).score);
  });

  it('advises on the first key idea the answer missed, in at most two sentences', async () => {
    const r = await grade(processVsThread, answers.partial);
    const gap = r.missed[0] ?? r.partly![0]!;
    expect(r.feedback).toContain(gap);
    expect(r.feedback).toMatch(/^Mentions \d+ of \d+ key ideas/);
    expect(r.feedback.split(/(?<=[.!?])\s+(?=[A-Z])/).length).toBeLessThanOrEqual(2);
  });

  it('stops before grading when the signal is already aborted', async () => {
    await expect(grader.grade({ ...processVsThread, answer: 'x' }, AbortSignal.abort())).rejects.toThrow();
  });
});
