/**
 * Bulk quarantine decisions (quyết định cách ly) of a commune: one decision for many close contacts (F1) at
 * once, each with the end date and test days of its own plan (the rule set in force on its exposure day,
 * rules/quarantine.ts, fixed when it was listed), printed on A4, and one delivery record per person (biên
 * bản giao nhận: who delivered it, when, received by whom or refused). A commune issues decisions for the
 * contacts who live in it (a contact's identity is its commune's); every read and change is audited.
 */
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope, unitTree } from '../admin-units/index.ts';
import { recordAudit, writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { personCards } from '../persons/index.ts';
import './order-tables.ts';
import { type DeliveryFacts, deliveryProblems, orderProblems } from './rules/order-input.ts';

const orderNotFound = () =>
  notFound({ vi: 'Không tìm thấy quyết định cách ly.', en: 'Quarantine decision not found.' });

function refuse(problems: { field: string; message: { vi: string; en: string } }[]) {
  if (problems.length) throw badRequest(problems[0]!.message, problems);
}

async function communeOf(db: Db, scope: Scope, code: string) {
  const commune = await unitInScope(db, scope, code);
  if (commune.level !== 3) {
    const message = {
      vi: 'Quyết định cách ly do một xã ban hành: chọn mã xã.',
      en: 'A quarantine decision is issued by a commune: give a commune code.',
    };
    throw badRequest(message, [{ field: 'unit', message }]);
  }
  return commune;
}

/** Who a line shows: name, birth, ID, address in the commune (personal data). */
async function people(db: Db, personIds: number[], communeName: string) {
  const cards = await personCards(db.db, personIds);
  return (id: number) => {
    const p = cards.get(id);
    return {
      fullName: p?.fullName ?? '',
      birthDate: p?.birthDate ?? null,
      birthYear: p?.birthYear ?? null,
      nationalId: p?.nationalId ?? null,
      phone: p?.phone ?? null,
      address: [p?.villageName, communeName].filter(Boolean).join(', '),
    };
  };
}

/**
 * The commune's contacts a decision can name: still in quarantine today (or later), not become a case, not in
 * a decision yet; oldest exposure first. Personal data: audited.
 */
export async function orderCandidates(db: Db, scope: Scope, unitCode: string, today: string) {
  const commune = await communeOf(db, scope, unitCode);
  const rows = await db.db
    .selectFrom('contacts as c')
    .leftJoin('quarantine_order_items as i', 'i.contact_id', 'c.id')
    .select([
      'c.id',
      'c.person_id',
      'c.case_id',
      'c.exposure_date',
      'c.quarantine_ends_on',
      'c.monitoring_ends_on',
      'c.test_dates',
      'c.rule_set_id',
    ])
    .where('c.commune_code', '=', commune.code)
    .where('c.became_case_id', 'is', null)
    .where('c.quarantine_ends_on', '>=', today)
    .where('i.id', 'is', null)
    .orderBy('c.exposure_date')
    .orderBy('c.id')
    .limit(500)
    .execute();
  const who = await people(
    db,
    rows.map((r) => Number(r.person_id)),
    commune.name_with_type,
  );
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'contact',
      unitCode: commune.code,
      details: { orderCandidates: true, ids: rows.slice(0, 200).map((r) => Number(r.id)) },
    },
  ]);
  return {
    contacts: rows.map((r) => ({
      contactId: Number(r.id),
      personId: Number(r.person_id),
      caseId: Number(r.case_id),
      exposureDate: r.exposure_date,
      quarantineEndsOn: r.quarantine_ends_on,
      testDates: JSON.parse(r.test_dates) as string[],
      ruleSetId: r.rule_set_id,
      fullName: who(Number(r.person_id)).fullName,
    })),
  };
}

export interface OrderInput {
  unit: string;
  number: string;
  issuedOn: string;
  signerName: string;
  signerTitle: string;
  contactIds: number[];
}

