import type { Generated } from 'kysely';

/** Capacity's tables (issue 15, criterion 3 of issue 16), added to the database's type where they are declared. */
export interface TreatmentFacilityTable {
  id: Generated<number>;
  province_code: string;
  district_code: string | null;
  /** The unit it belongs to (a district's facility, a province's hospital). */
  unit_code: string;
  name: string;
  /** 'treatmentFacility' (cơ sở thu dung, điều trị) or 'hospital'. */
  kind: string;
  active: number;
  created_at: string;
}

/** A facility's figures entered for a day; the figures on a day are the latest entry on or before it. */
export interface FacilityDayTable {
  province_code: string;
  facility_id: number;
  day: string;
  beds: number;
  /** null: not entered, computed from the cases' places of care. */
  occupied: number | null;
  icu_beds: number;
  icu_occupied: number | null;
  oxygen_cylinders: number;
  entered_by: number | null;
  entered_at: string;
}

export interface MobileStationTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  /** The commune that set it up. */
  commune_code: string;
  name: string;
  opened_on: string;
  closed_on: string | null;
  created_at: string;
}

/** The area a mobile station serves: communes, or villages of them (village_id set). */
export interface MobileStationAreaTable {
  province_code: string;
  station_id: number;
  commune_code: string;
  village_id: number | null;
}

export interface MobileStationDayTable {
  province_code: string;
  station_id: number;
  day: string;
  doctors: number;
  staff: number;
  oxygen_cylinders: number;
  entered_by: number | null;
  entered_at: string;
}

/** A commune health station's oxygen on a day. */
export interface StationOxygenTable {
  province_code: string;
  district_code: string;
  commune_code: string;
  day: string;
  oxygen_cylinders: number;
  concentrators: number;
  entered_by: number | null;
  entered_at: string;
}

/** A unit's response plan: one scenario per level (what opens, closes, who acts, resources). */
export interface ResponseScenarioTable {
  province_code: string;
  unit_code: string;
  level: number;
  beds: number;
  teams: number;
  oxygen_cylinders: number;
  /** JSON: PlanAction[] (rules/checklist.ts). */
  actions: string;
  note: string | null;
  updated_by: number | null;
  updated_at: string;
}

/** The checklist a level announcement opened for a unit (the tasks are the directives' rows of its source). */
export interface LevelChecklistTable {
  id: Generated<number>;
  province_code: string;
  unit_code: string;
  level: number;
  /** The announcement that opened it (the task source's ref: `<unit>@<announcement id>`). */
  source_ref: string;
  opened_on: string;
  closed_on: string | null;
  tasks: number;
}

declare module '../../db/schema.ts' {
  interface Database {
    treatment_facilities: TreatmentFacilityTable;
    facility_days: FacilityDayTable;
    mobile_stations: MobileStationTable;
    mobile_station_areas: MobileStationAreaTable;
    mobile_station_days: MobileStationDayTable;
    station_oxygen: StationOxygenTable;
    response_scenarios: ResponseScenarioTable;
    level_checklists: LevelChecklistTable;
  }
}
