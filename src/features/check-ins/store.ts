import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { vietnamDay, vietnamDayStart } from '../../core/dates.ts';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import { insertRows } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { placeColumn, recordInScope, unitInScope } from '../admin-units/index.ts';
import { appendAudit, recordAudit, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { addContact, type ConfirmedCase, caseInScope } from '../cases/index.ts';
import {
  createPersons,
  findByPhone,
  holdersOfNationalIds,
  isPersonInScope,
  personCards,
} from '../persons/index.ts';
import { exposedCheckIns, exposureWindow } from './rules/exposure.ts';
import { CHECK_IN_THROTTLE, checkInThrottled, minutesToWait } from './rules/throttle.ts';
import type { VenueKind } from './rules/venue-kinds.ts';

const venueNotFound = () => notFound({ vi: 'Không tìm thấy địa điểm.', en: 'Venue not found.' });

/** The path of a venue's public check-in page (what its poster's QR encodes, after the site's origin). */
export const checkInPath = (token: string) => `/check-in/${token}`;

export interface VenueInput {
  unit: string;
  name: string;
  kind: VenueKind;
  address?: string | null;
}

/** Registers a venue of a commune with a new unguessable token (128 random bits) for its poster. */
export async function createVenue(db: Db, scope: Scope, input: VenueInput) {
  const unit = await unitInScope(db, scope, input.unit);
  if (unit.level !== 3) {
    const message = { vi: 'Địa điểm phải thuộc một xã/phường.', en: 'A venue belongs to a commune.' };
    throw badRequest(message, [{ field: 'unit', message }]);
  }
  const row = {
    province_code: unit.province_code!,
    district_code: unit.district_code!,
    commune_code: unit.code,
    name: input.name.trim(),
    kind: input.kind,
    address: input.address?.trim() || null,
    token: randomBytes(16).toString('base64url'),
    active: 1,
    created_by: scope.userId,
    created_at: new Date().toISOString(),
  };
  return writeAudited(
    db,
    scope,
    async (trx) => {
      const { id } = await trx.insertInto('venues').values(row).returning('id').executeTakeFirstOrThrow();
      return toVenue({ ...row, id: Number(id) }, 0);
    },
    (v) => ({ action: 'create', entity: 'venue', entityId: v.id, unitCode: v.communeCode }),
  );
}

type VenueRow = {
  id: number;
  commune_code: string;
  name: string;
  kind: string;
  address: string | null;
  token: string;
  active: number;
};
const toVenue = (v: VenueRow, checkInsToday: number) => ({
  id: Number(v.id),
  communeCode: v.commune_code,
  name: v.name,
  kind: v.kind,
  address: v.address,
  path: checkInPath(v.token),
  active: v.active === 1,
  checkInsToday,
});

/** A unit's venues by name, one page, each with today's number of check-ins (no personal data). */
export async function listVenues(
  db: Db,
  scope: Scope,
  f: { unit: string; limit: number; offset: number },
  today: string,
) {
  const unit = await unitInScope(db, scope, f.unit);
  const column = placeColumn('venues', unit.level);
  let q = db.db.selectFrom('venues');
  if (column) q = q.where(column, '=', unit.code);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('venues')
    .orderBy('venues.name')
    .orderBy('venues.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const counts = new Map<number, number>();
  if (rows.length)
    for (const c of await db.db
      .selectFrom('check_ins')
      .select(['venue_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(
        'venue_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('day', '=', today)
      .groupBy('venue_id')
      .execute())
      counts.set(Number(c.venue_id), Number(c.n));
  return { total: Number(total), venues: rows.map((r) => toVenue(r, counts.get(Number(r.id)) ?? 0)) };
}

async function venueOfToken(db: Db, token: string) {
  const venue = await db.db
    .selectFrom('venues')
    .selectAll()
    .where('token', '=', token)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!venue) throw venueNotFound();
  return venue;
}

/** The public page's venue: its name, kind and address, nothing else (and nothing about anyone). */
export async function venueForm(db: Db, token: string) {
  const v = await venueOfToken(db, token);
  return { name: v.name, kind: v.kind, address: v.address };
}

export interface CheckInInput {
  fullName: string;
  phone: string;
  birthYear: number;
  nationalId?: string | null;
}

const hashAddress = (ip: string | null) => (ip ? createHash('sha256').update(ip).digest('hex') : null);

/**
 * A check-in through a venue's QR, without an account. Throttled per address (rules/throttle.ts); the same
 * phone again at the venue within 30 minutes is the same check-in. Answers only the venue and the time: never
 * whether the person is known, or anything stored about them.
 */
export async function checkIn(
  db: Db,
  token: string,
  input: CheckInInput,
  ip: string | null,
  clock = new Date(),
  today = vietnamDay(clock),
) {
  const venue = await venueOfToken(db, token);
  const addressHash = hashAddress(ip);
  // The visit is on the app's day (an as-of day in a demo or a replay), at the clock's time of day.
  const shift = Date.parse(vietnamDayStart(today)) - Date.parse(vietnamDayStart(vietnamDay(clock)));
  const now = new Date(clock.getTime() + shift);
  const at = now.toISOString();
  return db.db.transaction().execute(async (trx) => {
    if (addressHash) {
      const since = new Date(now.getTime() - CHECK_IN_THROTTLE.windowMs).toISOString();
      const recent = await trx
        .selectFrom('check_ins')
        .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('at').as('oldest')])
        .where('address_hash', '=', addressHash)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
      if (checkInThrottled(Number(recent.n))) {
        const minutes = minutesToWait(String(recent.oldest), now);
        throw new AppError(429, 'too_many_check_ins', {
          vi: `Quá nhiều lượt check-in từ cùng một địa chỉ mạng. Vui lòng thử lại sau ${minutes} phút.`,
          en: `Too many check-ins from the same network address. Please try again in ${minutes} minutes.`,
        });
      }
    }
    const repeatSince = new Date(now.getTime() - CHECK_IN_THROTTLE.repeatMs).toISOString();
    const repeat = await trx
      .selectFrom('check_ins')
      .select('id')
      .where('venue_id', '=', venue.id)
      .where('phone', '=', input.phone)
      .where('at', '>', repeatSince)
      .executeTakeFirst();
    // The same answer as a new check-in: a repeat tells nothing about an earlier one.
    if (repeat) return { venue: venue.name, at };
    const { id } = await trx
      .insertInto('check_ins')
      .values({
        province_code: venue.province_code,
        commune_code: venue.commune_code,
        venue_id: venue.id,
        full_name: input.fullName.trim(),
        phone: input.phone,
        birth_year: input.birthYear,
        national_id: input.nationalId || null,
        day: today,
        at,
        address_hash: addressHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, db, { userId: null, username: `check-in:${venue.id}`, ip }, [
      { action: 'create', entity: 'check_in', entityId: Number(id), unitCode: venue.commune_code },
    ]);
    return { venue: venue.name, at };
  });
}

/** A venue's check-ins of a day (personal data: the read is audited). */
export async function venueCheckIns(db: Db, scope: Scope, venueId: number, day: string) {
  const venue = await db.db.selectFrom('venues').selectAll().where('id', '=', venueId).executeTakeFirst();
  if (!venue) throw venueNotFound();
  await recordInScope(db, scope, venue.commune_code, venueNotFound, venue);
  const rows = await db.db
    .selectFrom('check_ins')
    .select(['id', 'full_name', 'phone', 'birth_year', 'national_id', 'at'])
    .where('venue_id', '=', venueId)
    .where('day', '=', day)
    .orderBy('at')
    .limit(1000)
    .execute();
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'check_in',
      entityId: venueId,
      unitCode: venue.commune_code,
      details: { venueId, day, shown: rows.length },
    },
  ]);
  return {
    venue: toVenue(venue, rows.length),
    day,
    checkIns: rows.map((r) => ({
      id: Number(r.id),
      fullName: r.full_name,
      phone: r.phone,
      birthYear: r.birth_year,
      nationalId: r.national_id,
      at: r.at,
    })),
  };
}