/** Issues a decision for the chosen contacts of the commune; each line copies the contact's quarantine. */
export async function createQuarantineOrder(db: Db, scope: Scope, input: OrderInput, today: string) {
  const commune = await communeOf(db, scope, input.unit);
  refuse(orderProblems(input, today));
  const contacts = await db.db
    .selectFrom('contacts')
    .selectAll()
    .where('id', 'in', input.contactIds)
    .execute();
  const byId = new Map(contacts.map((c) => [Number(c.id), c]));
  const taken = new Set(
    (
      await db.db
        .selectFrom('quarantine_order_items')
        .select('contact_id')
        .where('contact_id', 'in', input.contactIds)
        .execute()
    ).map((r) => Number(r.contact_id)),
  );
  refuse(
    input.contactIds.flatMap((id, i) => {
      const c = byId.get(id);
      const field = `contactIds.${i}`;
      // Another commune's contact is answered like a missing one: its identity is not this commune's.
      if (!c || c.commune_code !== commune.code)
        return [
          {
            field,
            message: { vi: `Không có F1 mã ${id} ở xã này.`, en: `No contact ${id} in this commune.` },
          },
        ];
      if (taken.has(id))
        return [
          {
            field,
            message: {
              vi: `F1 mã ${id} đã có trong một quyết định khác.`,
              en: `Contact ${id} is already in another decision.`,
            },
          },
        ];
      if (c.became_case_id !== null)
        return [
          { field, message: { vi: `F1 mã ${id} đã thành F0.`, en: `Contact ${id} has become a case.` } },
        ];
      return [];
    }),
  );
  const duplicate = await db.db
    .selectFrom('quarantine_orders')
    .select('id')
    .where('province_code', '=', commune.province_code!)
    .where('commune_code', '=', commune.code)
    .where('number', '=', input.number.trim())
    .executeTakeFirst();
  if (duplicate) {
    const message = {
      vi: 'Xã đã có quyết định mang số này.',
      en: 'The commune already has a decision with this number.',
    };
    throw conflict(message, [{ field: 'number', message }]);
  }
  const id = await writeAudited(
    db,
    scope,
    async (trx) => {
      const { id } = await trx
        .insertInto('quarantine_orders')
        .values({
          province_code: commune.province_code!,
          district_code: commune.district_code!,
          commune_code: commune.code,
          number: input.number.trim(),
          issued_on: input.issuedOn,
          signer_name: input.signerName.trim(),
          signer_title: input.signerTitle.trim(),
          created_by: scope.userId,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('quarantine_order_items')
        .values(
          input.contactIds.map((contactId) => {
            const c = byId.get(contactId)!;
            return {
              province_code: c.province_code,
              commune_code: c.commune_code,
              order_id: Number(id),
              contact_id: contactId,
              person_id: Number(c.person_id),
              exposure_date: c.exposure_date,
              quarantine_ends_on: c.quarantine_ends_on,
              monitoring_ends_on: c.monitoring_ends_on,
              test_dates: c.test_dates,
              rule_set_id: c.rule_set_id,
              delivered_by: null,
              delivered_at: null,
              delivery_outcome: null,
              received_by: null,
              delivery_note: null,
              delivery_recorded_by: null,
            };
          }),
        )
        .execute();
      return Number(id);
    },
    (orderId) => ({
      action: 'create',
      entity: 'quarantine_order',
      entityId: orderId,
      unitCode: commune.code,
      details: { number: input.number, contacts: input.contactIds.length },
    }),
  );
  return orderSummary(db, id);
}

async function orderSummary(db: Db, id: number) {
  const order = await db.db
    .selectFrom('quarantine_orders as o')
    .select([
      'o.id',
      'o.commune_code',
      'o.number',
      'o.issued_on',
      'o.signer_name',
      'o.signer_title',
      (eb) =>
        eb
          .selectFrom('quarantine_order_items as i')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('i.order_id', '=', 'o.id')
          .as('persons'),
      (eb) =>
        eb
          .selectFrom('quarantine_order_items as i')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('i.order_id', '=', 'o.id')
          .where('i.delivery_outcome', 'is not', null)
          .as('delivered'),
    ])
    .where('o.id', '=', id)
    .executeTakeFirstOrThrow();
  return summaryOut(order);
}

const summaryOut = (o: {
  id: number;
  commune_code: string;
  number: string;
  issued_on: string;
  signer_name: string;
  signer_title: string;
  persons: number | string | bigint | null;
  delivered: number | string | bigint | null;
}) => ({
  id: Number(o.id),
  communeCode: o.commune_code,
  number: o.number,
  issuedOn: o.issued_on,
  signerName: o.signer_name,
  signerTitle: o.signer_title,
  persons: Number(o.persons ?? 0),
  delivered: Number(o.delivered ?? 0),
});

/** A unit's decisions, newest first, one page, with how many lines and how many were delivered. */
export async function listQuarantineOrders(
  db: Db,
  scope: Scope,
  f: { unit: string; limit: number; offset: number },
) {
  const unit = await unitInScope(db, scope, f.unit);
  const column = unit.level === 1 ? 'province_code' : unit.level === 2 ? 'district_code' : 'commune_code';
  let base = db.db.selectFrom('quarantine_orders as o');
  if (unit.level > 0) base = base.where(`o.${column}`, '=', unit.code);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await base
    .select('o.id')
    .orderBy('o.issued_on', 'desc')
    .orderBy('o.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const orders = [];
  for (const { id } of ids) orders.push(await orderSummary(db, Number(id)));
  return { total: Number(total.n), orders };
}

async function orderInScope(db: Db, scope: Scope, id: number) {
  const order = await db.db
    .selectFrom('quarantine_orders')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!order) throw orderNotFound();
  return recordInScope(db, scope, order.commune_code, orderNotFound, order);
}

type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];
const itemsOf = (db: Db, orderId: number) =>
  db.db
    .selectFrom('quarantine_order_items')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();

const lineOut = (i: ItemRow, who: ReturnType<Awaited<ReturnType<typeof people>>>) => ({
  id: Number(i.id),
  contactId: Number(i.contact_id),
  personId: Number(i.person_id),
  ...who,
  exposureDate: i.exposure_date,
  quarantineEndsOn: i.quarantine_ends_on,
  monitoringEndsOn: i.monitoring_ends_on,
  testDates: JSON.parse(i.test_dates) as string[],
  ruleSetId: i.rule_set_id,
  delivery: i.delivery_outcome
    ? {
        deliveredBy: i.delivered_by!,
        deliveredAt: i.delivered_at!,
        outcome: i.delivery_outcome as DeliveryFacts['outcome'],
        receivedBy: i.received_by,
        note: i.delivery_note,
      }
    : null,
});

/** The decision as printed: the issuing unit, number, day, signer and every person's line. Audited read. */
export async function quarantineOrder(db: Db, scope: Scope, id: number) {
  const order = await orderInScope(db, scope, id);
  const tree = await unitTree(db);
  const commune = tree.get(order.commune_code)!;
  const district = tree.get(order.district_code);
  const items = await itemsOf(db, Number(order.id));
  const who = await people(
    db,
    items.map((i) => Number(i.person_id)),
    commune.name_with_type,
  );
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'quarantine_order',
      entityId: Number(order.id),
      unitCode: order.commune_code,
      details: { persons: items.length },
    },
  ]);
  return {
    ...(await orderSummary(db, Number(order.id))),
    issuer: `Ủy ban nhân dân ${commune.name_with_type}`,
    commune: commune.name_with_type,
    district: district?.name_with_type ?? null,
    lines: items.map((i) => lineOut(i, who(Number(i.person_id)))),
  };
}

