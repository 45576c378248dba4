import { describe, expect, it } from 'vitest';
import { citationMatches, registerKey } from './document-links.ts';
import { checkFile } from './original-file.ts';
import type { Task } from './parsed-document.ts';
import { type Jurisdiction, planTasks } from './task-assignees.ts';

const district: Jurisdiction = {
  unit: { code: '186', name: 'Huyện Hữu Lũng', plainName: 'Hữu Lũng', level: 2 },
  unitsBelow: [
    { code: '06385', name: 'Thị trấn Hữu Lũng', plainName: 'Hữu Lũng', level: 3 },
    { code: '06388', name: 'Xã Hữu Liên', plainName: 'Hữu Liên', level: 3 },
    { code: '06400', name: 'Xã Yên Thịnh', plainName: 'Yên Thịnh', level: 3 },
  ],
  organizations: [
    { id: 1, unitCode: '186', name: 'Ủy ban nhân dân huyện Hữu Lũng', shortName: 'UBND huyện Hữu Lũng' },
    { id: 2, unitCode: '186', name: 'Trung tâm Y tế huyện Hữu Lũng', shortName: 'TTYT huyện Hữu Lũng' },
    {
      id: 3,
      unitCode: '186',
      name: 'Phòng Lao động - Thương binh và Xã hội huyện Hữu Lũng',
      shortName: 'Phòng LĐ-TB&XH huyện Hữu Lũng',
    },
  ],
};

const item = (over: Partial<Task>): Task => ({
  ordinal: '1',
  text: 'Nội dung.',
  leadUnit: null,
  coordinatingUnits: [],
  addressedUnits: [],
  deadline: null,
  ...over,
});

describe('planTasks', () => {
  it('gives an item to its lead unit, resolved among the organizations however the letter names it', () => {
    for (const name of ['Trung tâm Y tế', 'TTYT huyện', 'Trung tâm Y tế huyện Hữu Lũng']) {
      const [task, ...rest] = planTasks([item({ leadUnit: name })], [], 'outgoing', district);
      expect(rest).toEqual([]);
      expect(task!.assignee).toEqual({ text: name, unitCode: '186', organizationId: 2, resolved: true });
      expect(task!.leadUnit).toEqual(task!.assignee);
    }
    const [labour] = planTasks(
      [item({ leadUnit: 'Phòng Lao động, Thương binh và Xã hội' })],
      [],
      'outgoing',
      district,
    );
    expect(labour!.assignee.organizationId).toBe(3);
  });

  it('fans "UBND các xã, thị trấn" out to every commune, and "các xã" to the xã only', () => {
    const all = planTasks([item({ addressedUnits: ['UBND các xã, thị trấn'] })], [], 'outgoing', district);
    expect(all.map((t) => [t.assignee.unitCode, t.assignee.text])).toEqual([
      ['06385', 'UBND thị trấn Hữu Lũng'],
      ['06388', 'UBND xã Hữu Liên'],
      ['06400', 'UBND xã Yên Thịnh'],
    ]);
    const xa = planTasks([item({ addressedUnits: ['Trạm Y tế các xã'] })], [], 'outgoing', district);
    expect(xa.map((t) => t.assignee.unitCode)).toEqual(['06388', '06400']);
  });

  it('tells the town from the district of the same name', () => {
    const [town] = planTasks(
      [item({ addressedUnits: ['Ủy ban nhân dân thị trấn Hữu Lũng'] })],
      [],
      'outgoing',
      district,
    );
    expect(town!.assignee).toMatchObject({ unitCode: '06385', organizationId: null });
    const [committee] = planTasks([item({ addressedUnits: ['UBND huyện'] })], [], 'outgoing', district);
    expect(committee!.assignee).toMatchObject({ unitCode: '186', organizationId: 1 });
  });

  it('falls back to the letter’s addressees, keeps unknown names flagged, and lists each unit once', () => {
    const tasks = planTasks(
      [item({ coordinatingUnits: ['Phòng LĐ-TB&XH', 'các cơ quan liên quan'] })],
      ['Xã Yên Thịnh', 'UBND xã Yên Thịnh', 'Các đơn vị trường học'],
      'outgoing',
      district,
    );
    expect(tasks.map((t) => t.assignee)).toEqual([
      { text: 'Xã Yên Thịnh', unitCode: '06400', organizationId: null, resolved: true },
      { text: 'Các đơn vị trường học', unitCode: null, organizationId: null, resolved: false },
    ]);
    expect(tasks[0]!.coordinating.map((c) => [c.organizationId, c.resolved])).toEqual([
      [3, true],
      [null, false],
    ]);
  });

  it('makes every item of an incoming letter the registering unit’s own task', () => {
    const tasks = planTasks(
      [
        item({
          ordinal: '1',
          leadUnit: 'Sở Y tế',
          deadline: { date: '2022-01-31', urgent: false, text: 'trong tháng 01/2022' },
        }),
        item({ ordinal: '2', addressedUnits: ['UBND các huyện, thành phố'] }),
      ],
      [],
      'incoming',
      district,
    );
    expect(tasks.map((t) => [t.ordinal, t.assignee.unitCode, t.assignee.organizationId])).toEqual([
      ['1', '186', null],
      ['2', '186', null],
    ]);
    expect(tasks[0]).toMatchObject({
      deadline: '2022-01-31',
      deadlineText: 'trong tháng 01/2022',
      urgent: false,
    });
    expect(tasks[0]!.leadUnit).toEqual({
      text: 'Sở Y tế',
      unitCode: null,
      organizationId: null,
      resolved: false,
    });
  });

  it('keeps a collective name that has no commune to fan out to', () => {
    const commune = { ...district, unit: district.unitsBelow[2]!, unitsBelow: [], organizations: [] };
    const [task] = planTasks([item({ addressedUnits: ['UBND các xã, thị trấn'] })], [], 'outgoing', commune);
    expect(task!.assignee).toEqual({
      text: 'UBND các xã, thị trấn',
      unitCode: null,
      organizationId: null,
      resolved: false,
    });
  });
});

