/**
 * Realistic, deterministic residents for demos, tests and load tests: the same options give the same people.
 *
 * How a household is made:
 *  - its size follows HOUSEHOLD_SIZE_SHARES (1–7 people, mean 3.57);
 *  - the head's age is drawn from the 2019 pyramid restricted to adults, every other member's from the
 *    pyramid minus the heads' share, so that all ages together follow the pyramid (age-pyramid.ts);
 *  - relations are read from the age gaps to the head: an adult of about the same age is the spouse,
 *    16+ years younger a child, 38+ a grandchild, older a parent or grandparent, otherwise a sibling;
 *  - children carry the father's family name; everyone aged 14 or over has a CCCD, most adults a mobile.
 * Speed: tables are built once; each person costs a few random numbers and string concatenations.
 */

import { vietnamDate } from '../../../core/dates.ts';
import { hashCode } from '../../admin-units/index.ts';
import { singleYearShares } from './age-pyramid.ts';
import { provinceOfCommune } from './commune-province.ts';
import { PROVINCE_CODES, type Sex } from './national-id.ts';
import { AGED_65_PLUS, NATIONAL_ID_AGE, type PersonInput } from './person-row.ts';
import type { PersonStatus } from './person-status.ts';
import { PRIORITY_GROUPS, type PriorityGroup } from './priority-groups.ts';
import {
  GROUP_OF_OCCUPATION,
  HOUSEHOLD_SIZE_SHARES,
  MOBILE_PREFIXES,
  OCCUPATIONS,
  TAY_NUNG_VILLAGE,
} from './resident-tables.ts';
import { digits, mulberry32, sampler, samplerIndex } from './sampling.ts';
import { GIVEN_NAMES, KINH_FAMILY_NAMES, MIDDLE_NAMES, TAY_NUNG_FAMILY_NAMES } from './vietnamese-names.ts';

export interface ResidentOptions {
  communeCode: string;
  villages: { id: number; name: string; population: number }[];
  today: Date;
  seed?: number;
}

export interface GeneratedResident {
  household: number;
  person: PersonInput & { relationToHead: string };
}

const MEAN_SIZE = HOUSEHOLD_SIZE_SHARES.reduce((sum, share, i) => sum + share * (i + 1), 0) / 100;
const ADULT = 18;
/** 99.1 men per 100 women (2019 census). */
const MALE_SHARE = 99.1 / 199.1;
/** Most households with an adult of the head's age are couples; most couples' registered head is the man. */
const SPOUSE_SHARE = 0.85;
const MALE_HEAD_OF_COUPLE = 0.8;
/** Most residents were born in the province they live in; the rest anywhere. */
const OWN_PROVINCE_SHARE = 0.92;

