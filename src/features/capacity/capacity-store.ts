/**
 * Capacity by day: treatment facilities (beds, ICU beds, occupancy, oxygen), mobile medical stations (staff,
 * oxygen, area served) and commune health stations' oxygen. Each entry is the figures of one day; the figures on a
 * day are the latest entry on or before it, so the history is the entries themselves. Occupancy not entered is
 * the cases under treatment outside home in the district (cases' places of care). Every function takes the
 * caller's scope; every change writes its audit row in the same transaction. Aggregates, not personal data.
 */
import { addDays, daysBetween } from '../../core/dates.ts';
import { badRequest, type FieldError, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { AdminUnitTable } from '../../db/schema.ts';
import { isWithin, recordInScope, unitInScope, unitTree } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { facilityPatientsByDistrict } from '../cases/index.ts';
import { homeCareTeamsByCommune } from '../community-teams/index.ts';
import { upsertDayAudited } from './day-upsert.ts';
import {
  type CommuneCapacityFacts,
  type Criterion3Result,
  communeCriterion3,
  criterion3For,
  type DistrictCapacityFacts,
  districtCriterion3,
} from './rules/criterion3.ts';
import type { FacilityKind } from './rules/kinds.ts';
import type { FacilityDayTable, MobileStationDayTable } from './tables.ts';

const invalid = (fields: FieldError[]) =>
  badRequest({ vi: 'Số liệu năng lực không hợp lệ', en: 'Invalid capacity figures' }, fields);
const fieldError = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });
const facilityNotFound = () =>
  notFound({ vi: 'Không tìm thấy cơ sở điều trị', en: 'Treatment facility not found' });
const stationNotFound = () =>
  notFound({ vi: 'Không tìm thấy trạm y tế lưu động', en: 'Mobile medical station not found' });

function checkDay(day: string, today: string): FieldError[] {
  return day > today ? [fieldError('day', 'ngày ở tương lai', 'the day is in the future')] : [];
}

const nonNegative = (values: Record<string, number | null | undefined>): FieldError[] =>
  Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined && (!Number.isInteger(v) || v < 0))
    .map(([k]) => fieldError(k, 'phải là số nguyên không âm', 'must be a whole number, not negative'));

// ——— treatment facilities ———

export interface FacilityInput {
  unitCode: string;
  name: string;
  kind: FacilityKind;
}

export async function createFacility(db: Db, scope: Scope, input: FacilityInput) {
  const unit = await unitInScope(db, scope, input.unitCode);
  if (unit.level < 1)
    throw invalid([
      fieldError(
        'unitCode',
        'cơ sở thuộc một tỉnh, huyện hoặc xã',
        'a facility belongs to a province, district or commune',
      ),
    ]);
  if (!input.name.trim()) throw invalid([fieldError('name', 'thiếu tên cơ sở', 'the name is missing')]);
  const row = await writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .insertInto('treatment_facilities')
        .values({
          province_code: unit.province_code ?? unit.code,
          district_code: unit.level === 2 ? unit.code : unit.district_code,
          unit_code: unit.code,
          name: input.name.trim(),
          kind: input.kind,
          active: 1,
          created_at: new Date().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    (r) => ({
      action: 'create',
      entity: 'treatment_facility',
      entityId: Number(r.id),
      unitCode: unit.code,
      details: { name: r.name },
    }),
  );
  return { id: Number(row.id), unitCode: row.unit_code, name: row.name, kind: row.kind };
}

async function facilityInScope(db: Db, scope: Scope, id: number) {
  const f = await db.db
    .selectFrom('treatment_facilities')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!f) throw facilityNotFound();
  return recordInScope(db, scope, f.unit_code, facilityNotFound, f);
}

export interface FacilityDayInput {
  day: string;
  beds: number;
  occupied?: number | null;
  icuBeds: number;
  icuOccupied?: number | null;
  oxygenCylinders: number;
}

