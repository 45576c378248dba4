import { describe, expect, it } from 'vitest';
import { type AuditFields, chainHash, chainVerifier } from './rules.ts';

function chain(n: number) {
  const rows: (AuditFields & { prev_hash: string; hash: string })[] = [];
  let prev = '';
  for (let id = 1; id <= n; id++) {
    const f: AuditFields = {
      id,
      at: `2021-12-0${id}T00:00:00Z`,
      user_id: 1,
      username: 'a',
      action: 'read',
      entity: 'person',
      entity_id: String(id),
      unit_code: '06385',
      ip: '127.0.0.1',
      details: '{}',
    };
    const hash = chainHash(prev, f);
    rows.push({ ...f, prev_hash: prev, hash });
    prev = hash;
  }
  return { rows, head: { last_id: n, last_hash: prev } };
}

function verify(rows: ReturnType<typeof chain>['rows'], head: ReturnType<typeof chain>['head']) {
  const v = chainVerifier();
  for (const r of rows) v.add(r);
  return v.finish(head);
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    const { rows, head } = chain(5);
    expect(verify(rows, head)).toEqual([]);
  });
  it('finds a changed field', () => {
    const { rows, head } = chain(5);
    rows[2] = { ...rows[2]!, entity_id: '99' };
    expect(verify(rows, head)).toEqual([{ id: 3, problem: 'changed' }]);
  });
  it("finds a deleted row by the next row's broken link", () => {
    const { rows, head } = chain(5);
    rows.splice(1, 1);
    expect(verify(rows, head)).toEqual([{ id: 3, problem: 'broken_link' }]);
  });
  it('finds a deleted tail by the head', () => {
    const { rows, head } = chain(5);
    rows.pop();
    expect(verify(rows, head)).toEqual([{ id: 5, problem: 'missing_tail' }]);
  });
});
