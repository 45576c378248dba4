import { describe, expect, it } from 'vitest';
import {
  type AuditFields,
  type AuditRow,
  type ChainHead,
  type CheckpointSummary,
  chainMac,
  chainOf,
  chainVerifier,
  checkpointProblems,
  firstProblem,
  summarizeCheckpoint,
} from './rules.ts';

const key = Buffer.from('k'.repeat(32));

/** `n` entries of one province's chain, ids spaced as when other chains interleave. */
function chain(n: number, province = '20') {
  const rows: AuditRow[] = [];
  let prev = '';
  for (let seq = 1; seq <= n; seq++) {
    const f: AuditFields = {
      province_code: province,
      seq,
      id: seq * 10,
      at: `2021-12-0${seq}T00:00:00Z`,
      user_id: 1,
      username: 'a',
      action: 'read',
      entity: 'person',
      entity_id: String(seq),
      unit_code: '06385',
      ip: '127.0.0.1',
      details: '{}',
    };
    const mac = chainMac(key, prev, f);
    rows.push({ ...f, prev_mac: prev, mac });
    prev = mac;
  }
  const last = rows[rows.length - 1]!;
  const head: ChainHead = { province_code: province, last_seq: n, last_id: last.id, last_mac: last.mac };
  return { rows, head };
}

function verify(rows: AuditRow[], heads: ChainHead[]) {
  const v = chainVerifier(key);
  for (const r of rows) v.add(r);
  return v.finish(heads).problems;
}

describe('audit chains', () => {
  it('accepts intact chains', () => {
    const a = chain(5, '');
    const b = chain(3, '20');
    expect(verify([...a.rows, ...b.rows], [a.head, b.head])).toEqual([]);
  });

  it('finds a changed field', () => {
    const { rows, head } = chain(5);
    rows[2] = { ...rows[2]!, entity_id: '99' };
    expect(verify(rows, [head])).toEqual([{ province: '20', seq: 3, id: 30, problem: 'changed' }]);
  });

  it('finds a tail re-chained without the key from the first edited entry', () => {
    const { rows } = chain(5);
    const guess = Buffer.from('a guessed key, not the real one!');
    let prev = rows[1]!.mac;
    const forged = rows.map((r) => {
      if (r.seq < 3) return r;
      const f = { ...r, username: r.seq === 3 ? 'someone-else' : r.username, prev_mac: prev };
      f.mac = chainMac(guess, prev, f);
      prev = f.mac;
      return f;
    });
    const head = { province_code: '20', last_seq: 5, last_id: 50, last_mac: prev };
    const problems = verify(forged, [head]);
    expect(problems.map((p) => [p.seq, p.problem])).toEqual([
      [3, 'changed'],
      [4, 'changed'],
      [5, 'changed'],
    ]);
    expect(firstProblem(problems)).toMatchObject({ id: 30, seq: 3 });
  });

  it('finds a deleted entry by the gap in its chain', () => {
    const { rows, head } = chain(5);
    rows.splice(1, 1);
    expect(verify(rows, [head])).toEqual([{ province: '20', seq: 3, id: 30, problem: 'gap' }]);
  });

  it('finds a deleted tail by the head, and a head moved back only by the checkpoints', () => {
    const { rows, head } = chain(5);
    rows.pop();
    expect(verify(rows, [head])).toEqual([{ province: '20', seq: 5, id: null, problem: 'truncated' }]);
    const moved = { ...head, last_seq: 4, last_id: 40, last_mac: rows[3]!.mac };
    expect(verify(rows, [moved])).toEqual([]);
    const summary: CheckpointSummary = { firstMissing: null, latestPresent: null };
    for (const seq of [3, 5, 4])
      summarizeCheckpoint(summary, { province: '20', seq, id: seq * 10, mac: 'm' }, 4);
    expect(summary).toMatchObject({ firstMissing: { seq: 5 }, latestPresent: { seq: 4 } });
    expect(checkpointProblems(summary, 'm')).toEqual([
      { province: '20', seq: 5, id: 50, problem: 'truncated' },
    ]);
    expect(checkpointProblems({ ...summary, firstMissing: null }, 'other')).toEqual([
      { province: '20', seq: 4, id: 40, problem: 'changed' },
    ]);
  });

  it('puts events on their province’s chain, the country and unknown units on the national one', () => {
    expect(chainOf({ code: '20', level: 1, province_code: null })).toBe('20');
    expect(chainOf({ code: '06385', level: 3, province_code: '20' })).toBe('20');
    expect(chainOf({ code: 'VN', level: 0, province_code: null })).toBe('');
    expect(chainOf(undefined)).toBe('');
  });
});