export function* generateResidents(options: ResidentOptions): Generator<GeneratedResident> {
  const t = tables(options.today);
  const rand = mulberry32(((options.seed ?? 1) ^ hashCode(options.communeCode)) >>> 0);
  const province = provinceOfCommune(options.communeCode) ?? '20';
  const southern = Number(province) > 46; // Huỳnh and Võ south of Thừa Thiên Huế
  const inLangSon = province === '20';
  const kinhFamily = sampler(
    KINH_FAMILY_NAMES.map(([north, south, weight]) => ({ value: southern ? south : north, weight })),
  );
  const tayNungFamily = sampler(TAY_NUNG_FAMILY_NAMES);
  const ownProvince = t.provinceIndex.get(province) ?? 0;
  // CCCD serials: a block per commune (its code), a counter per province × century-sex digit × year.
  const serialBase = (Number(options.communeCode) || hashCode(options.communeCode)) % 1000;
  const counters = new Int32Array(t.provincePrefixes.length * 1000);
  const poorShare = inLangSon ? 0.08 : 0.04;
  let household = 0;

  for (const village of options.villages) {
    const tayNungShare = inLangSon ? (TAY_NUNG_VILLAGE.test(village.name) ? 0.75 : 0.5) : 0;
    let left = village.population;
    while (left > 0) {
      household += 1;
      const size = Math.min(left, t.size(rand()) + 1);
      left -= size;
      const familyOf = rand() < tayNungShare ? tayNungFamily : kinhFamily;
      const poor = rand() < poorShare;

      const ages = [t.headAge(rand())];
      for (let i = 1; i < size; i++) ages.push(t.otherAge(rand()));
      const headAge = ages[0]!;
      // The spouse: the adult closest in age to the head, within 12 years, in most households.
      let spouse = -1;
      let gap = 13;
      for (let i = 1; i < size; i++) {
        const d = Math.abs(ages[i]! - headAge);
        if (ages[i]! >= ADULT && d < gap) [spouse, gap] = [i, d];
      }
      if (spouse > 0 && rand() >= SPOUSE_SHARE) spouse = -1;
      const headSex: Sex = rand() < (spouse > 0 ? MALE_HEAD_OF_COUPLE : 0.5) ? 'male' : 'female';
      // Children carry the father's family name (lineName); the head's parents and siblings the head's own.
      const lineName = familyOf(rand());
      const headName = headSex === 'male' || spouse < 0 ? lineName : familyOf(rand());
      const head = fullName(headName, headSex, headAge);
      const home = { number: household, village: village.id, head, poor };

      const order = ages.map((_, i) => i).sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : ages[b]! - ages[a]!));
      for (const i of order) {
        const age = ages[i]!;
        if (i === 0) {
          yield makePerson(home, head, age, headSex, 'Chủ hộ');
          continue;
        }
        const sex: Sex =
          i === spouse ? (headSex === 'male' ? 'female' : 'male') : rand() < MALE_SHARE ? 'male' : 'female';
        const relation = i === spouse ? (sex === 'male' ? 'Chồng' : 'Vợ') : relationOf(age - headAge, sex);
        const family =
          relation === 'Chồng' || relation === 'Con' || relation === 'Cháu'
            ? lineName
            : relation === 'Vợ' || relation === 'Mẹ' || relation === 'Bà'
              ? familyOf(rand())
              : headName;
        yield makePerson(home, fullName(family, sex, age), age, sex, relation);
      }
    }
  }

  function fullName(family: string, sex: Sex, age: number): string {
    return `${family} ${t.names(sex, t.birthYearOfAge[age]! < 2000)(rand(), rand())}`;
  }

  function makePerson(
    home: { number: number; village: number; head: string; poor: boolean },
    name: string,
    age: number,
    sex: Sex,
    relation: string,
  ): GeneratedResident {
    const day = t.birthDay(age, rand());
    const birthYear = t.yearOfDay[day]!;
    const groups: PriorityGroup[] = [];
    if (age >= AGED_65_PLUS) groups.push('aged65plus');
    if (age >= 50 && rand() < 0.15) groups.push('chronicDisease');
    if (sex === 'female' && age >= 18 && age <= 45 && rand() < 0.015) groups.push('pregnant');
    const occupation = occupationOf(age, rand());
    const occupationGroup = occupation ? GROUP_OF_OCCUPATION[occupation] : undefined;
    if (occupationGroup) groups.push(occupationGroup);
    if (rand() < (age >= 60 ? 0.06 : 0.012)) groups.push('disabled');
    if (home.poor) groups.push('poorHousehold');
    return {
      household: home.number,
      person: {
        fullName: name,
        birthDate: t.isoOfDay[day]!,
        birthYear,
        sex,
        nationalId: age >= NATIONAL_ID_AGE ? nationalId(sex, birthYear) : null,
        phone: rand() < phoneShare(age) ? `${t.mobilePrefix(rand())}${digits(7, rand())}` : null,
        villageId: home.village,
        address: null,
        householdHead: home.head,
        relationToHead: relation,
        occupation,
        priorityGroups: groups.length > 1 ? PRIORITY_GROUPS.filter((g) => groups.includes(g)) : groups,
        status: statusOf(age, rand()),
        note: null,
      },
    };
  }

  function nationalId(sex: Sex, birthYear: number): string {
    const p = rand() < OWN_PROVINCE_SHARE ? ownProvince : Math.floor(rand() * t.provincePrefixes.length);
    const digit = (birthYear >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
    const centuryYear = digit * 100 + (birthYear % 100);
    const bucket = p * 1000 + centuryYear;
    const counter = counters[bucket]!;
    counters[bucket] = counter + 1;
    // Within a bucket, counters map to distinct serials: shifting by the commune's block and the bucket, then
    // multiplying by a number prime to 10, are both permutations of 0…999,999.
    const shifted = (serialBase * 1000 + counter + bucket * 104_729) % 1_000_000;
    const serial = (shifted * 387_419 + 123_457) % 1_000_000;
    return t.provincePrefixes[p]! + t.centuryYear[centuryYear]! + String(1_000_000 + serial).slice(1);
  }

  function occupationOf(age: number, u: number): string | null {
    if (age < 6) return null;
    if (age < 15) return 'Học sinh';
    if (age < 18) return t.occupation.teen(u);
    if (age < 23) return t.occupation.young(u);
    if (age < 60) return t.occupation.adult(u);
    return t.occupation.senior(u);
  }
}

function relationOf(gap: number, sex: Sex): string {
  if (gap >= 38) return sex === 'male' ? 'Ông' : 'Bà';
  if (gap >= 16) return sex === 'male' ? 'Bố' : 'Mẹ';
  if (gap <= -38) return 'Cháu';
  if (gap <= -16) return 'Con';
  if (gap > 0) return sex === 'male' ? 'Anh' : 'Chị';
  return 'Em';
}

function phoneShare(age: number): number {
  if (age < 15) return 0;
  if (age < ADULT) return 0.5;
  if (age < 75) return 0.88;
  return 0.45;
}

