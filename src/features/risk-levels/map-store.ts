/**
 * The map: a province's districts (shapes from the shipped TopoJSON, decoded once per process) coloured by their
 * level for a week. Levels only for the districts in the caller's jurisdiction; the others are drawn grey.
 */
import fs from 'node:fs';
import type { Db } from '../../db/connection.ts';
import { isWithin, unitInScope, unitTree } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import { announcedLevels, cachedAssessments } from './assessment-store.ts';
import { provinceDistrictShapes, type Topology } from './rules/topology.ts';

const FILE = new URL('../../../assets/reference/boundaries/vn-provinces-districts.topojson', import.meta.url);
let topology: Topology | null = null;
const shapes = new Map<string, ReturnType<typeof provinceDistrictShapes>>();

function provinceShapes(code: string) {
  if (!shapes.has(code)) {
    topology ??= JSON.parse(fs.readFileSync(FILE, 'utf8')) as Topology;
    shapes.set(code, provinceDistrictShapes(topology, code));
  }
  return shapes.get(code)!;
}

export async function levelMap(db: Db, scope: Scope, unitCode: string, week: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const tree = await unitTree(db);
  const province = tree.get(unit.province_code ?? unit.code)!;
  // The widest unit of the province the caller may see: the province itself, else the unit's district.
  const root = isWithin(province, scope.unitCode)
    ? province
    : (tree.get(unit.district_code ?? unit.code) ?? unit);
  const seen = isWithin(root, scope.unitCode) ? root : unit;
  const list = await cachedAssessments(db, scope, seen.code, week);
  const announced = await announcedLevels(
    db,
    list.map((a) => a.unit.code),
    week,
  );
  const byCode = new Map(list.map((a) => [a.unit.code, a]));
  const map = province.level === 1 ? provinceShapes(province.code) : null;
  return {
    week,
    province: { code: province.code, name: province.name_with_type },
    width: map?.width ?? 0,
    height: map?.height ?? 0,
    source: 'assets/reference/boundaries (daohoangson/dvhcvn, gis.chinhphu.vn; GPL-3.0)',
    districts: (map?.shapes ?? []).map((s) => {
      const a = byCode.get(s.code);
      return {
        code: s.code,
        name: s.name,
        path: s.path,
        level: a?.evaluation.level ?? null,
        announcedLevel: a ? (announced.get(s.code) ?? null) : null,
        provisional: a?.evaluation.provisional ?? false,
      };
    }),
    communes: list
      .filter((a) => a.unit.level === 3)
      .map((a) => ({
        code: a.unit.code,
        name: a.unit.name_with_type,
        districtCode: a.unit.district_code,
        level: a.evaluation.level,
        announcedLevel: announced.get(a.unit.code) ?? null,
      })),
  };
}
