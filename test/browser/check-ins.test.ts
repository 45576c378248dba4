import { beforeAll, describe, expect, it } from 'vitest';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { PHONE, tapCounter, useBrowserRig } from '../support/browser.ts';
import { call, login } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

/**
 * Journey 8 on a 360-px phone: a stall owner scans the market's QR and checks in without an account, as does a
 * trader; the trader tests positive; the commune officer finds the stall owner on the list of possible contacts
 * and makes them F1 in one tap, with the quarantine the cases feature gives.
 */
const COMMUNE = '06385';
const TRADER = { name: 'Vi Thị Thoa', phone: '0912777001' };

describe('journey 8: a market check-in becomes a contact when a trader is confirmed', () => {
  const rig = useBrowserRig();
  let qrUrl = '';
  let traderId = 0;

  beforeAll(async () => {
    const officer = await login(rig.server.base, `demo.xa.${COMMUNE}`);
    const res = await call(rig.server.base, officer, 'POST', '/api/venues', {
      unit: COMMUNE,
      name: 'Chợ Mẹt',
      kind: 'market',
    });
    qrUrl = `${rig.server.base}${(await res.json()).path}`;
    const db = rig.server.app.db;
    const [id] = await insertPersonRows(db, db.db, [
      personRow(
        personInput({
          fullName: TRADER.name,
          birthDate: '1979-03-08',
          birthYear: 1979,
          sex: 'female',
          phone: TRADER.phone,
        }),
        { province_code: '20', district_code: '186', commune_code: COMMUNE },
        { now: new Date().toISOString() },
      ),
    ]);
    traderId = id!;
  }, 60_000);

  it('the stall owner and the trader check in by the QR, no account, one tap each', async () => {
    const page = await (await rig.browser.newContext({ viewport: PHONE, locale: 'vi-VN' })).newPage();
    await page.goto(qrUrl);
    await expect.poll(() => page.getByTestId('check-in-venue').textContent()).toBe('Chợ Mẹt');
    const taps = await tapCounter(page);
    for (const who of [
      { name: 'Đinh Văn Khải', phone: '0987 111 222', year: '1968' },
      { name: TRADER.name, phone: TRADER.phone, year: '1979' },
    ]) {
      await page.getByLabel('Họ và tên').fill(who.name);
      await page.getByLabel('Số điện thoại').fill(who.phone);
      await page.getByLabel('Năm sinh').fill(who.year);
      await page.getByTestId('check-in-submit').click();
      await expect
        .poll(() => page.getByTestId('check-in-done').textContent())
        .toContain('Đã check-in tại Chợ Mẹt');
      if (who.name !== TRADER.name)
        await page.getByRole('button', { name: 'Check-in cho người khác' }).click();
    }
    expect(taps()).toBe(3);
  }, 30_000);

  it('the trader is confirmed: the officer makes the stall owner F1 in one tap', async () => {
    const officer = await login(rig.server.base, `demo.xa.${COMMUNE}`);
    const { today } = (await (await fetch(`${rig.server.base}/api/calendar`)).json()) as { today: string };
    const confirmed = await call(rig.server.base, officer, 'POST', '/api/cases', {
      personId: traderId,
      sampleDate: today,
      testKind: 'rapidAntigen',
      placeOfCare: 'home',
    });
    expect(confirmed.status).toBe(200);
    const caseId = (await confirmed.json()).id;

    const page = await rig.loginAs(`demo.xa.${COMMUNE}`, PHONE);
    page.setDefaultTimeout(10_000);
    const taps = await tapCounter(page);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('#main-nav').getByRole('link', { name: 'Check-in QR' }).click();
    await page.getByTestId('exposures-link').click();
    const group = page.getByTestId('exposure-case').filter({ hasText: `Ca bệnh mã ${caseId}` });
    await expect.poll(() => group.getByTestId('exposure').textContent()).toContain('Đinh Văn Khải');
    await group.getByTestId('make-contacts').click();
    await expect
      .poll(() => group.getByTestId('contacts-made').textContent())
      .toBe('Đã chuyển 1 người thành F1.');
    console.log(`journey 8, the officer makes the contacts: ${taps()} taps`);
    expect(taps()).toBeLessThanOrEqual(4);

    // In the cases feature's F1 workflow, with its quarantine order.
    const contact = await rig.server.app.db.db
      .selectFrom('contacts')
      .innerJoin('persons', 'persons.id', 'contacts.person_id')
      .select(['persons.full_name', 'persons.phone', 'contacts.exposure_date', 'contacts.quarantine_ends_on'])
      .where('contacts.case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ full_name: 'Đinh Văn Khải', phone: '0987111222', exposure_date: today });
    expect(contact.quarantine_ends_on > today).toBe(true);
  }, 60_000);
});