/** Records (or corrects) the delivery of one person's copy; answers that line. */
export async function recordDelivery(
  db: Db,
  scope: Scope,
  lineId: number,
  input: DeliveryFacts & { note?: string | null },
  today: string,
) {
  const lineNotFound = () =>
    notFound({ vi: 'Không có người này trong quyết định.', en: 'No such line in a decision.' });
  const item = await db.db
    .selectFrom('quarantine_order_items')
    .selectAll()
    .where('id', '=', lineId)
    .executeTakeFirst();
  if (!item) throw lineNotFound();
  const order = await orderInScope(db, scope, Number(item.order_id)).catch((e) =>
    Promise.reject(e.status === 404 ? lineNotFound() : e),
  );
  refuse(deliveryProblems(input, order.issued_on, today));
  const set = {
    delivered_by: input.deliveredBy.trim(),
    delivered_at: input.deliveredAt,
    delivery_outcome: input.outcome,
    received_by:
      input.outcome === 'received' ? (input.receivedBy?.trim() ?? null) : input.receivedBy?.trim() || null,
    delivery_note: input.note?.trim() || null,
    delivery_recorded_by: scope.userId,
  };
  await writeAudited(
    db,
    scope,
    (trx) => trx.updateTable('quarantine_order_items').set(set).where('id', '=', item.id).execute(),
    {
      action: 'update',
      entity: 'quarantine_order_delivery',
      entityId: Number(item.id),
      unitCode: order.commune_code,
      details: { orderId: Number(order.id), outcome: input.outcome, deliveredAt: input.deliveredAt },
    },
  );
  const commune = (await unitTree(db)).get(order.commune_code)!;
  const who = await people(db, [Number(item.person_id)], commune.name_with_type);
  return lineOut({ ...item, ...set }, who(Number(item.person_id)));
}
