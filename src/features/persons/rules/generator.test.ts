import { describe, expect, it } from 'vitest';
import { AGE_PYRAMID_2019 } from './age-pyramid.ts';
import { provinceOfCommune } from './commune-province.ts';
import { ageOn, formatDate } from './dates.ts';
import { type GeneratedResident, generateResidents } from './generator.ts';
import { checkNationalId } from './national-id.ts';
import { validatePersonRow } from './person-row.ts';
import { normalizePhone } from './phone.ts';
import { PRIORITY_GROUP_LABELS } from './priority-groups.ts';

const today = new Date('2021-11-15T00:00:00Z');
const villages = [
  { id: 11, name: 'Thôn Nà Hoa', population: 120_000 },
  { id: 12, name: 'Thôn Đồng Tâm', population: 80_000 },
];
const options = { communeCode: '06400', villages, today, seed: 42 };

function take(n: number, opts = options): GeneratedResident[] {
  const out: GeneratedResident[] = [];
  for (const r of generateResidents(opts)) {
    out.push(r);
    if (out.length === n) break;
  }
  return out;
}

const population = [...generateResidents(options)];
const people = population.map((r) => r.person);

describe('generateResidents', () => {
  it('is deterministic: the same seed gives the same people, another seed others', () => {
    expect(take(2000)).toEqual(take(2000));
    expect(take(200, { ...options, seed: 43 })).not.toEqual(take(200));
    expect(take(200, { ...options, communeCode: '06403' })).not.toEqual(take(200));
  });

  it('fills each village with exactly its population, in households led by their head', () => {
    expect(population).toHaveLength(200_000);
    expect(people.filter((p) => p.villageId === 12)).toHaveLength(80_000);
    const households = new Map<number, GeneratedResident['person'][]>();
    for (const { household, person } of population) {
      const members = households.get(household) ?? [];
      members.push(person);
      households.set(household, members);
    }
    const sizes = [...households.values()].map((h) => h.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7);
    expect(200_000 / households.size).toBeGreaterThan(3.4);
    expect(200_000 / households.size).toBeLessThan(3.8);
    for (const members of [...households.values()].slice(0, 5000)) {
      expect(members[0]?.relationToHead).toBe('Chủ hộ');
      expect(members.filter((m) => m.relationToHead === 'Chủ hộ')).toHaveLength(1);
      expect(ageOn(members[0]!, today)).toBeGreaterThanOrEqual(18);
      for (const m of members) expect(m.householdHead).toBe(members[0]!.fullName);
    }
  });

  it('follows the 2019 census age pyramid within ±1 point per 5-year band', () => {
    const counts = new Array<number>(AGE_PYRAMID_2019.length).fill(0);
    for (const p of people) {
      const age = ageOn(p, today);
      const band = AGE_PYRAMID_2019.findIndex((b) => age >= b.from && age <= b.to);
      counts[band] = (counts[band] ?? 0) + 1;
    }
    AGE_PYRAMID_2019.forEach((band, i) => {
      expect(Math.abs((counts[i]! / people.length) * 100 - band.percent)).toBeLessThan(1);
    });
  });

  it('has about 99 men per 100 women', () => {
    const men = people.filter((p) => p.sex === 'male').length;
    const ratio = (men / (people.length - men)) * 100;
    expect(ratio).toBeGreaterThan(97);
    expect(ratio).toBeLessThan(101);
  });

  it('gives everyone from 14 a valid, unique CCCD, mostly from Lạng Sơn (020)', () => {
    const ids = new Set<string>();
    const problems: string[] = [];
    let fromLangSon = 0;
    let holders = 0;
    for (const p of people) {
      if (ageOn(p, today) < 14) {
        if (p.nationalId !== null) problems.push(`${p.fullName}, a child, has ${p.nationalId}`);
        continue;
      }
      holders += 1;
      const id = checkNationalId(p.nationalId ?? '', { birthYear: p.birthYear, sex: p.sex });
      if (!id.ok || id.value !== p.nationalId)
        problems.push(`${p.nationalId}: ${id.ok ? 'rewritten' : id.reason.en}`);
      else {
        ids.add(id.value);
        if (id.provinceCode === '020') fromLangSon += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(ids.size).toBe(holders);
    expect(fromLangSon / holders).toBeGreaterThan(0.85);
  });

  it('gives most adults a valid mobile number', () => {
    const adults = people.filter((p) => ageOn(p, today) >= 18);
    const withPhone = adults.filter((p) => p.phone);
    expect(withPhone.length / adults.length).toBeGreaterThan(0.7);
    const invalid = withPhone.filter((p) => {
      const phone = normalizePhone(p.phone!);
      return !phone.ok || phone.value !== p.phone || !/^0[35789]\d{8}$/.test(phone.value);
    });
    expect(invalid).toEqual([]);
  });

  it('assigns priority groups at plausible rates', () => {
    const share = (list: typeof people, test: (p: (typeof people)[number]) => boolean) =>
      list.filter(test).length / list.length;
    const over50 = people.filter((p) => ageOn(p, today) >= 50);
    expect(share(over50, (p) => p.priorityGroups.includes('chronicDisease'))).toBeCloseTo(0.15, 1);
    const women = people.filter((p) => p.sex === 'female' && ageOn(p, today) >= 18 && ageOn(p, today) <= 45);
    const pregnant = share(women, (p) => p.priorityGroups.includes('pregnant'));
    expect(pregnant).toBeGreaterThan(0.01);
    expect(pregnant).toBeLessThan(0.02);
    const wrong = people.filter(
      (p) =>
        p.priorityGroups.includes('aged65plus') !== ageOn(p, today) >= 65 ||
        (p.sex === 'male' && p.priorityGroups.includes('pregnant')),
    );
    expect(wrong).toEqual([]);
    expect(share(people, (p) => p.status === 'resident')).toBeGreaterThan(0.9);
  });

  it('uses Tày–Nùng family names in Lạng Sơn and Kinh names elsewhere', () => {
    const family = (p: { fullName: string }) => p.fullName.split(' ')[0];
    const langSon = people.slice(0, 20_000).map(family);
    expect(langSon.filter((f) => f === 'Nông' || f === 'Vi' || f === 'Lường').length).toBeGreaterThan(1000);
    expect(provinceOfCommune('26734')).toBe('79');
    const saigon = take(20_000, { ...options, communeCode: '26734' }).map((r) => family(r.person));
    expect(saigon.filter((f) => f === 'Nông').length).toBe(0);
    expect(saigon.filter((f) => f === 'Nguyễn').length / saigon.length).toBeCloseTo(0.38, 1);
    expect(saigon).toContain('Huỳnh');
    expect(saigon).not.toContain('Hoàng');
  });

  it('makes people that pass the row rules when written back as a list', () => {
    const ctx = { today, villages: villages.map(({ id, name }) => ({ id, name })) };
    for (const p of people.slice(0, 5000)) {
      const result = validatePersonRow(
        {
          fullName: p.fullName,
          birthDate: formatDate(p.birthDate ?? String(p.birthYear)),
          sex: p.sex === 'male' ? 'Nam' : 'Nữ',
          nationalId: p.nationalId,
          phone: p.phone,
          village: villages.find((v) => v.id === p.villageId)?.name,
          householdHead: p.householdHead,
          relationToHead: p.relationToHead,
          occupation: p.occupation,
          priorityGroups: p.priorityGroups.map((g) => PRIORITY_GROUP_LABELS[g].vi).join('; '),
        },
        ctx,
      );
      if (!result.ok) throw new Error(`${p.fullName}: ${JSON.stringify(result.errors)}`);
      expect(result.person).toEqual({ ...p, status: 'resident' });
    }
  });

  it('generates 1,000,000 persons quickly', () => {
    const start = performance.now();
    let count = 0;
    for (const _ of generateResidents({
      communeCode: '06400',
      villages: [{ id: 1, name: 'Thôn Nà Hoa', population: 1_000_000 }],
      today,
    }))
      count += 1;
    const seconds = (performance.now() - start) / 1000;
    console.info(`generateResidents: 1,000,000 persons in ${seconds.toFixed(2)} s`);
    expect(count).toBe(1_000_000);
    expect(seconds).toBeLessThan(30);
  });
});