/**
 * Lists (stores) the check-ins a case's venue visits exposed: the case's person's check-ins (same CCCD or
 * phone) inside the exposure window, and everyone else checked in at that venue that day. New ones only; in
 * one transaction with its audit row. Answers how many were new.
 */
export async function recordExposures(db: Db, actor: Scope, c: ConfirmedCase) {
  const window = exposureWindow(c);
  const person = (await personCards(db.db, [Number(c.person_id)])).get(Number(c.person_id));
  if (!window || !person || (!person.phone && !person.nationalId)) return 0;
  return db.db.transaction().execute(async (trx) => {
    const visits = await trx
      .selectFrom('check_ins')
      .select(['venue_id', 'day'])
      .where('day', '>=', window.from)
      .where('day', '<=', window.to)
      .where((eb) =>
        eb.or([
          ...(person.phone ? [eb('phone', '=', person.phone)] : []),
          ...(person.nationalId ? [eb('national_id', '=', person.nationalId)] : []),
        ]),
      )
      .execute();
    if (visits.length === 0) return 0;
    const candidates = await trx
      .selectFrom('check_ins')
      .innerJoin('venues', 'venues.id', 'check_ins.venue_id')
      .select([
        'check_ins.id',
        'check_ins.venue_id',
        'check_ins.day',
        'check_ins.phone',
        'check_ins.national_id',
        'venues.province_code',
        'venues.district_code',
        'venues.commune_code',
      ])
      .where((eb) =>
        eb.or(
          visits.map((v) =>
            eb.and([eb('check_ins.venue_id', '=', v.venue_id), eb('check_ins.day', '=', v.day)]),
          ),
        ),
      )
      .execute();
    const exposed = exposedCheckIns(window, person, candidates);
    const known = new Set(
      (
        await trx
          .selectFrom('venue_exposures')
          .select('check_in_id')
          .where('case_id', '=', Number(c.id))
          .execute()
      ).map((r) => Number(r.check_in_id)),
    );
    const fresh = exposed.filter((e) => !known.has(Number(e.checkIn.id)));
    if (fresh.length === 0) return 0;
    const now = new Date().toISOString();
    // In chunks (bulk-insert.ts): a busy market day is thousands of rows, past SQLite's variable limit.
    await insertRows(
      db,
      trx,
      'venue_exposures',
      fresh.map((e) => ({
        province_code: e.checkIn.province_code,
        district_code: e.checkIn.district_code,
        commune_code: e.checkIn.commune_code,
        case_id: Number(c.id),
        check_in_id: Number(e.checkIn.id),
        visit_id: e.visitId,
        status: 'listed',
        contact_id: null,
        created_at: now,
      })),
    );
    const communes = [...new Set(fresh.map((e) => e.checkIn.commune_code))];
    await appendAudit(
      trx,
      db,
      actor,
      communes.map((code) => ({
        action: 'create' as const,
        entity: 'venue_exposure',
        entityId: Number(c.id),
        unitCode: code,
        details: {
          caseId: Number(c.id),
          listed: fresh.filter((e) => e.checkIn.commune_code === code).length,
        },
      })),
    );
    return fresh.length;
  });
}