describe('citations', () => {
  const stored = {
    number: '2043',
    symbol: 'UBND-KGVX',
    date: '2021-12-06',
    issuer: 'Ủy ban nhân dân tỉnh Lạng Sơn',
  };

  it('compares register numbers and symbols as written in different hands', () => {
    expect(registerKey('02', 'QĐ - UBND')).toBe('2/QD-UBND');
    expect(registerKey(null, 'UBND-VP')).toBeNull();
  });

  it('matches on number and symbol, with the date and issuer when the citation gives them', () => {
    expect(citationMatches({ ...stored, issuer: 'UBND tỉnh Lạng Sơn' }, stored)).toBe(true);
    expect(citationMatches({ ...stored, date: null, issuer: null }, stored)).toBe(true);
    expect(citationMatches({ ...stored, date: '2021-12-07' }, stored)).toBe(false);
    expect(citationMatches({ ...stored, issuer: 'UBND tỉnh Bắc Kạn' }, stored)).toBe(false);
    expect(citationMatches({ ...stored, symbol: 'UBND-VX' }, stored)).toBe(false);
  });
});

describe('uploaded files', () => {
  it('checks the bytes, not only the name', () => {
    expect(checkFile('cv.txt', Buffer.from('\uFEFFCông văn'), 'document')).toMatchObject({
      ok: true,
      text: 'Công văn',
    });
    expect(checkFile('cv.txt', Buffer.from([0xff, 0xfe, 0x00]), 'document')).toEqual({
      ok: false,
      problem: 'content-mismatch',
    });
    expect(checkFile('cv.docx', Buffer.from('PK\u0003\u0004rest'), 'document')).toMatchObject({
      ok: true,
      text: null,
    });
    expect(checkFile('cv.docx', Buffer.from('broken'), 'document')).toEqual({
      ok: false,
      problem: 'content-mismatch',
    });
    expect(checkFile('cv.pdf', Buffer.alloc(0), 'document')).toEqual({ ok: false, problem: 'empty' });
    expect(checkFile('anh.jpg', Buffer.from([0xff, 0xd8, 0xff]), 'document')).toEqual({
      ok: false,
      problem: 'unsupported-type',
    });
    expect(checkFile('anh.jpg', Buffer.from([0xff, 0xd8, 0xff]), 'attachment')).toMatchObject({ ok: true });
  });
});
