/** Vietnam's administrative hierarchy: levels, kinds and who may act where. Pure: no I/O. */

export const COUNTRY_CODE = 'VN';

/** 0 = country (root of every account's scope), 1 = province, 2 = district, 3 = commune. */
export type Level = 0 | 1 | 2 | 3;

/** GSO kinds as in the 2021 list (`type` field), plus the country root. */
export const UNIT_KINDS = {
  country: { level: 0, vi: 'Cả nước', en: 'Country' },
  tinh: { level: 1, vi: 'Tỉnh', en: 'Province' },
  'thanh-pho-tw': { level: 1, vi: 'Thành phố trực thuộc trung ương', en: 'Centrally run city' },
  huyen: { level: 2, vi: 'Huyện', en: 'Rural district' },
  quan: { level: 2, vi: 'Quận', en: 'Urban district' },
  'thi-xa': { level: 2, vi: 'Thị xã', en: 'District-level town' },
  'thanh-pho': { level: 2, vi: 'Thành phố thuộc tỉnh', en: 'Provincial city' },
  xa: { level: 3, vi: 'Xã', en: 'Commune' },
  phuong: { level: 3, vi: 'Phường', en: 'Ward' },
  'thi-tran': { level: 3, vi: 'Thị trấn', en: 'Township' },
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

/**
 * The kinds of village, with the word that names each and how lists abbreviate it (folded). Thông tư
 * 04/2012/TT-BNV, Điều 2: "thôn, làng, ấp, bản, buôn, bon, phum, sóc…" are villages of a xã; "tổ dân phố, khu
 * phố, khối phố, khóm, tiểu khu…" those of a phường or thị trấn; xóm, khu and khối are what many provinces call them.
 */
export const VILLAGE_KIND_WORDS = {
  thon: { vi: 'Thôn', words: ['thon'] },
  lang: { vi: 'Làng', words: ['lang'] },
  ap: { vi: 'Ấp', words: ['ap'] },
  ban: { vi: 'Bản', words: ['ban'] },
  buon: { vi: 'Buôn', words: ['buon'] },
  bon: { vi: 'Bon', words: ['bon'] },
  plei: { vi: 'Plei', words: ['plei', 'ploi'] },
  phum: { vi: 'Phum', words: ['phum'] },
  soc: { vi: 'Sóc', words: ['soc'] },
  xom: { vi: 'Xóm', words: ['xom'] },
  'to-dan-pho': { vi: 'Tổ dân phố', words: ['to dan pho', 'tdp', 'to'] },
  'khu-pho': { vi: 'Khu phố', words: ['khu pho', 'kp'] },
  khu: { vi: 'Khu', words: ['khu dan cu', 'khu'] },
  khoi: { vi: 'Khối', words: ['khoi pho', 'khoi'] },
  khom: { vi: 'Khóm', words: ['khom'] },
  'tieu-khu': { vi: 'Tiểu khu', words: ['tieu khu'] },
} as const;
export type VillageKind = keyof typeof VILLAGE_KIND_WORDS;
export const VILLAGE_KINDS = Object.keys(VILLAGE_KIND_WORDS) as [VillageKind, ...VillageKind[]];

/** The kind a folded village name starts with, and the rest: "to dan pho 5" → to-dan-pho, "5". Longest first. */
export function villageKindOfFolded(folded: string): { kind: VillageKind; rest: string } | null {
  let best: { kind: VillageKind; rest: string; length: number } | null = null;
  for (const [kind, { words }] of Object.entries(VILLAGE_KIND_WORDS))
    for (const word of words)
      if (folded.startsWith(`${word} `) && word.length > (best?.length ?? 0))
        best = { kind: kind as VillageKind, rest: folded.slice(word.length + 1).trim(), length: word.length };
  return best && { kind: best.kind, rest: best.rest };
}

/** The kind of village a commune has when a list does not say: tổ dân phố in a phường or thị trấn, else thôn. */
export const defaultVillageKind = (communeKind: string): VillageKind =>
  communeKind === 'phuong' || communeKind === 'thi-tran' ? 'to-dan-pho' : 'thon';

/** The ancestry a unit carries so that a jurisdiction check needs no query. */
export interface UnitPlace {
  code: string;
  level: number;
  province_code: string | null;
  district_code: string | null;
}

/** A unit is within a scope when it is the scope's unit or lies below it (rights flow down, never sideways). */
export function isWithin(unit: UnitPlace, scopeCode: string): boolean {
  return (
    scopeCode === COUNTRY_CODE ||
    unit.code === scopeCode ||
    unit.province_code === scopeCode ||
    unit.district_code === scopeCode
  );
}

/** The code columns that place a record in its province, district and commune. */
export type PlaceColumn = 'province_code' | 'district_code' | 'commune_code';

/**
 * The column of `table` (a name or alias) that holds a unit's code at the unit's level, for narrowing a query
 * to the unit; null for the country, which needs no filter.
 */
export function placeColumn<T extends string>(table: T, level: number): `${T}.${PlaceColumn}` | null {
  const column: PlaceColumn | null =
    level === 1 ? 'province_code' : level === 2 ? 'district_code' : level === 3 ? 'commune_code' : null;
  return column && `${table}.${column}`;
}

/** Level of a GSO code by its shape: 2 digits province, 3 district, 5 commune. */
export function levelOfCode(code: string): Level | null {
  if (code === COUNTRY_CODE) return 0;
  if (/^\d{2}$/.test(code)) return 1;
  if (/^\d{3}$/.test(code)) return 2;
  if (/^\d{5}$/.test(code)) return 3;
  return null;
}