const exposureQuery = (q: Kysely<Database>) =>
  q
    .selectFrom('venue_exposures as e')
    .innerJoin('check_ins as c', 'c.id', 'e.check_in_id')
    .innerJoin('venues as v', 'v.id', 'c.venue_id')
    .select([
      'e.id',
      'e.case_id',
      'e.status',
      'e.contact_id',
      'e.commune_code',
      'c.id as check_in_id',
      'c.full_name',
      'c.phone',
      'c.birth_year',
      'c.national_id',
      'c.day',
      'c.at',
      'v.id as venue_id',
      'v.name as venue_name',
    ]);
type ExposureRow = Awaited<ReturnType<ReturnType<typeof exposureQuery>['execute']>>[number];
const toExposure = (r: ExposureRow) => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  status: r.status as 'listed' | 'contact',
  contactId: r.contact_id === null ? null : Number(r.contact_id),
  communeCode: r.commune_code,
  checkInId: Number(r.check_in_id),
  fullName: r.full_name,
  phone: r.phone,
  birthYear: r.birth_year,
  nationalId: r.national_id,
  day: r.day,
  at: r.at,
  venueId: Number(r.venue_id),
  venueName: r.venue_name,
});

/** Exposures at venues within the caller's jurisdiction (personal data: the read is audited). */
async function exposuresInScope(
  db: Db,
  scope: Scope,
  filter: { caseId?: number; unit?: string; status?: 'listed' | 'contact' },
  page: { limit: number; offset: number },
) {
  const unit = await unitInScope(db, scope, filter.unit ?? scope.unitCode);
  const column = placeColumn('e', unit.level);
  let q = exposureQuery(db.db);
  if (column) q = q.where(column, '=', unit.code);
  if (filter.caseId) q = q.where('e.case_id', '=', filter.caseId);
  if (filter.status) q = q.where('e.status', '=', filter.status);
  const rows = await q
    .orderBy('e.case_id', 'desc')
    .orderBy('c.at')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  if (rows.length)
    await recordAudit(db, scope, [
      {
        action: 'read',
        entity: 'venue_exposure',
        entityId: filter.caseId ?? null,
        unitCode: unit.code,
        details: { ...filter, shown: rows.length },
      },
    ]);
  return rows.map(toExposure);
}