export function facilityDayProblems(input: FacilityDayInput, today: string): FieldError[] {
  const out = [
    ...checkDay(input.day, today),
    ...nonNegative({
      beds: input.beds,
      occupied: input.occupied,
      icuBeds: input.icuBeds,
      icuOccupied: input.icuOccupied,
      oxygenCylinders: input.oxygenCylinders,
    }),
  ];
  if (input.occupied != null && input.occupied > input.beds)
    out.push(fieldError('occupied', `vượt số giường (${input.beds})`, `more than the beds (${input.beds})`));
  if (input.icuOccupied != null && input.icuOccupied > input.icuBeds)
    out.push(
      fieldError(
        'icuOccupied',
        `vượt số giường hồi sức (${input.icuBeds})`,
        `more than the ICU beds (${input.icuBeds})`,
      ),
    );
  return out;
}

/** Enters (or corrects) a facility's figures for a day; answers the day's row. */
export async function enterFacilityDay(
  db: Db,
  scope: Scope,
  id: number,
  input: FacilityDayInput,
  today: string,
) {
  const f = await facilityInScope(db, scope, id);
  const problems = facilityDayProblems(input, today);
  if (problems.length) throw invalid(problems);
  const row = {
    province_code: f.province_code,
    facility_id: Number(f.id),
    day: input.day,
    beds: input.beds,
    occupied: input.occupied ?? null,
    icu_beds: input.icuBeds,
    icu_occupied: input.icuOccupied ?? null,
    oxygen_cylinders: input.oxygenCylinders,
    entered_by: scope.userId,
    entered_at: new Date().toISOString(),
  };
  await upsertDayAudited(
    db,
    scope,
    { table: 'facility_days', row, key: ['province_code', 'facility_id', 'day'] },
    {
      action: 'update',
      entity: 'facility_day',
      entityId: `${id}@${input.day}`,
      unitCode: f.unit_code,
      details: { ...input },
    },
  );
  return facilityDayOut(row);
}

const facilityDayOut = (r: {
  day: string;
  beds: number;
  occupied: number | null;
  icu_beds: number;
  icu_occupied: number | null;
  oxygen_cylinders: number;
}) => ({
  day: r.day,
  beds: Number(r.beds),
  occupied: r.occupied === null ? null : Number(r.occupied),
  icuBeds: Number(r.icu_beds),
  icuOccupied: r.icu_occupied === null ? null : Number(r.icu_occupied),
  oxygenCylinders: Number(r.oxygen_cylinders),
});

// ——— mobile medical stations ———

export interface MobileStationInput {
  communeCode: string;
  name: string;
  openedOn: string;
  /** The communes it serves (of the same district) and, optionally, only some villages of them. */
  areaCommunes: string[];
  areaVillageIds?: number[];
}

