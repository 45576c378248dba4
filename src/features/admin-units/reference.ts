import fs from 'node:fs';
import { foldDiacritics } from '../../core/text.ts';
import type { AdminUnitTable } from '../../db/schema.ts';
import { generatedPopulation } from './population.ts';
import { COUNTRY_CODE } from './rules.ts';

/** Reads the GSO 2021 list shipped in assets/reference/admin-units-2021 (see its SOURCES.md). */
const folder = new URL('../../../assets/reference/admin-units-2021/', import.meta.url);

interface GsoEntry {
  name: string;
  type: string;
  name_with_type: string;
  code: string;
  parent_code?: string;
}

/**
 * Entries without a code or name are skipped: the 2021 list holds one such placeholder under Huyện Lý Sơn,
 * which has had no commune-level units since 2020.
 */
function read(file: string): GsoEntry[] {
  const entries = Object.values(
    JSON.parse(fs.readFileSync(new URL(file, folder), 'utf8')) as Record<string, GsoEntry>,
  );
  return entries.filter((e) => e.code && e.name && e.name_with_type);
}

/** Every unit of 2021 with its ancestry and a generated population; parents before children. */
export function loadReferenceUnits(): AdminUnitTable[] {
  const unit = (
    e: GsoEntry,
    kind: string,
    level: number,
    parent: string,
    province: string | null,
    district: string | null,
  ): AdminUnitTable => ({
    code: e.code,
    name: e.name,
    name_with_type: e.name_with_type,
    name_folded: foldDiacritics(e.name_with_type),
    kind,
    level,
    parent_code: parent,
    province_code: province,
    district_code: district,
    population: 0,
    population_source: 'generated',
  });
  // A centrally run city shares the GSO type 'thanh-pho' with provincial cities: keep the levels apart.
  const provinces = read('tinh_tp.json').map((e) =>
    unit(e, e.type === 'thanh-pho' ? 'thanh-pho-tw' : e.type, 1, COUNTRY_CODE, null, null),
  );
  const districts = read('quan_huyen.json').map((e) =>
    unit(e, e.type, 2, e.parent_code ?? '', e.parent_code ?? '', null),
  );
  const provinceOf = new Map(districts.map((d) => [d.code, d.province_code]));
  const communes = read('xa_phuong.json').map((e) =>
    unit(
      e,
      e.type,
      3,
      e.parent_code ?? '',
      provinceOf.get(e.parent_code ?? '') ?? null,
      e.parent_code ?? null,
    ),
  );
  for (const c of communes) c.population = generatedPopulation(c.code, c.kind);
  const byCode = new Map([...provinces, ...districts].map((u) => [u.code, u]));
  for (const c of communes) {
    byCode.get(c.district_code ?? '')!.population += c.population;
    byCode.get(c.province_code ?? '')!.population += c.population;
  }
  const country: AdminUnitTable = {
    code: COUNTRY_CODE,
    name: 'Việt Nam',
    name_with_type: 'Việt Nam',
    name_folded: 'viet nam',
    kind: 'country',
    level: 0,
    parent_code: null,
    province_code: null,
    district_code: null,
    population: provinces.reduce((sum, p) => sum + p.population, 0),
    population_source: 'generated',
  };
  return [country, ...provinces, ...districts, ...communes];
}
