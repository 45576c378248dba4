import { describe, expect, it } from 'vitest';
import {
  isSameListedPerson,
  type ListedColumns,
  listedChanges,
  mergeRepeat,
  repeatConflict,
} from './listed-person.ts';
import type { PersonInput } from './person-row.ts';

const child: PersonInput = {
  fullName: 'Hoàng Thị Mai',
  birthDate: '2015-06-01',
  birthYear: 2015,
  sex: 'female',
  nationalId: null,
  phone: null,
  villageId: 1,
  address: null,
  householdHead: 'Hoàng Văn Tình',
  relationToHead: 'Con',
  occupation: null,
  priorityGroups: [],
  status: 'resident',
  note: null,
};
const registered = {
  fullName: 'Hoàng Thị Mai',
  birthDate: '2015-06-01',
  birthYear: 2015,
  villageId: 1,
  householdHead: 'Hoàng Văn Tình',
};
const columns: ListedColumns = {
  phone: null,
  village_id: 1,
  address: null,
  occupation: null,
  relation_to_head: 'Con',
  note: null,
  priority_groups: '',
  sex: 'female',
  birth_date: '2015-06-01',
  birth_year: 2015,
  birth_sort: '2015-06-01',
};

describe('a listed person already registered', () => {
  it('is the same child when name, birth date, village and household head agree', () => {
    expect(isSameListedPerson(registered, child, child.householdHead)).toBe(true);
    expect(isSameListedPerson(registered, { ...child, fullName: 'HOÀNG THỊ MAI' }, null)).toBe(true);
    expect(isSameListedPerson(registered, { ...child, birthDate: '2015-06-02' }, null)).toBe(false);
    expect(isSameListedPerson(registered, { ...child, villageId: 2 }, null)).toBe(false);
    expect(isSameListedPerson(registered, child, 'Lý Văn Bình')).toBe(false);
    // A birth year against a full date: maybe the same person, for review, not matched.
    expect(isSameListedPerson(registered, { ...child, birthDate: null }, null)).toBe(false);
    expect(isSameListedPerson({ ...registered, birthDate: null }, { ...child, birthDate: null }, null)).toBe(
      true,
    );
  });

  it('changes what the row states and differs; fills sex and birth date; erases nothing', () => {
    expect(listedChanges(columns, child)).toEqual({});
    expect(listedChanges(columns, { ...child, phone: '0912345678', villageId: 2 })).toEqual({
      phone: '0912345678',
      village_id: 2,
    });
    expect(listedChanges({ ...columns, phone: '0912345678' }, child)).toEqual({});
    expect(
      listedChanges({ ...columns, birth_date: null, birth_sort: '2015-01-01', sex: null }, child),
    ).toEqual({ birth_date: '2015-06-01', birth_sort: '2015-06-01', sex: 'female' });
    expect(listedChanges(columns, { ...child, priorityGroups: ['poorHousehold'] })).toEqual({
      priority_groups: 'poorHousehold',
    });
    // A repeat of the same file only fills.
    expect(
      listedChanges({ ...columns, phone: '0912345678' }, { ...child, phone: '0987654321' }, true),
    ).toEqual({});
    expect(listedChanges(columns, { ...child, phone: '0987654321' }, true)).toEqual({ phone: '0987654321' });
  });
});

describe('a row repeating an earlier row of the file (same CCCD)', () => {
  const adult = { ...child, fullName: 'Hoàng Văn Tình', birthDate: '1970-02-03', birthYear: 1970 };
  it('is merged into it when name and birth agree, the earlier row winning', () => {
    expect(repeatConflict({ row: 7, ...adult }, { row: 9, ...adult, birthDate: null })).toBeNull();
    const merged = mergeRepeat(
      { ...adult, phone: '0912345678' },
      { ...adult, phone: '0987654321', address: 'Xóm Đồng', priorityGroups: ['chronicDisease'] },
    );
    expect(merged).toMatchObject({
      phone: '0912345678',
      address: 'Xóm Đồng',
      priorityGroups: ['chronicDisease'],
    });
  });

  it('is a conflict naming both rows when the name or birth date differs', () => {
    const conflict = repeatConflict({ row: 7, ...adult }, { row: 9, ...adult, fullName: 'Lý Văn Bình' });
    expect(conflict?.vi).toMatch(/dòng 7 .* 7 và 9/);
  });
});
