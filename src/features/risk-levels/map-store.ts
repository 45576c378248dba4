/**
 * The map of levels for a week. A province (or anything inside one): its districts (shapes from the shipped
 * TopoJSON, decoded once per process) coloured by their level, with the communes of the caller's view; levels
 * only for the districts in the caller's jurisdiction, the others grey. The country (a national user): its
 * provinces coloured by their aggregated level. Every unit is listed, with or without a shape: the source has no
 * boundaries for Quảng Ninh (22), whose districts and communes are still answered, with `path: null`. Each
 * level carries `provisional` (computed from a value the rule set flags provisional).
 */
import fs from 'node:fs';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable } from '../../db/schema.ts';
import { isWithin, unitInScope, unitTree } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import { announcedLevels, cachedAssessments, type UnitAssessment } from './assessment-store.ts';
import { countryProvinceShapes, provinceDistrictShapes, type Topology } from './rules/topology.ts';

const FILE = new URL('../../../assets/reference/boundaries/vn-provinces-districts.topojson', import.meta.url);
const SOURCE =
  'assets/reference/boundaries (daohoangson/dvhcvn, gis.chinhphu.vn; GPL-3.0: boundaries/LICENSE)';
let topology: Topology | null = null;
const shapes = new Map<string, ReturnType<typeof provinceDistrictShapes>>();

/** The shapes of a province's districts, or of the country's provinces (`code` 'VN'); decoded once. */
function shapesOf(code: string, country: boolean) {
  if (!shapes.has(code)) {
    topology ??= JSON.parse(fs.readFileSync(FILE, 'utf8')) as Topology;
    shapes.set(code, country ? countryProvinceShapes(topology) : provinceDistrictShapes(topology, code));
  }
  return shapes.get(code)!;
}

/** The units drawn (or listed, without a shape) with their levels: null level outside the caller's view. */
function areas(
  units: AdminUnitTable[],
  drawn: ReturnType<typeof provinceDistrictShapes>,
  byCode: Map<string, UnitAssessment>,
  announced: Map<string, number>,
) {
  const pathOf = new Map((drawn?.shapes ?? []).map((s) => [s.code, s.path]));
  return units.map((u) => {
    const a = byCode.get(u.code);
    return {
      code: u.code,
      name: u.name_with_type,
      path: pathOf.get(u.code) || null,
      level: a?.evaluation.level ?? null,
      announcedLevel: a ? (announced.get(u.code) ?? null) : null,
      provisional: a?.evaluation.provisional ?? false,
    };
  });
}

export async function levelMap(db: Db, scope: Scope, unitCode: string, week: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const tree = await unitTree(db);
  const province = tree.get(unit.province_code ?? unit.code)!;
  const country = province.level === 0;
  // The widest unit the caller may see: the province (the country) itself, else the unit's district.
  const root = isWithin(province, scope.unitCode)
    ? province
    : (tree.get(unit.district_code ?? unit.code) ?? unit);
  const seen = isWithin(root, scope.unitCode) ? root : unit;
  const list = await cachedAssessments(db, scope, seen.code, week);
  const shown = country ? list.filter((a) => a.unit.level <= 1) : list;
  const announced = await announcedLevels(
    db,
    shown.map((a) => a.unit.code),
    week,
  );
  const byCode = new Map(shown.map((a) => [a.unit.code, a]));
  const drawn = shapesOf(province.code, country);
  const below = areas(tree.children(province.code), drawn, byCode, announced);
  return {
    week,
    province: { code: province.code, name: province.name_with_type },
    width: drawn?.width ?? 0,
    height: drawn?.height ?? 0,
    source: SOURCE,
    /** The country's map: its provinces; a province's map: none. */
    provinces: country ? below : [],
    districts: country ? [] : below,
    communes: shown
      .filter((a) => a.unit.level === 3)
      .map((a) => ({
        code: a.unit.code,
        name: a.unit.name_with_type,
        districtCode: a.unit.district_code,
        level: a.evaluation.level,
        announcedLevel: announced.get(a.unit.code) ?? null,
        provisional: a.evaluation.provisional,
      })),
  };
}
