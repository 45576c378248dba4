/**
 * The demo's quarantine decision and deferrals: in the district's first commune (the one whose checks the
 * demo fills), one decision of the day for its contacts still in quarantine, most copies delivered (one
 * refused, one not yet); and the vaccination of the commune's recovered cases deferred by rules.md §6.
 * Through the stores (audited like a user's work); a few dozen rows, well under a second.
 */
import { addDays } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import { unitTree } from '../admin-units/index.ts';
import { systemScope } from '../auth/index.ts';
import { deferVaccination } from '../vaccination/index.ts';
import { recoveryOf } from './cases-store.ts';
import { createQuarantineOrder, orderCandidates, quarantineOrder, recordDelivery } from './orders-store.ts';

const ORDER_SIZE = 8;

export async function seedDemoOrders(db: Db, area: { districtCode: string; today: string }) {
  const scope = systemScope('demo');
  const commune = (await unitTree(db)).children(area.districtCode)[0];
  if (!commune) return;
  const recovered = await db.db
    .selectFrom('cases')
    .selectAll()
    .where('commune_code', '=', commune.code)
    .where('status', '=', 'recovered')
    .execute();
  await db.db.transaction().execute((trx) =>
    deferVaccination(
      trx,
      db,
      scope,
      recovered.map((c) => recoveryOf(c, c.outcome_on!)),
      area.today,
    ),
  );
  const { contacts } = await orderCandidates(db, scope, commune.code, area.today);
  if (!contacts.length) return;
  const issuedOn = addDays(area.today, -1);
  const order = await createQuarantineOrder(
    db,
    scope,
    {
      unit: commune.code,
      number: '26/QĐ-UBND',
      issuedOn,
      signerName: 'Hoàng Văn Thành',
      signerTitle: 'Chủ tịch',
      contactIds: contacts.slice(0, ORDER_SIZE).map((c) => c.contactId),
    },
    area.today,
  );
  const { lines } = await quarantineOrder(db, scope, order.id);
  for (const [i, line] of lines.entries()) {
    if (i === lines.length - 1 && lines.length > 1) break; // one copy not yet delivered
    const refused = i === 1;
    await recordDelivery(
      db,
      scope,
      line.id,
      {
        deliveredBy: 'Tổ COVID cộng đồng thôn',
        deliveredAt: `${issuedOn}T${String(8 + Math.floor(i / 3)).padStart(2, '0')}:${String((i % 3) * 20).padStart(2, '0')}`,
        outcome: refused ? 'refused' : 'received',
        receivedBy: refused ? 'Trưởng thôn (chứng kiến)' : i % 2 ? 'Vợ' : line.fullName,
      },
      area.today,
    );
  }
}