function statusOf(age: number, u: number): PersonStatus {
  // Young adults work away from home (industrial zones, cities): "tạm vắng" on the village list.
  if (u < (age >= ADULT && age <= 40 ? 0.08 : 0.015)) return 'temporarilyAway';
  if (u > 0.995) return 'moved';
  if (u > 0.993 && age >= 70) return 'deceased';
  return 'resident';
}

interface Tables {
  size: (u: number) => number;
  headAge: (u: number) => number;
  otherAge: (u: number) => number;
  names: (sex: Sex, older: boolean) => (middle: number, given: number) => string;
  mobilePrefix: (u: number) => string;
  occupation: Record<keyof typeof OCCUPATIONS, (u: number) => string>;
  /** A birth day at this age (uniform over the year that gives exactly this age today), as a day index. */
  birthDay: (age: number, u: number) => number;
  /** By day index: ISO date and year. */
  isoOfDay: string[];
  yearOfDay: Int32Array;
  birthYearOfAge: Int32Array;
  provincePrefixes: string[];
  provinceIndex: Map<string, number>;
  centuryYear: string[];
}

let cached: { key: string; tables: Tables } | null = null;

/** Everything that does not depend on the commune, built once per "today". */
function tables(today: Date): Tables {
  const now = vietnamDate(today);
  const key = `${now.year}-${now.month}-${now.day}`;
  if (cached?.key === key) return cached.tables;

  const shares = singleYearShares();
  const adultShare = shares.slice(ADULT).reduce((a, b) => a + b, 0);
  const headShare = 1 / MEAN_SIZE;
  // Heads are adults only; the others make up the rest so that everyone together follows the pyramid.
  const headWeights = [...shares].map((s, age) => (age >= ADULT ? s / adultShare : 0));
  const otherWeights = [...shares].map((s, age) => (s - headShare * headWeights[age]!) / (1 - headShare));

  // anniversary[k]: epoch day of today's date k years ago (29 February → 28 February).
  const anniversary = new Int32Array(102);
  for (let k = 0; k < 102; k++) {
    const y = now.year - k;
    const day = Math.min(now.day, new Date(Date.UTC(y, now.month, 0)).getUTCDate());
    anniversary[k] = Date.UTC(y, now.month - 1, day) / 86_400_000;
  }
  const firstDay = anniversary[101]! + 1;
  const isoOfDay: string[] = [];
  const yearOfDay = new Int32Array(anniversary[0]! - firstDay + 1);
  for (let day = firstDay; day <= anniversary[0]!; day++) {
    const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    isoOfDay.push(iso);
    yearOfDay[day - firstDay] = Number(iso.slice(0, 4));
  }
  const birthYearOfAge = new Int32Array(100).map((_, age) => now.year - age);

  const nameSamplers = new Map<string, (middle: number, given: number) => string>();
  for (const sex of ['male', 'female'] as const)
    for (const older of [true, false]) {
      const middles = MIDDLE_NAMES[sex][older ? 'older' : 'younger'];
      const given = GIVEN_NAMES[sex];
      // "Minh Minh" is not a name: the same word twice moves on to the next given name.
      const combos = middles.map((m) => ({
        weight: m.weight,
        names: given.map((g, i) => `${m.value} ${g === m.value ? given[(i + 1) % given.length] : g}`),
      }));
      const pick = samplerIndex(combos.map((c) => c.weight));
      nameSamplers.set(`${sex}:${older}`, (middle, given) => {
        const combo = combos[pick(middle)]!;
        return combo.names[Math.floor(given * combo.names.length)]!;
      });
    }

  const provinces = [...PROVINCE_CODES];
  const tablesBuilt: Tables = {
    size: samplerIndex(HOUSEHOLD_SIZE_SHARES),
    headAge: samplerIndex(headWeights),
    otherAge: samplerIndex(otherWeights),
    names: (sex, older) => nameSamplers.get(`${sex}:${older}`)!,
    mobilePrefix: sampler(MOBILE_PREFIXES),
    occupation: {
      teen: sampler(OCCUPATIONS.teen),
      young: sampler(OCCUPATIONS.young),
      adult: sampler(OCCUPATIONS.adult),
      senior: sampler(OCCUPATIONS.senior),
    },
    birthDay: (age, u) => {
      const last = anniversary[age]!;
      const first = anniversary[age + 1]! + 1;
      return first + Math.floor(u * (last - first + 1)) - firstDay;
    },
    isoOfDay,
    yearOfDay,
    birthYearOfAge,
    provincePrefixes: provinces.map((p) => `0${p}`),
    provinceIndex: new Map(provinces.map((p, i) => [p, i])),
    centuryYear: Array.from(
      { length: 1000 },
      (_, i) => `${Math.floor(i / 100)}${String(i % 100).padStart(2, '0')}`,
    ),
  };
  cached = { key, tables: tablesBuilt };
  return tablesBuilt;
}
