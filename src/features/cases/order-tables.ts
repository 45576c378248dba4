import type { Generated } from 'kysely';

export interface QuarantineOrderTable {
  id: Generated<number>;
  province_code: string;
  district_code: string;
  commune_code: string;
  number: string;
  issued_on: string;
  signer_name: string;
  signer_title: string;
  created_by: number | null;
  created_at: string;
}

export interface QuarantineOrderItemTable {
  id: Generated<number>;
  province_code: string;
  commune_code: string;
  order_id: number;
  contact_id: number;
  person_id: number;
  exposure_date: string;
  quarantine_ends_on: string;
  monitoring_ends_on: string;
  test_dates: string;
  rule_set_id: string;
  delivered_by: string | null;
  delivered_at: string | null;
  delivery_outcome: string | null;
  received_by: string | null;
  delivery_note: string | null;
  delivery_recorded_by: number | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    quarantine_orders: QuarantineOrderTable;
    quarantine_order_items: QuarantineOrderItemTable;
  }
}
