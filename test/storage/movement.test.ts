import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/features/auth/rules.ts';
import {
  DECLARATION_THROTTLE,
  declareArrival,
  declareArrivalPublic,
  listArrivals,
} from '../../src/features/movement/arrivals-store.ts';
import {
  checkpointShifts,
  closeCheckpoint,
  handOverShift,
  openCheckpoint,
  recordShift,
} from '../../src/features/movement/checkpoints-store.ts';
import {
  decideGathering,
  listGatherings,
  requestGathering,
} from '../../src/features/movement/gatherings-store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

const TODAY = '2022-01-15';
const district: Scope = { userId: 1, username: 'huyen', role: 'leader', unitCode: '186', ip: '127.0.0.1' };
const commune: Scope = { ...district, username: 'xa', role: 'officer', unitCode: '06385' };
const outsider: Scope = { ...district, username: 'xa-khac', unitCode: '06400' };

describe.each(ENGINES)('arrivals, checkpoints and gatherings on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  beforeAll(async () => {
    db = await seededDb(engine);
  });
  afterAll(() => db.close());

  it('keeps an arrival with its plan by the rule set of its date, listed while something is due', async () => {
    const a = await declareArrival(
      db,
      commune,
      {
        fullName: 'Hoàng Văn Nam',
        originCode: '00004', // Hà Nội, Ba Đình
        arrivalDate: '2022-01-12',
        vaccination: 'partial',
        stay: { communeCode: '06385', address: 'Thôn Đồng Tâm' },
      },
      TODAY,
    );
    expect(a.ruleSet.id).toBe('NQ-128-QD-4800');
    expect(a.dueBy >= '2022-01-18').toBe(true);
    const list = await listArrivals(db, commune, '06385', TODAY, { limit: 50, offset: 0 });
    expect(list.arrivals.map((x) => x.id)).toContain(a.id);
    expect((await listArrivals(db, district, '186', TODAY, { limit: 50, offset: 0 })).total).toBe(list.total);
    expect(
      (await listArrivals(db, commune, '06385', addDay(a.dueBy), { limit: 50, offset: 0 })).arrivals.map(
        (x) => x.id,
      ),
    ).not.toContain(a.id);
    await expect(listArrivals(db, outsider, '06385', TODAY, { limit: 50, offset: 0 })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      declareArrival(
        db,
        outsider,
        {
          fullName: 'X',
          originCode: '00004',
          arrivalDate: TODAY,
          vaccination: 'full',
          stay: { communeCode: '06385' },
        },
        TODAY,
      ),
    ).rejects.toMatchObject({ status: 403 });
    const audit = await db.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', '=', 'arrival')
      .execute();
    expect(audit.map((r) => r.action).sort()).toEqual(['create', 'read', 'read', 'read']);
  });

  it('commits concurrent public declarations together, each audited by its own address, each address counted', async () => {
    const input = (n: number) => ({
      fullName: `Khách ${n}`,
      originCode: '09205',
      arrivalDate: TODAY,
      vaccination: 'full' as const,
      stay: { communeCode: '06385', address: 'Nhà bố mẹ' },
    });
    const ip = (n: number) => `10.9.${n % 3}.1`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) => declareArrivalPublic(db, input(n), TODAY, ip(n))),
    );
    expect(answers.every((a) => a.status === 'received')).toBe(true);
    const stored = await db.db
      .selectFrom('arrivals')
      .select(['id', 'full_name'])
      .where('full_name', 'like', 'Khách %')
      .execute();
    expect(stored).toHaveLength(12);
    const audit = await db.db
      .selectFrom('audit_log')
      .select(['entity_id', 'ip', 'username'])
      .where('entity', '=', 'arrival')
      .where(
        'entity_id',
        'in',
        stored.map((a) => String(a.id)),
      )
      .execute();
    const byId = new Map(stored.map((a) => [String(a.id), Number(a.full_name.slice(6))]));
    expect(audit).toHaveLength(12);
    for (const e of audit) expect([e.username, e.ip]).toEqual(['public', ip(byId.get(e.entity_id!)!)]);
    const counters = await db.db
      .selectFrom('login_throttle')
      .select(['ip', 'failures'])
      .where('username', '=', '#arrival-declaration')
      .where('ip', 'like', '10.9.%')
      .orderBy('ip')
      .execute();
    expect(counters).toEqual([0, 1, 2].map((k) => ({ ip: `10.9.${k}.1`, failures: 4 })));
    // Concurrent declarations from one address beyond its allowance (the 31st still free, as one by one): the
    // ones not yet committed count too.
    const flood = await Promise.allSettled(
      Array.from({ length: DECLARATION_THROTTLE.free + 5 }, (_, n) =>
        declareArrivalPublic(db, input(100 + n), TODAY, '10.9.9.9'),
      ),
    );
    expect(flood.filter((r) => r.status === 'fulfilled')).toHaveLength(DECLARATION_THROTTLE.free + 1);
    expect(flood.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 429 } });
  });

  it('opens a checkpoint by decision, records one shift per slot, hands over once, closes by decision', async () => {
    const opening = {
      communeCode: '06385',
      name: 'Chốt QL1A',
      place: 'Km 90',
      decisionNumber: ' 15/QĐ-UBND ',
      decisionDate: '2022-01-05',
      signerName: 'Hoàng Văn Thành',
      signerTitle: 'Chủ tịch UBND thị trấn Hữu Lũng',
    };
    // A decision is dated on the app's calendar: not after today.
    await expect(
      openCheckpoint(db, district, { ...opening, decisionDate: '2022-01-16' }, TODAY),
    ).rejects.toMatchObject({ status: 422, fields: [{ field: 'decisionDate' }] });
    const cp = await openCheckpoint(db, district, opening, TODAY);
    expect(cp.opened).toEqual({
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2022-01-05',
      signerName: 'Hoàng Văn Thành',
      signerTitle: 'Chủ tịch UBND thị trấn Hữu Lũng',
    });
    const shift = {
      day: '2022-01-14',
      shift: 'morning' as const,
      staff: ['Công an xã'],
      countIn: 100,
      countOut: 90,
      turnedBack: 2,
      sentToTesting: 3,
    };
    const s = await recordShift(db, commune, cp.id, shift);
    await expect(recordShift(db, commune, cp.id, shift)).rejects.toMatchObject({ status: 409 });
    await expect(recordShift(db, commune, cp.id, { ...shift, day: '2022-01-01' })).rejects.toMatchObject({
      status: 422,
    });
    await expect(recordShift(db, outsider, cp.id, { ...shift, shift: 'night' })).rejects.toMatchObject({
      status: 404,
    });
    expect((await handOverShift(db, commune, s.id, 'Ca chiều', null)).handover?.to).toBe('Ca chiều');
    await expect(handOverShift(db, commune, s.id, 'Ca chiều', null)).rejects.toMatchObject({ status: 409 });
    expect((await checkpointShifts(db, commune, cp.id, 10)).totals).toEqual({
      countIn: 100,
      countOut: 90,
      turnedBack: 2,
      sentToTesting: 3,
    });
    const closing = {
      decisionNumber: '20/QĐ-UBND',
      decisionDate: '2022-01-14',
      signerName: 'Lương Thị Hạnh',
      signerTitle: 'Phó Chủ tịch UBND thị trấn Hữu Lũng',
    };
    for (const decisionDate of ['2022-01-01', '2022-01-16'])
      await expect(
        closeCheckpoint(db, district, cp.id, { ...closing, decisionDate }, TODAY),
      ).rejects.toMatchObject({ status: 422, fields: [{ field: 'decisionDate' }] });
    const closed = await closeCheckpoint(db, district, cp.id, closing, TODAY);
    expect([closed.status, closed.closed]).toEqual(['closed', closing]);
    await expect(recordShift(db, commune, cp.id, { ...shift, day: '2022-01-15' })).rejects.toMatchObject({
      status: 422,
    });
    const audit = await db.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity', '=', 'checkpoint')
      .where('entity_id', '=', String(cp.id))
      .orderBy('id')
      .execute();
    expect(
      audit.map((a) => [a.action, JSON.parse(a.details).opened ?? JSON.parse(a.details).closed]),
    ).toEqual([
      ['create', cp.opened],
      ['update', closing],
    ]);
  });

  it('requests an event with its conditions, refuses only with reasons, lists the approved of the week', async () => {
    const input = {
      communeCode: '06385',
      name: 'Hội xuân',
      kind: 'festival' as const,
      organiser: 'UBND xã',
      place: 'Sân vận động',
      venue: 'outdoor' as const,
      date: '2022-02-05',
      participants: 150,
      allParticipantsCovered: true,
    };
    const g = await requestGathering(db, commune, input, TODAY);
    expect(g.conditions.ruleSet.id).toBe('QD-218-BYT');
    expect(g.status).toBe('requested');
    const signed = {
      decisionNumber: '125/QĐ-UBND',
      decisionDate: '2022-01-14',
      signerName: 'Hoàng Văn Thành',
      signerTitle: 'Chủ tịch UBND thị trấn Hữu Lũng',
    };
    await expect(
      decideGathering(db, district, g.id, { decision: 'refuse', ...signed }, TODAY),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      decideGathering(db, outsider, g.id, { decision: 'approve', reason: 'x', ...signed }, TODAY),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      decideGathering(
        db,
        district,
        g.id,
        { decision: g.conditions.proposal, ...signed, decisionDate: '2022-01-16' },
        TODAY,
      ),
    ).rejects.toMatchObject({ status: 422, fields: [{ field: 'decisionDate' }] });
    const decided = await decideGathering(
      db,
      district,
      g.id,
      { decision: g.conditions.proposal, reason: 'Đủ điều kiện', ...signed },
      TODAY,
    );
    expect(decided.status).toBe(g.conditions.proposal === 'approve' ? 'approved' : 'refused');
    expect(decided.decided).toEqual(signed);
    await expect(
      decideGathering(db, district, g.id, { decision: 'refuse', reason: 'x', ...signed }, TODAY),
    ).rejects.toMatchObject({ status: 409, code: 'decided' });
    const week = await listGatherings(db, district, '186', {
      from: '2022-01-31',
      to: '2022-02-06',
      status: decided.status,
      limit: 50,
      offset: 0,
    });
    expect(week.gatherings.map((x) => x.id)).toEqual([g.id]);
  });
});

function addDay(day: string) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
