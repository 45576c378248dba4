import type { Generated } from 'kysely';

/**
 * Table types shared by both engines. Timestamps are ISO-8601 UTC text and booleans 0/1 integers so that
 * the same queries and comparisons run unchanged on SQLite and PostgreSQL.
 */
export interface AdminUnitTable {
  code: string;
  name: string;
  name_with_type: string;
  name_folded: string;
  kind: string;
  level: number;
  parent_code: string | null;
  province_code: string | null;
  district_code: string | null;
  population: number;
  population_source: string;
}

export interface VillageTable {
  id: Generated<number>;
  commune_code: string;
  province_code: string;
  name: string;
  kind: string;
  population: number | null;
  population_source: string;
  created_at: string;
  updated_at: string;
}

export interface OrganizationTable {
  id: Generated<number>;
  unit_code: string;
  province_code: string;
  kind: string;
  name: string;
  short_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_code: string;
  organization_id: number | null;
  disabled: Generated<number>;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  ip: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** Login throttling counters (features/auth migration 0007): '' stands for "any" in username or ip. */
export interface LoginThrottleTable {
  username: string;
  ip: string;
  failures: number;
  last_failure_at: string | null;
  last_success_at: string | null;
}

/** One chain per province ('' national), keyed by (province_code, seq); `id` orders entries across chains. */
export interface AuditLogTable {
  province_code: string;
  seq: number;
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_code: string | null;
  ip: string | null;
  details: string;
  prev_mac: string;
  mac: string;
}

/** Each chain's last entry: locked by an append to that chain only. */
export interface AuditHeadTable {
  province_code: string;
  last_seq: number;
  last_id: number;
  last_mac: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  commune_code: string;
  province_code: string;
  file_name: string;
  mode: string;
  rows_read: number;
  imported: number;
  rejected: number;
  review: number;
  existing: number;
  status: string;
  /** JSON: the rejected rows with row number, column and reason. */
  errors: string;
  created_by: number | null;
  created_at: string;
  undone_at: string | null;
}

export interface HouseholdTable {
  id: Generated<number>;
  commune_code: string;
  province_code: string;
  village_id: number | null;
  head_person_id: number | null;
  address: string | null;
  import_batch_id: number | null;
  created_at: string;
}

export interface PersonTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  village_id: number | null;
  household_id: number | null;
  relation_to_head: string | null;
  full_name: string;
  name_folded: string;
  given_name_folded: string;
  birth_date: string | null;
  birth_year: number;
  /** The full birth date, or 1 January of the birth year: what age filters compare. */
  birth_sort: string;
  sex: string | null;
  national_id: string | null;
  phone: string | null;
  address: string | null;
  occupation: string | null;
  /** Comma-separated priority group identifiers. */
  priority_groups: string;
  status: string;
  status_date: string | null;
  note: string | null;
  generated: number;
  merged_into: number | null;
  import_batch_id: number | null;
  created_at: string;
  updated_at: string;
}

/** Who holds each national ID, in the whole country (migration 0098): the ID's uniqueness across provinces. */
export interface PersonNationalIdTable {
  national_id: string;
  province_code: string;
  person_id: number;
}

export interface DuplicateReviewTable {
  /** Its province (the unit's, the person's, the import's): distributed by it (migration 0099). */
  province_code: string;
  id: Generated<number>;
  commune_code: string;
  person_id: number;
  candidate_id: number;
  reason: string;
  status: string;
  snapshot: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
}

/** A file kept as uploaded: a document's original (.txt, .docx, .pdf) or a progress report's attachment. */
export interface StoredFileTable {
  id: Generated<number>;
  province_code: string;
  unit_code: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_by: number | null;
  created_at: string;
}

/** An official document in a unit's register; JSON columns hold the parsed lists as reviewed. */
export interface DocumentTable {
  id: Generated<number>;
  province_code: string;
  /** The registering unit. */
  unit_code: string;
  direction: string;
  kind: string;
  number: string | null;
  symbol: string | null;
  /** Normalised "number/SYMBOL", to find the document a later letter cites. */
  register_key: string | null;
  issuer: string;
  issuer_superior: string | null;
  place: string | null;
  date: string | null;
  /** JSON PartialDate. */
  date_partial: string;
  /** JSON string[]. */
  addressees: string;
  subject: string | null;
  /** JSON DocumentReference[]. */
  references: string;
  /** JSON DistributionEntry[]. */
  distribution: string;
  authority: string | null;
  signer_title: string | null;
  signer: string | null;
  body: string;
  original_text: string | null;
  original_file_id: number | null;
  /** The superior document (already in SafeAdapt) that this one implements. */
  parent_document_id: number | null;
  /** register key | issuer | date (or year): the same letter registered twice (0007; null before). */
  identity_key: string | null;
  /** SHA-256 of the body's words: the same text pasted twice, however formatted (0007; null before). */
  text_key: string | null;
  created_by: number | null;
  created_at: string;
}