export async function createMobileStation(db: Db, scope: Scope, input: MobileStationInput, today: string) {
  const commune = await unitInScope(db, scope, input.communeCode);
  const problems: FieldError[] = [];
  if (commune.level !== 3)
    problems.push(fieldError('communeCode', 'trạm thuộc một xã', 'a station belongs to a commune'));
  if (!input.name.trim()) problems.push(fieldError('name', 'thiếu tên trạm', 'the name is missing'));
  if (input.openedOn > today)
    problems.push(fieldError('openedOn', 'ngày ở tương lai', 'the day is in the future'));
  const tree = await unitTree(db);
  const area = [...new Set(input.areaCommunes.length ? input.areaCommunes : [input.communeCode])];
  area.forEach((code, i) => {
    const u = tree.get(code);
    if (u?.level !== 3 || u.district_code !== commune.district_code)
      problems.push(
        fieldError(`areaCommunes.${i}`, 'không phải xã cùng huyện', 'not a commune of the same district'),
      );
  });
  const villages = input.areaVillageIds?.length
    ? await db.db
        .selectFrom('villages')
        .select(['id', 'commune_code'])
        .where('id', 'in', input.areaVillageIds)
        .execute()
    : [];
  (input.areaVillageIds ?? []).forEach((id, i) => {
    const v = villages.find((x) => Number(x.id) === id);
    if (!v || !area.includes(v.commune_code))
      problems.push(
        fieldError(
          `areaVillageIds.${i}`,
          'thôn không thuộc các xã được phục vụ',
          'the village is not in the communes served',
        ),
      );
  });
  if (problems.length) throw invalid(problems);
  const province = commune.province_code!;
  const row = await writeAudited(
    db,
    scope,
    async (trx) => {
      const s = await trx
        .insertInto('mobile_stations')
        .values({
          province_code: province,
          district_code: commune.district_code!,
          commune_code: commune.code,
          name: input.name.trim(),
          opened_on: input.openedOn,
          closed_on: null,
          created_at: new Date().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const withVillages = new Set(villages.map((v) => v.commune_code));
      const rows = [
        ...area
          .filter((c) => !withVillages.has(c))
          .map((c) => ({ commune_code: c, village_id: null as number | null })),
        ...villages.map((v) => ({ commune_code: v.commune_code, village_id: Number(v.id) })),
      ].map((a) => ({ province_code: province, station_id: Number(s.id), ...a }));
      await trx.insertInto('mobile_station_areas').values(rows).execute();
      return s;
    },
    (s) => ({
      action: 'create',
      entity: 'mobile_station',
      entityId: Number(s.id),
      unitCode: commune.code,
      details: { name: s.name, area },
    }),
  );
  return {
    id: Number(row.id),
    communeCode: row.commune_code,
    name: row.name,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
  };
}

async function stationInScope(db: Db, scope: Scope, id: number) {
  const s = await db.db.selectFrom('mobile_stations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) throw stationNotFound();
  return recordInScope(db, scope, s.commune_code, stationNotFound, s);
}

export interface StationDayInput {
  day: string;
  doctors: number;
  staff: number;
  oxygenCylinders: number;
  /** Closes the station from this day. */
  closed?: boolean;
}

export async function enterStationDay(
  db: Db,
  scope: Scope,
  id: number,
  input: StationDayInput,
  today: string,
) {
  const s = await stationInScope(db, scope, id);
  const problems = [
    ...checkDay(input.day, today),
    ...nonNegative({ doctors: input.doctors, staff: input.staff, oxygenCylinders: input.oxygenCylinders }),
  ];
  if (input.doctors > input.staff)
    problems.push(fieldError('doctors', 'nhiều hơn tổng số nhân lực', 'more than the staff in total'));
  if (input.day < s.opened_on)
    problems.push(fieldError('day', 'trước ngày lập trạm', 'before the station opened'));
  if (problems.length) throw invalid(problems);
  const row = {
    province_code: s.province_code,
    station_id: Number(s.id),
    day: input.day,
    doctors: input.doctors,
    staff: input.staff,
    oxygen_cylinders: input.oxygenCylinders,
    entered_by: scope.userId,
    entered_at: new Date().toISOString(),
  };
  await upsertDayAudited(
    db,
    scope,
    {
      table: 'mobile_station_days',
      row,
      key: ['province_code', 'station_id', 'day'],
      alsoWrite: async (trx) => {
        if (input.closed !== undefined)
          await trx
            .updateTable('mobile_stations')
            .set({ closed_on: input.closed ? input.day : null })
            .where('id', '=', s.id)
            .execute();
      },
    },
    {
      action: 'update',
      entity: 'mobile_station_day',
      entityId: `${id}@${input.day}`,
      unitCode: s.commune_code,
      details: { ...input },
    },
  );
  return { day: row.day, doctors: row.doctors, staff: row.staff, oxygenCylinders: row.oxygen_cylinders };
}

// ——— commune health stations' oxygen ———

export interface StationOxygenInput {
  day: string;
  oxygenCylinders: number;
  concentrators: number;
}

export async function enterStationOxygen(
  db: Db,
  scope: Scope,
  communeCode: string,
  input: StationOxygenInput,
  today: string,
) {
  const commune = await unitInScope(db, scope, communeCode);
  const problems = [
    ...checkDay(input.day, today),
    ...nonNegative({ oxygenCylinders: input.oxygenCylinders, concentrators: input.concentrators }),
  ];
  if (commune.level !== 3)
    problems.push(
      fieldError('unit', 'trạm y tế xã thuộc một xã', 'a commune health station belongs to a commune'),
    );
  if (problems.length) throw invalid(problems);
  const row = {
    province_code: commune.province_code!,
    district_code: commune.district_code!,
    commune_code: commune.code,
    day: input.day,
    oxygen_cylinders: input.oxygenCylinders,
    concentrators: input.concentrators,
    entered_by: scope.userId,
    entered_at: new Date().toISOString(),
  };
  await upsertDayAudited(
    db,
    scope,
    { table: 'station_oxygen', row, key: ['province_code', 'commune_code', 'day'] },
    {
      action: 'update',
      entity: 'station_oxygen',
      entityId: `${commune.code}@${input.day}`,
      unitCode: commune.code,
      details: { ...input },
    },
  );
  return {
    communeCode: commune.code,
    day: row.day,
    oxygenCylinders: row.oxygen_cylinders,
    concentrators: row.concentrators,
  };
}

// ——— reading: the figures on a day ———

/** The latest row on or before `day` of each key. */
function latest<T extends { day: string }>(rows: readonly T[], key: (r: T) => string | number, day: string) {
  const out = new Map<string | number, T>();
  for (const r of rows) {
    if (r.day > day) continue;
    const k = key(r);
    const prev = out.get(k);
    if (!prev || prev.day < r.day) out.set(k, r);
  }
  return out;
}

/** Everything entered for the districts (facilities of them, their communes' stations), up to `to`. */
async function loadDistricts(db: Db, districtCodes: readonly string[], to: string) {
  const facilities: Awaited<ReturnType<typeof loadFacilities>> = [];
  const facilityDays: Awaited<ReturnType<typeof loadFacilityDays>> = [];
  const stations: Awaited<ReturnType<typeof loadStations>> = [];
  const areas: { station_id: number; commune_code: string; village_id: number | null }[] = [];
  const stationDays: Awaited<ReturnType<typeof loadStationDays>> = [];
  const oxygen: {
    commune_code: string;
    district_code: string;
    day: string;
    oxygen_cylinders: number;
    concentrators: number;
  }[] = [];
  for (let i = 0; i < districtCodes.length; i += 500) {
    const chunk = districtCodes.slice(i, i + 500);
    const f = await loadFacilities(db, chunk);
    facilities.push(...f);
    facilityDays.push(
      ...(await loadFacilityDays(
        db,
        f.map((x) => Number(x.id)),
        to,
      )),
    );
    const s = await loadStations(db, chunk);
    stations.push(...s);
    const ids = s.map((x) => Number(x.id));
    for (let k = 0; k < ids.length; k += 500) {
      const part = ids.slice(k, k + 500);
      areas.push(
        ...(await db.db
          .selectFrom('mobile_station_areas')
          .select(['station_id', 'commune_code', 'village_id'])
          .where('station_id', 'in', part)
          .execute()),
      );
      stationDays.push(...(await loadStationDays(db, part, to)));
    }
    oxygen.push(
      ...(await db.db
        .selectFrom('station_oxygen')
        .select(['commune_code', 'district_code', 'day', 'oxygen_cylinders', 'concentrators'])
        .where('district_code', 'in', chunk)
        .where('day', '<=', to)
        .execute()),
    );
  }
  return { facilities, facilityDays, stations, areas, stationDays, oxygen };
}
const loadFacilities = (db: Db, districts: readonly string[]) =>
  db.db
    .selectFrom('treatment_facilities')
    .selectAll()
    .where('district_code', 'in', districts)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
const loadFacilityDays = async (db: Db, ids: number[], to: string) =>
  ids.length
    ? db.db
        .selectFrom('facility_days')
        .selectAll()
        .where('facility_id', 'in', ids)
        .where('day', '<=', to)
        .execute()
    : ([] as FacilityDayTable[]);
const loadStations = (db: Db, districts: readonly string[]) =>
  db.db
    .selectFrom('mobile_stations')
    .selectAll()
    .where('district_code', 'in', districts)
    .orderBy('id')
    .execute();
const loadStationDays = async (db: Db, ids: number[], to: string) =>
  ids.length
    ? db.db
        .selectFrom('mobile_station_days')
        .selectAll()
        .where('station_id', 'in', ids)
        .where('day', '<=', to)
        .execute()
    : ([] as MobileStationDayTable[]);

type Loaded = Awaited<ReturnType<typeof loadDistricts>>;

/** The figures of every facility, station and commune station of the loaded districts on `day`. */
function figuresOn(data: Loaded, day: string, patients: Map<string, number>) {
  const fDay = latest(data.facilityDays, (r) => Number(r.facility_id), day);
  const facilities = data.facilities.map((f) => {
    const d = fDay.get(Number(f.id));
    return {
      id: Number(f.id),
      name: f.name,
      kind: f.kind,
      unitCode: f.unit_code,
      districtCode: f.district_code,
      figures: d ? { ...facilityDayOut(d), enteredOn: d.day } : null,
    };
  });
  const sDay = latest(data.stationDays, (r) => Number(r.station_id), day);
  const areasOf = new Map<number, Loaded['areas']>();
  for (const a of data.areas) {
    const list = areasOf.get(Number(a.station_id)) ?? [];
    list.push(a);
    areasOf.set(Number(a.station_id), list);
  }
  const stations = data.stations
    .filter((s) => s.opened_on <= day && (s.closed_on === null || s.closed_on > day))
    .map((s) => {
      const d = sDay.get(Number(s.id));
      const area = areasOf.get(Number(s.id)) ?? [];
      return {
        id: Number(s.id),
        name: s.name,
        communeCode: s.commune_code,
        districtCode: s.district_code,
        openedOn: s.opened_on,
        closedOn: s.closed_on,
        areaCommunes: [...new Set(area.map((a) => a.commune_code))],
        areaVillageIds: area.filter((a) => a.village_id !== null).map((a) => Number(a.village_id)),
        figures: d
          ? {
              day: d.day,
              doctors: Number(d.doctors),
              staff: Number(d.staff),
              oxygenCylinders: Number(d.oxygen_cylinders),
            }
          : null,
      };
    });
  const oDay = latest(data.oxygen, (r) => r.commune_code, day);
  const districts = new Map<
    string,
    Omit<DistrictCapacityFacts, 'population'> & { occupiedComputed: boolean }
  >();
  for (const f of facilities) {
    if (!f.districtCode || !f.figures) continue;
    const d = districts.get(f.districtCode) ?? {
      facilities: 0,
      beds: 0,
      occupied: 0,
      icuBeds: 0,
      occupiedComputed: false,
    };
    d.facilities++;
    d.beds += f.figures.beds;
    d.icuBeds += f.figures.icuBeds;
    if (f.figures.occupied === null) d.occupiedComputed = true;
    else d.occupied += f.figures.occupied;
    districts.set(f.districtCode, d);
  }
  // Not entered everywhere: at least the cases under treatment outside home in the district.
  for (const [code, d] of districts)
    if (d.occupiedComputed) d.occupied = Math.max(d.occupied, patients.get(code) ?? 0);
  const stationsOf = new Map<string, (typeof stations)[number][]>();
  for (const s of stations)
    for (const c of s.areaCommunes) stationsOf.set(c, [...(stationsOf.get(c) ?? []), s]);
  return { facilities, stations, stationsOf, oxygen: oDay, districts };
}

function communeFacts(
  fig: ReturnType<typeof figuresOn>,
  code: string,
  teams: ReadonlyMap<string, number>,
): CommuneCapacityFacts {
  const o = fig.oxygen.get(code);
  return {
    stationOxygen: o ? Number(o.oxygen_cylinders) : null,
    homeCareTeams: teams.get(code) ?? 0,
    mobileStations: (fig.stationsOf.get(code) ?? []).map((s) => ({
      doctors: s.figures?.doctors ?? 0,
      staff: s.figures?.staff ?? 0,
      oxygenCylinders: s.figures?.oxygenCylinders ?? 0,
    })),
  };
}

function districtFacts(fig: ReturnType<typeof figuresOn>, d: AdminUnitTable): DistrictCapacityFacts {
  const x = fig.districts.get(d.code);
  return {
    population: d.population,
    facilities: x?.facilities ?? 0,
    beds: x?.beds ?? 0,
    occupied: x?.occupied ?? 0,
    icuBeds: x?.icuBeds ?? 0,
  };
}

/**
 * Criterion 3 of each commune and district of `units` on `day` (the risk levels' week's Sunday), under the
 * definition of the rule set (`ruleSetIds`: the set and its base) or the one in force that day. Units without
 * any capacity data answer `met: null`.
 */
export async function treatmentCapacity(
  db: Db,
  units: readonly AdminUnitTable[],
  day: string,
  ruleSetIds: readonly (string | null)[] = [],
): Promise<Map<string, Criterion3Result>> {
  const out = new Map<string, Criterion3Result>();
  const def = criterion3For(ruleSetIds, day);
  if (!def) return out;
  const tree = await unitTree(db);
  const districtCodes = [
    ...new Set(
      units
        .map((u) => (u.level === 2 ? u.code : u.level === 3 ? u.district_code : null))
        .filter((c): c is string => !!c),
    ),
  ];
  if (districtCodes.length === 0) return out;
  const [data, patients, teams] = await Promise.all([
    loadDistricts(db, districtCodes, day),
    facilityPatientsByDistrict(db, districtCodes, day),
    homeCareTeamsByCommune(db, districtCodes),
  ]);
  if (!data.facilities.length && !data.stations.length && !data.oxygen.length && !teams.size) {
    for (const u of units)
      if (u.level >= 2) out.set(u.code, { met: null, provisional: true, definition: def.id, checks: [] });
    return out;
  }
  const fig = figuresOn(data, day, patients);
  for (const u of units) {
    if (u.level === 3) {
      const d = tree.get(u.district_code!)!;
      out.set(u.code, communeCriterion3(def, communeFacts(fig, u.code, teams), districtFacts(fig, d)));
    } else if (u.level === 2) {
      const communes = tree.children(u.code).filter((c) => c.level === 3);
      out.set(
        u.code,
        districtCriterion3(
          def,
          communes.map((c) => communeFacts(fig, c.code, teams)),
          districtFacts(fig, u),
        ),
      );
    }
  }
  return out;
}

/**
 * The capacity page of a district or commune on a day: facilities, mobile stations, commune stations' oxygen with
 * their figures, occupancy (entered or computed from cases), and criterion 3 in force that day.
 */
export async function capacityView(db: Db, scope: Scope, unitCode: string, day: string) {
  const unit = await unitInScope(db, scope, unitCode);
  if (unit.level < 2)
    throw invalid([fieldError('unit', 'chọn một huyện hoặc xã', 'choose a district or commune')]);
  const districtCode = unit.level === 2 ? unit.code : unit.district_code!;
  const tree = await unitTree(db);
  const district = tree.get(districtCode)!;
  const [data, patients] = await Promise.all([
    loadDistricts(db, [districtCode], day),
    facilityPatientsByDistrict(db, [districtCode], day),
  ]);
  const fig = figuresOn(data, day, patients);
  const communes = (unit.level === 2 ? tree.children(districtCode) : [unit]).filter((c) => c.level === 3);
  const criterion = await treatmentCapacity(db, [unit], day);
  const totals = fig.districts.get(districtCode);
  return {
    unit: { code: unit.code, name: unit.name_with_type, adminLevel: unit.level },
    day,
    district: {
      code: district.code,
      name: district.name_with_type,
      population: district.population,
      beds: totals?.beds ?? 0,
      occupied: totals?.occupied ?? 0,
      occupiedComputed: totals?.occupiedComputed ?? false,
      patientsOutsideHome: patients.get(districtCode) ?? 0,
      icuBeds: totals?.icuBeds ?? 0,
    },
    facilities: fig.facilities.filter(
      (f) => unit.level === 2 || f.unitCode === unit.code || f.unitCode === districtCode,
    ),
    mobileStations: fig.stations.filter(
      (s) => unit.level === 2 || s.areaCommunes.includes(unit.code) || s.communeCode === unit.code,
    ),
    communeStations: communes.map((c) => {
      const o = fig.oxygen.get(c.code);
      return {
        code: c.code,
        name: c.name_with_type,
        oxygenCylinders: o ? Number(o.oxygen_cylinders) : null,
        concentrators: o ? Number(o.concentrators) : null,
        enteredOn: o?.day ?? null,
      };
    }),
    criterion3: criterion.get(unit.code) ?? null,
  };
}

/**
 * The beds of a unit's treatment facilities on a day and how many are occupied (entered, else the cases treated
 * outside home, as the capacity page computes them): a district's facilities, a province's districts' added up,
 * a commune's own facilities. Null when the unit has no facility with figures entered by that day (or is the
 * country): the caller says "no bed numbers" rather than showing zero. `fullest`: the unit (its own code, or for a
 * province the district with the highest share of beds occupied) whose capacity page lists the facilities.
 */
export async function bedsInUse(db: Db, scope: Scope, unitCode: string, day: string) {
  const unit = await unitInScope(db, scope, unitCode);
  if (unit.level < 1) return null;
  const tree = await unitTree(db);
  const districtCodes =
    unit.level === 1
      ? tree
          .children(unit.code)
          .filter((d) => d.level === 2)
          .map((d) => d.code)
      : [unit.level === 2 ? unit.code : unit.district_code!];
  const [data, patients] = await Promise.all([
    loadDistricts(db, districtCodes, day),
    facilityPatientsByDistrict(db, districtCodes, day),
  ]);
  const fig = figuresOn(data, day, patients);
  let facilities = 0;
  let beds = 0;
  let occupied = 0;
  let occupiedComputed = false;
  let fullest = unit.code;
  let fullestShare = -1;
  if (unit.level === 3) {
    for (const f of fig.facilities)
      if (f.unitCode === unit.code && f.figures) {
        facilities++;
        beds += f.figures.beds;
        occupied += f.figures.occupied ?? 0;
        occupiedComputed ||= f.figures.occupied === null;
      }
  } else
    for (const [code, d] of fig.districts) {
      const share = d.beds > 0 ? d.occupied / d.beds : 0;
      if (unit.level === 1 && share > fullestShare) {
        fullest = code;
        fullestShare = share;
      }
      facilities += d.facilities;
      beds += d.beds;
      occupied += d.occupied;
      occupiedComputed ||= d.occupiedComputed;
    }
  return facilities ? { day, facilities, beds, occupied, occupiedComputed, fullest } : null;
}

/** History by day (≤ 92 days): the district's or commune's totals on each day, as entered by then. */
export async function capacityHistory(db: Db, scope: Scope, unitCode: string, from: string, to: string) {
  const unit = await unitInScope(db, scope, unitCode);
  const span = daysBetween(from, to);
  if (unit.level < 2 || span < 0 || span > 91)
    throw invalid([
      unit.level < 2
        ? fieldError('unit', 'chọn một huyện hoặc xã', 'choose a district or commune')
        : fieldError('to', 'khoảng ngày từ 1 đến 92 ngày', 'a range of 1 to 92 days'),
    ]);
  const districtCode = unit.level === 2 ? unit.code : unit.district_code!;
  const data = await loadDistricts(db, [districtCode], to);
  const days: {
    day: string;
    beds: number;
    occupied: number;
    icuBeds: number;
    facilityOxygen: number;
    mobileStations: number;
    mobileStaff: number;
    mobileOxygen: number;
    stationOxygen: number;
  }[] = [];
  const inUnit = (code: string) =>
    isWithin({ code, level: 3, province_code: unit.province_code, district_code: districtCode }, unit.code);
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const fig = figuresOn(data, d, new Map());
    const facilities = fig.facilities.filter(
      (f) => f.figures && (unit.level === 2 || f.unitCode === unit.code),
    );
    const stations = fig.stations.filter((s) => unit.level === 2 || s.areaCommunes.includes(unit.code));
    const oxygen = [...fig.oxygen.values()].filter((o) => inUnit(o.commune_code));
    days.push({
      day: d,
      beds: facilities.reduce((n, f) => n + f.figures!.beds, 0),
      occupied: facilities.reduce((n, f) => n + (f.figures!.occupied ?? 0), 0),
      icuBeds: facilities.reduce((n, f) => n + f.figures!.icuBeds, 0),
      facilityOxygen: facilities.reduce((n, f) => n + f.figures!.oxygenCylinders, 0),
      mobileStations: stations.length,
      mobileStaff: stations.reduce((n, s) => n + (s.figures?.staff ?? 0), 0),
      mobileOxygen: stations.reduce((n, s) => n + (s.figures?.oxygenCylinders ?? 0), 0),
      stationOxygen: oxygen.reduce((n, o) => n + Number(o.oxygen_cylinders), 0),
    });
  }
  return { unit: { code: unit.code, name: unit.name_with_type }, from, to, days };
}

/** A facility's entries, newest first. */
export async function facilityHistory(db: Db, scope: Scope, id: number) {
  const f = await facilityInScope(db, scope, id);
  const rows = await db.db
    .selectFrom('facility_days')
    .selectAll()
    .where('facility_id', '=', id)
    .orderBy('day', 'desc')
    .limit(366)
    .execute();
  return {
    id: Number(f.id),
    name: f.name,
    kind: f.kind,
    unitCode: f.unit_code,
    days: rows.map(facilityDayOut),
  };
}
