import { describe, expect, it } from 'vitest';
import type { PersonField } from './headers.ts';
import { type PersonInput, validatePersonRow } from './person-row.ts';
import { parsePriorityGroups } from './priority-groups.ts';
import { matchVillage } from './villages.ts';

const ctx = {
  today: new Date('2021-11-15T00:00:00Z'),
  villages: [
    { id: 1, name: 'Thôn Nà Hoa' },
    { id: 2, name: 'Thôn Đồng Tâm' },
    { id: 3, name: 'Tổ 05' },
  ],
};
const base = { fullName: 'Nguyễn Văn An', birthDate: '05/03/1985', sex: 'Nam', nationalId: '020085001234' };

function accept(cells: Partial<Record<PersonField, unknown>>) {
  const result = validatePersonRow(cells, ctx);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}
function reject(cells: Partial<Record<PersonField, unknown>>) {
  const result = validatePersonRow(cells, ctx);
  if (result.ok) throw new Error('accepted');
  return result.errors.map((e) => [e.field, e.reason.vi] as const);
}

describe('validatePersonRow', () => {
  it('turns a full row into a person', () => {
    const { person, warnings } = accept({
      ...base,
      phone: 912345678,
      village: 'Na Hoa',
      address: ' Nhà  văn hóa ',
      householdHead: 'NGUYỄN VĂN AN',
      relationToHead: 'Chủ hộ',
      occupation: 'Làm ruộng',
      priorityGroups: 'Bệnh nền; hộ nghèo',
      status: '',
      note: 'Đã tiêm mũi 1',
    });
    expect(person).toEqual<PersonInput>({
      fullName: 'Nguyễn Văn An',
      birthDate: '1985-03-05',
      birthYear: 1985,
      sex: 'male',
      nationalId: '020085001234',
      phone: '0912345678',
      villageId: 1,
      address: 'Nhà văn hóa',
      householdHead: 'Nguyễn Văn An',
      relationToHead: 'Chủ hộ',
      occupation: 'Làm ruộng',
      priorityGroups: ['chronicDisease', 'poorHousehold'],
      status: 'resident',
      note: 'Đã tiêm mũi 1',
    });
    expect(warnings).toEqual([]);
  });

  it('names the field of every error', () => {
    const errors = reject({
      fullName: 'Nguyễn Văn 2',
      birthDate: '31/02/1990',
      sex: 'X',
      nationalId: '097085001234',
      phone: '0412345678',
      village: 'Thôn Khe Rè',
      priorityGroups: 'Có thai',
      status: 'đi vắng lâu',
    });
    expect(errors.map(([field]) => field).sort()).toEqual(
      ['birthDate', 'fullName', 'nationalId', 'phone', 'sex', 'status', 'village'].sort(),
    );
    expect(errors).toContainEqual(['village', expect.stringContaining('“Thôn Khe Rè”')]);
    expect(errors).toContainEqual(['birthDate', expect.stringContaining('31/02/1990')]);
  });

  it('normalises names and refuses names that are not names', () => {
    expect(accept({ ...base, fullName: '  nguyễn   VĂN  an ' }).person.fullName).toBe('Nguyễn Văn An');
    expect(accept({ ...base, fullName: 'đặng thị ánh'.normalize('NFD') }).person.fullName).toBe(
      'Đặng Thị Ánh',
    );
    expect(accept({ ...base, fullName: "h'hen niê", sex: null, nationalId: null }).person.fullName).toBe(
      "H'Hen Niê",
    );
    expect(reject({ ...base, fullName: 'An' })).toEqual([['fullName', expect.stringContaining('một từ')]]);
    expect(reject({ ...base, fullName: 'Nguyễn Văn An 2' })).toEqual([
      ['fullName', expect.stringContaining('chữ số')],
    ]);
    expect(reject({ ...base, fullName: 'Nguyễn Văn An (con)' })).toEqual([
      ['fullName', expect.stringContaining('(')],
    ]);
    expect(reject({ ...base, fullName: '' })).toEqual([['fullName', 'Thiếu họ tên.']]);
  });

  it('uses the value of a formula cell, and refuses a formula without one', () => {
    expect(accept({ ...base, village: { formula: 'F17', result: 'Thôn Nà Hoa' } }).person.villageId).toBe(1);
    expect(reject({ ...base, village: { formula: 'F17' } })).toEqual([
      ['village', expect.stringContaining('Ô chứa công thức')],
    ]);
    expect(reject({ ...base, phone: { error: '#N/A' } })).toEqual([['phone', 'Ô báo lỗi #N/A.']]);
    expect(
      accept({ ...base, fullName: { richText: [{ text: 'Nguyễn ' }, { text: 'Văn An' }] } }).person.fullName,
    ).toBe('Nguyễn Văn An');
  });

  it('checks the national ID against the birth year and the sex', () => {
    expect(reject({ ...base, birthDate: '1986' })).toEqual([
      ['nationalId', 'CCCD ghi năm sinh 1985 nhưng ngày sinh là 1986.'],
    ]);
    expect(reject({ ...base, sex: 'Nữ' })).toEqual([
      ['nationalId', expect.stringContaining('giới tính nam')],
    ]);
    expect(accept({ ...base, nationalId: 20085001234 }).person.nationalId).toBe('020085001234');
    // A blank sex is read from the CCCD.
    expect(accept({ ...base, sex: null }).person.sex).toBe('male');
  });

  it('lets children under 14 have no ID, and warns about adults without one', () => {
    const child = accept({ fullName: 'Nguyễn Văn Bình', birthDate: '16/11/2007', sex: 'Nam' });
    expect(child.person.nationalId).toBeNull();
    expect(child.warnings).toEqual([]);
    const adult = accept({ fullName: 'Nguyễn Văn Bình', birthDate: '15/11/2007', sex: 'Nam' });
    expect(adult.warnings).toEqual([
      expect.objectContaining({ vi: expect.stringContaining('chưa có số CCCD') }),
    ]);
  });

  it('reads the sex from sex words, or from the Nam / Nữ birth-date columns', () => {
    for (const [text, sex] of [
      ['Nam', 'male'],
      ['nam', 'male'],
      ['NỮ', 'female'],
      ['nu', 'female'],
      ['M', 'male'],
      ['F', 'female'],
      ['male', 'male'],
      ['female', 'female'],
    ])
      expect(accept({ ...base, nationalId: null, sex: text }).person.sex).toBe(sex);
    const male = accept({ fullName: 'Hoàng Văn Chiến', birthDateMale: 1962, nationalId: 20062001357 });
    expect(male.person).toMatchObject({ sex: 'male', birthYear: 1962, birthDate: null });
    const female = accept({ fullName: 'Nông Thị Phượng', birthDateFemale: '05/11/1990' });
    expect(female.person).toMatchObject({ sex: 'female', birthDate: '1990-11-05' });
    expect(reject({ fullName: 'Hoàng Thị Nhung', birthDateMale: 1993, birthDateFemale: 1993 })).toEqual([
      ['birthDateFemale', expect.stringContaining('cả cột Nam và cột Nữ')],
    ]);
    expect(reject({ fullName: 'Hoàng Thị Nhung', sex: 'Nữ', birthDateMale: 1993 })).toEqual([
      ['sex', expect.stringContaining('cột Nam')],
    ]);
    expect(reject({ fullName: 'Hoàng Thị Nhung', birthDateMale: '31/02/1993' })).toEqual([
      ['birthDateMale', expect.stringContaining('không tồn tại')],
    ]);
  });

  it('reads priority groups and derives the 65+ group from the birth date', () => {
    const old = accept({
      ...base,
      birthDate: '1950',
      nationalId: null,
      priorityGroups: 'Người trên 65 tuổi, Bệnh nền',
    });
    expect(old.person.priorityGroups).toEqual(['aged65plus', 'chronicDisease']);
    expect(accept({ ...base, birthDate: '1950', nationalId: null }).person.priorityGroups).toEqual([
      'aged65plus',
    ]);
    const young = accept({ ...base, priorityGroups: 'Người trên 65 tuổi' });
    expect(young.person.priorityGroups).toEqual([]);
    expect(young.warnings[0]?.vi).toContain('mới 36 tuổi');
    const unknown = accept({ ...base, priorityGroups: 'Người nhà F0' });
    expect(unknown.person.priorityGroups).toEqual(['other']);
    expect(unknown.warnings[0]?.vi).toContain('Người nhà F0');
    expect(reject({ ...base, priorityGroups: 'Có thai' })).toEqual([
      ['priorityGroups', expect.stringContaining('Nam giới')],
    ]);
  });

  it('reads the status, blank meaning resident', () => {
    for (const [text, status] of [
      [null, 'resident'],
      ['Thường trú', 'resident'],
      ['Đang ở', 'resident'],
      ['Tạm vắng', 'temporarilyAway'],
      ['Đã chuyển đi', 'moved'],
      ['da mat', 'deceased'],
      ['Đã mất', 'deceased'],
    ])
      expect(accept({ ...base, status: text }).person.status).toBe(status);
  });
});