/** One row per item of a document (or visit) and unit that must act on it. */
export interface TaskTable {
  id: Generated<number>;
  province_code: string;
  /** The unit that gave the task: the document's registering unit or the visit's. */
  issuer_unit_code: string;
  document_id: number | null;
  source_visit_id: number | null;
  ordinal: string;
  text: string;
  lead_unit_text: string | null;
  lead_unit_code: string | null;
  lead_organization_id: number | null;
  /** JSON UnitRef[]. */
  coordinating: string;
  /** The assignee as the letter names it (a collective name made singular). */
  assignee_text: string;
  /** null when the name matched no unit: kept, flagged, in nobody's inbox. */
  assignee_unit_code: string | null;
  assignee_organization_id: number | null;
  deadline: string | null;
  deadline_text: string | null;
  urgent: number;
  state: string;
  state_changed_at: string;
  done_at: string | null;
  returned_reason: string | null;
  created_at: string;
  /** What opened the task when another capability did (e.g. 'risk-level'), with its key; else null. */
  source_kind: string | null;
  source_ref: string | null;
}

export interface TaskEventTable {
  id: Generated<number>;
  province_code: string;
  task_id: number;
  from_state: string;
  to_state: string;
  action: string;
  note: string | null;
  percent: number | null;
  user_id: number | null;
  at: string;
}

export interface ProgressReportTable {
  id: Generated<number>;
  province_code: string;
  task_id: number;
  text: string;
  percent: number;
  attachment_file_id: number | null;
  user_id: number | null;
  at: string;
}