/** The exposures of a unit's venues, case by case, one page (the follow-up list). */
export async function listExposures(
  db: Db,
  scope: Scope,
  f: { unit: string; status?: 'listed' | 'contact'; limit: number; offset: number },
) {
  return { exposures: await exposuresInScope(db, scope, f, f) };
}

/** On demand for a case the caller sees: lists what its visits exposed (anew), then shows those in scope. */
export async function exposuresOfCase(db: Db, scope: Scope, caseId: number) {
  const c = await caseInScope(db, scope, caseId);
  const window = exposureWindow(c);
  await recordExposures(db, scope, { ...c, id: Number(c.id), person_id: Number(c.person_id) });
  return {
    caseId,
    window,
    exposures: await exposuresInScope(db, scope, { caseId }, { limit: 500, offset: 0 }),
  };
}

/** The registry person a check-in is: by CCCD, else by phone in the venue's commune, else registered anew. */
async function personOfCheckIn(db: Db, scope: Scope, e: ReturnType<typeof toExposure>, communeCode: string) {
  if (e.nationalId) {
    const [holder] = await holdersOfNationalIds(db.db, [e.nationalId]);
    if (holder?.person) return Number(holder.person.id);
  }
  const [byPhone] = await findByPhone(db.db, communeCode, e.phone);
  if (byPhone) return byPhone.id;
  const unit = await unitInScope(db, scope, communeCode);
  const [id] = await writeAudited(
    db,
    scope,
    (trx) =>
      createPersons(
        db,
        trx,
        [
          {
            person: {
              fullName: e.fullName,
              birthDate: null,
              birthYear: e.birthYear,
              sex: null,
              nationalId: e.nationalId,
              phone: e.phone,
              villageId: null,
              address: null,
              householdHead: null,
              relationToHead: null,
              occupation: null,
              priorityGroups: [],
              status: 'resident',
              note: null,
            },
            place: {
              province_code: unit.province_code!,
              district_code: unit.district_code!,
              commune_code: unit.code,
            },
          },
        ],
        { note: `Check-in tại ${e.venueName} (${e.day})`, kind: 'check-in', id: e.checkInId },
      ),
    (ids) => ({
      action: 'create',
      entity: 'person',
      entityId: ids[0]!,
      unitCode: communeCode,
      details: { source: 'check-in' },
    }),
  );
  return id!;
}

/**
 * One action: every listed exposure of a case at the caller's venues becomes an F1 contact of the case (the
 * cases feature's F1 workflow sets the quarantine), its person found in the registry or registered (flagged for
 * review). Answers the exposures it changed, and those it could not (with the reason).
 */
export async function makeContacts(db: Db, scope: Scope, caseId: number, today: string) {
  await caseInScope(db, scope, caseId);
  const listed = await exposuresInScope(db, scope, { caseId, status: 'listed' }, { limit: 500, offset: 0 });
  const changed: ReturnType<typeof toExposure>[] = [];
  const skipped: { id: number; message: { vi: string; en: string } }[] = [];
  const done = new Map<number, number>();
  for (const e of listed) {
    try {
      const personId = await personOfCheckIn(db, scope, e, e.communeCode);
      let contactId = done.get(personId);
      if (contactId === undefined) {
        if (!(await isPersonInScope(db, scope, personId)))
          throw notFound({ vi: 'Người này ngoài địa bàn.', en: 'This person is outside your area.' });
        const contact = await addContact(
          db,
          scope,
          caseId,
          { personId, exposureDate: e.day, setting: `Check-in: ${e.venueName}` },
          today,
        );
        contactId = contact.id;
        done.set(personId, contactId);
      }
      await db.db
        .updateTable('venue_exposures')
        .set({ status: 'contact', contact_id: contactId })
        .where('id', '=', e.id)
        .execute();
      changed.push({ ...e, status: 'contact', contactId });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      skipped.push({ id: e.id, message: err.text });
    }
  }
  return { exposures: changed, skipped };
}
