/**
 * One day's figures of a facility, a mobile station or a commune station: inserted, or replacing the figures
 * entered earlier for the same key, with the audit row in the same transaction. The one shape the three
 * capacity tables share (their stores only build the row and the event).
 */
import type { Insertable, Kysely } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { type AuditEvent, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';

type DayTable = 'facility_days' | 'mobile_station_days' | 'station_oxygen';

export interface DayUpsert<T extends DayTable> {
  table: T;
  row: Insertable<Database[T]>;
  /** The table's unique key (exactly its column list): every other column of the row is replaced. */
  key: readonly (keyof Database[T] & string)[];
  /** More writes of the same change, in the same transaction (a station closed from that day). */
  alsoWrite?: (trx: Kysely<Database>) => Promise<unknown>;
}

export function upsertDayAudited<T extends DayTable>(
  db: Db,
  scope: Scope,
  up: DayUpsert<T>,
  event: AuditEvent,
) {
  const keyColumns: readonly string[] = up.key;
  const set = Object.fromEntries(Object.entries(up.row).filter(([column]) => !keyColumns.includes(column)));
  return writeAudited(
    db,
    scope,
    async (trx) => {
      // The table is one of three known ones: kysely cannot follow a generic table name through onConflict.
      const q = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
      await q
        .insertInto(up.table as string)
        .values(up.row as Record<string, unknown>)
        .onConflict((oc) => oc.columns([...keyColumns]).doUpdateSet(set))
        .execute();
      await up.alsoWrite?.(trx);
    },
    event,
  );
}