export interface SteeringMemberTable {
  id: Generated<number>;
  province_code: string;
  unit_code: string;
  name: string;
  position: string;
  organization_id: number | null;
  assigned_area_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupervisionVisitTable {
  id: Generated<number>;
  province_code: string;
  unit_code: string;
  member_id: number | null;
  date: string;
  area_code: string;
  findings: string;
  created_by: number | null;
  created_at: string;
}

export interface VaccinationSessionTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  /** The commune that holds the session. */
  unit_code: string;
  place: string;
  date: string;
  vaccine: string;
  doses_available: number;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface DoseImportTable {
  id: Generated<number>;
  province_code: string;
  /** The unit the import was made for (rows may name any commune within it). */
  unit_code: string;
  file_name: string;
  mode: string;
  status: string;
  rows_read: number;
  imported: number;
  ignored: number;
  rejected: number;
  matched_persons: number;
  new_persons: number;
  warnings: number;
  /** JSON: rejected rows and warnings, each with row number, column and reason. */
  report: string;
  /** JSON number[]: the persons this import created, flagged for review. */
  new_person_ids: string;
  created_by: number | null;
  created_at: string;
}

export interface DoseTable {
  id: Generated<number>;
  person_id: number;
  province_code: string;
  district_code: string;
  commune_code: string;
  vaccine: string;
  /** primary | additional | booster */
  kind: string;
  dose_number: number;
  date: string;
  site: string | null;
  lot: string | null;
  session_id: number | null;
  import_id: number | null;
  /** JSON Message[]: what was odd about the dose when it was recorded. */
  warnings: string;
  generated: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** Each person's derived vaccination status, kept current with the doses and the registry. */
export interface VaccinationStatusTable {
  person_id: number;
  province_code: string;
  district_code: string;
  commune_code: string;
  village_id: number | null;
  /** 1 when the person counts in coverage: a registered resident, not merged. */
  counted: number;
  age_band: string;
  /** The day the person moves to the next age band. */
  age_band_until: string;
  coverage: string;
  doses: number;
  first_dose_date: string | null;
  primary_complete_date: string | null;
  booster_date: string | null;
  last_dose_date: string | null;
  next_kind: string | null;
  next_number: number | null;
  next_due_from: string | null;
  next_overdue_from: string | null;
  next_rule_set: string | null;
  /** The last contact outcome. */
  outcome: string | null;
  outcome_reason: string | null;
  outcome_until: string | null;
  outcome_date: string | null;
  updated_at: string;
}

export interface CoverageCounterTable {
  /** Its province (the unit's, the person's, the import's): distributed by it (migration 0099). */
  province_code: string;
  unit_code: string;
  age_band: string;
  coverage: string;
  count: number;
}

export interface MilestoneCounterTable {
  /** Its province (the unit's, the person's, the import's): distributed by it (migration 0099). */
  province_code: string;
  unit_code: string;
  /** firstDose | primaryComplete | booster */
  milestone: string;
  /** Monday of the week in which the people reached it. */
  week: string;
  age_band: string;
  count: number;
}

export interface VaccinationTargetTable {
  id: Generated<number>;
  province_code: string | null;
  unit_code: string;
  title: string;
  /** The document that set it, as written. */
  basis: string | null;
  deadline: string;
  primary_min_age: number | null;
  primary_percent: number | null;
  booster_min_age: number | null;
  booster_percent: number | null;
  /** 1 when a figure is not in the document (e.g. the booster share seed 004 does not give). */
  provisional: number;
  created_by: number | null;
  created_at: string;
}

export interface ContactOutcomeTable {
  id: Generated<number>;
  person_id: number;
  province_code: string;
  commune_code: string;
  outcome: string;
  reason: string | null;
  until: string | null;
  date: string;
  session_id: number | null;
  user_id: number | null;
  created_at: string;
}

/** Persons changed anywhere (filled by triggers), waiting for their vaccination status to be recomputed. */
/** The registry's outbox: one row per change of a person, handled by the features that follow persons. */
export interface PersonEventTable {
  id: Generated<number>;
  kind: string;
  person_id: number;
  province_code: string;
  /** JSON */
  payload: string;
  created_at: string;
  handled_at: string | null;
}

/** An import's progress (core/import/job.ts): moved forward in each chunk's transaction. */
export interface ImportJobTable {
  /** Its province (the unit's, the person's, the import's): distributed by it (migration 0099). */
  province_code: string;
  kind: string;
  import_id: number;
  /** running | done | refused */
  status: string;
  /** The last file row (Excel number) whose chunk committed: a resumed import starts after it. */
  last_row: number;
  /** The import's counts and whatever else it needs to resume (JSON). */
  state: string;
  updated_at: string;
}

/** One problem of an import's row (core/import/report.ts), appended chunk by chunk. */
export interface ImportProblemTable {
  /** Its province (the unit's, the person's, the import's): distributed by it (migration 0099). */
  province_code: string;
  id: Generated<number>;
  kind: string;
  import_id: number;
  row: number;
  column_name: string;
  /** rejected | warning | ignored (dose imports), null for a rejection of a person list. */
  problem: string | null;
  reason_vi: string;
  reason_en: string;
}

/** A background job's lease and last run (core/jobs.ts). Instants are ISO-8601 UTC text. */
export interface JobTable {
  name: string;
  /** The process running it now (null: free), until `lease_until`; an expired lease may be taken over. */
  lease_holder: string | null;
  lease_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_duration_ms: number | null;
  /** The last run's error (null when it succeeded), and when the last error happened. */
  last_error: string | null;
  last_error_at: string | null;
  runs: Generated<number>;
}

export interface Database {
  import_batches: ImportBatchTable;
  households: HouseholdTable;
  persons: PersonTable;
  person_national_ids: PersonNationalIdTable;
  duplicate_reviews: DuplicateReviewTable;
  admin_units: AdminUnitTable;
  villages: VillageTable;
  organizations: OrganizationTable;
  users: UserTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  meta: MetaTable;
  stored_files: StoredFileTable;
  documents: DocumentTable;
  tasks: TaskTable;
  task_events: TaskEventTable;
  progress_reports: ProgressReportTable;
  steering_members: SteeringMemberTable;
  supervision_visits: SupervisionVisitTable;
  vaccination_sessions: VaccinationSessionTable;
  dose_imports: DoseImportTable;
  doses: DoseTable;
  vaccination_status: VaccinationStatusTable;
  coverage_counters: CoverageCounterTable;
  milestone_counters: MilestoneCounterTable;
  vaccination_targets: VaccinationTargetTable;
  contact_outcomes: ContactOutcomeTable;
  jobs: JobTable;
  import_jobs: ImportJobTable;
  import_problems: ImportProblemTable;
  person_events: PersonEventTable;
}