describe('priority groups', () => {
  it('parses the usual wordings, with or without diacritics', () => {
    expect(
      parsePriorityGroups(
        'Người trên 65 tuổi; Bệnh nền; Có thai; Nhân viên y tế; Lực lượng tuyến đầu; Giáo viên; Khuyết tật; Hộ nghèo',
      ).groups,
    ).toEqual([
      'aged65plus',
      'chronicDisease',
      'pregnant',
      'healthWorker',
      'frontline',
      'teacher',
      'disabled',
      'poorHousehold',
    ]);
    expect(parsePriorityGroups('benh nen, ho ngheo')).toEqual({
      groups: ['chronicDisease', 'poorHousehold'],
      unknown: [],
    });
    expect(parsePriorityGroups('Hộ cận nghèo')).toEqual({ groups: [], unknown: ['Hộ cận nghèo'] });
    expect(parsePriorityGroups(null)).toEqual({ groups: [], unknown: [] });
  });
});

describe('villages', () => {
  it('matches names ignoring diacritics, case and the kind of village', () => {
    for (const text of [
      'Thôn Nà Hoa',
      'Na Hoa',
      'thôn nà hoa',
      'NÀ HOA',
      'Bản Nà Hoa',
      'Xóm Na Hoa',
      'TDP Nà Hoa',
    ])
      expect([text, matchVillage(text, ctx.villages)]).toEqual([text, { ok: true, id: 1 }]);
    expect(matchVillage('Tổ dân phố Đồng Tâm', ctx.villages)).toEqual({ ok: true, id: 2 });
    expect(matchVillage('Tổ 5', ctx.villages)).toEqual({ ok: true, id: 3 });
    expect(matchVillage('Khu Đồng Tâm', ctx.villages)).toEqual({ ok: true, id: 2 });
  });

  it('names an unknown or ambiguous village', () => {
    const unknown = matchVillage('Thôn Khe Rè', ctx.villages);
    expect(unknown.ok ? null : unknown.reason.vi).toContain('Không có thôn “Thôn Khe Rè”');
    const twins = [
      { id: 1, name: 'Thôn Nà Hoa' },
      { id: 2, name: 'Bản Nà Hoa' },
    ];
    expect(matchVillage('Bản Nà Hoa', twins)).toEqual({ ok: true, id: 2 });
    const ambiguous = matchVillage('Nà Hoa', twins);
    expect(ambiguous.ok ? null : ambiguous.reason.vi).toContain('Có 2 thôn cùng tên');
  });
});
