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

export const VILLAGE_KINDS = ['thon', 'ban', 'xom', 'to-dan-pho', 'khu-pho', 'khoi'] as const;
export type VillageKind = (typeof VILLAGE_KINDS)[number];

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
