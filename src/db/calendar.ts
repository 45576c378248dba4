import { setStoredToday } from '../core/dates.ts';
import type { Db } from './connection.ts';

/** The `meta` key of the as-of day a database keeps for itself: a demo lives on its own calendar. */
export const AS_OF_KEY = 'as_of';

export async function storedAsOf(db: Db): Promise<string | null> {
  const row = await db.db.selectFrom('meta').select('value').where('key', '=', AS_OF_KEY).executeTakeFirst();
  return row?.value ?? null;
}

/** Makes "today" the database's as-of day, if it keeps one (SAFEADAPT_TODAY still wins): called on opening. */
export async function applyDatabaseCalendar(db: Db): Promise<void> {
  setStoredToday(await storedAsOf(db));
}
