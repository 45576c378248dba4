import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.ts';

describe('groupCommit', () => {
  it('writes the items submitted together in one call, answering each its own result', async () => {
    const calls: number[][] = [];
    const submit = groupCommit<object, number, string>(async (_target, items) => {
      calls.push(items);
      return items.map((n) => `#${n}`);
    });
    const target = {};
    const answers = await Promise.all([1, 2, 3].map((n) => submit(target, n)));
    expect(answers).toEqual(['#1', '#2', '#3']);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('writes a failed batch again one by one: one bad item fails only its own caller', async () => {
    const calls: number[][] = [];
    const submit = groupCommit<object, number, number>(async (_target, items) => {
      calls.push(items);
      if (items.includes(13)) throw new Error('no 13');
      return items.map((n) => n * 2);
    });
    const target = {};
    const answers = await Promise.allSettled([12, 13, 14].map((n) => submit(target, n)));
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      24,
      'no 13',
      28,
    ]);
    expect(calls).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it('keeps targets apart, and items submitted while a write runs go to the next one', async () => {
    const calls: string[] = [];
    let release = () => {};
    const submit = groupCommit<{ name: string }, number, number>(async (target, items) => {
      calls.push(`${target.name}:${items.join(',')}`);
      if (items[0] === 1) await new Promise<void>((r) => (release = r));
      return items;
    });
    const a = { name: 'a' };
    const first = submit(a, 1);
    const other = submit({ name: 'b' }, 9);
    await new Promise((r) => setTimeout(r, 20)); // the first write is running
    const later = [submit(a, 2), submit(a, 3)];
    release();
    expect(await Promise.all([first, other, ...later])).toEqual([1, 9, 2, 3]);
    expect(calls).toEqual(['a:1', 'b:9', 'a:2,3']);
  });
});
