import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../../web/api.ts';
import { useToday } from '../../../../web/calendar.ts';
import { ErrorNotice } from '../../../../web/ErrorNotice.tsx';
import { FormField } from '../../../../web/FormField.tsx';
import { isoDateToText } from '../../../../web/format.ts';
import { Loading } from '../../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../../web/session.ts';
import { useDocumentTitle } from '../../../../web/useDocumentTitle.ts';
import { type OrderLine, useOrder, useRecordDelivery } from './orders-api.ts';
import '../cases.css';

const birthOf = (l: OrderLine) => (l.birthDate ? isoDateToText(l.birthDate) : String(l.birthYear ?? ''));
const whenText = (at: string) => `${at.slice(11, 16)} ${isoDateToText(at.slice(0, 10))}`;

/** The delivery record of one person's copy (biên bản giao nhận), filled on the doorstep. */
function DeliveryForm({ orderId, line }: { orderId: number; line: OrderLine }) {
  const { t } = useTranslation();
  const today = useToday();
  const save = useRecordDelivery(orderId);
  const [deliveredBy, setDeliveredBy] = useState(line.delivery?.deliveredBy ?? '');
  const [day, setDay] = useState(line.delivery?.deliveredAt.slice(0, 10) ?? today);
  const [time, setTime] = useState(line.delivery?.deliveredAt.slice(11, 16) ?? '08:00');
  const [outcome, setOutcome] = useState<'received' | 'refused'>(line.delivery?.outcome ?? 'received');
  const [receivedBy, setReceivedBy] = useState(line.delivery?.receivedBy ?? line.fullName);
  const fieldError = (f: string) => (isApiError(save.error) ? save.error.fieldMessage(f) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      lineId: line.id,
      deliveredBy,
      deliveredAt: `${day}T${time}`,
      outcome,
      receivedBy: receivedBy.trim() || null,
      note: null,
    });
  };
  const id = `delivery-${line.id}`;
  return (
    <form
      className="inline-form no-print"
      onSubmit={submit}
      noValidate
      data-testid={`delivery-form-${line.id}`}
    >
      <FormField id={`${id}-by`} label={t('caseOrders.delivery.by')} error={fieldError('deliveredBy')}>
        {(aria) => (
          <input
            {...aria}
            maxLength={200}
            value={deliveredBy}
            onChange={(e) => setDeliveredBy(e.target.value)}
          />
        )}
      </FormField>
      <FormField id={`${id}-day`} label={t('caseOrders.delivery.at')} error={fieldError('deliveredAt')}>
        {(aria) => (
          <span className="inline-fields">
            <input {...aria} type="date" value={day} max={today} onChange={(e) => setDay(e.target.value)} />
            <input
              type="time"
              aria-label={t('caseOrders.delivery.time')}
              value={time}
              onChange={(e) => setTime(e.target.value)}
            />
          </span>
        )}
      </FormField>
      <fieldset className="plain-fieldset">
        <legend className="field-label">{t('caseOrders.delivery.outcome')}</legend>
        {(['received', 'refused'] as const).map((o) => (
          <label key={o} className="outcome-choice">
            <input
              type="radio"
              name={`${id}-outcome`}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />{' '}
            {t(`caseOrders.delivery.${o}`)}
          </label>
        ))}
      </fieldset>
      <FormField
        id={`${id}-receiver`}
        label={t(outcome === 'received' ? 'caseOrders.delivery.receivedBy' : 'caseOrders.delivery.witness')}
        error={fieldError('receivedBy')}
      >
        {(aria) => (
          <input
            {...aria}
            maxLength={200}
            value={receivedBy}
            onChange={(e) => setReceivedBy(e.target.value)}
          />
        )}
      </FormField>
      <ErrorNotice error={save.error} />
      <div className="actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!deliveredBy.trim() || save.isPending}
          data-testid={`delivery-save-${line.id}`}
        >
          {t('caseOrders.delivery.save')}
        </button>
      </div>
    </form>
  );
}

/**
 * /cases/quyet-dinh-cach-ly/:id — the decision laid out as an A4 administrative paper (issuing unit, number,
 * place and day, national heading, the list with each person's quarantine end and test days, the signer),
 * then on a page of its own the delivery record of every copy. On the phone each line opens its delivery form.
 */
export function OrderPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const order = useOrder(id);
  const [open, setOpen] = useState<number | null>(null);
  useDocumentTitle(t('caseOrders.print.title'));
  const o = order.data;
  const canWrite = can(user.role, 'cases.write');
  return (
    <article className="print-sheet certificate quarantine-order">
      <div className="actions no-print print-toolbar">
        <Link className="btn" to="/cases/quyet-dinh-cach-ly">
          {t('caseOrders.print.back')}
        </Link>
        <button type="button" className="btn btn-primary" disabled={!o} onClick={() => window.print()}>
          {t('caseOrders.print.print')}
        </button>
      </div>
      {order.isPending && <Loading />}
      <ErrorNotice error={order.error} />
      {o && (
        <>
          <header className="certificate-head">
            <div>
              <p className="strong">{o.issuer.toLocaleUpperCase('vi')}</p>
              <p>{t('caseOrders.print.number', { number: o.number })}</p>
            </div>
            <div>
              <p className="strong">{t('cases.certificate.nation')}</p>
              <p className="strong underline">{t('cases.certificate.motto')}</p>
              <p>
                <em>
                  {t('cases.certificate.placeDate', {
                    commune: o.commune,
                    day: o.issuedOn.slice(8, 10),
                    month: o.issuedOn.slice(5, 7),
                    year: o.issuedOn.slice(0, 4),
                  })}
                </em>
              </p>
            </div>
          </header>
          <h1 className="print-title">{t('caseOrders.print.heading')}</h1>
          <p className="print-subtitle">{t('caseOrders.print.subject')}</p>
          <p>{t('caseOrders.print.article1', { n: o.lines.length })}</p>
          <table className="table print-table" data-testid="order-lines">
            <thead>
              <tr>
                <th scope="col">{t('caseOrders.print.no')}</th>
                <th scope="col">{t('caseOrders.print.person')}</th>
                <th scope="col">{t('caseOrders.print.address')}</th>
                <th scope="col">{t('caseOrders.print.period')}</th>
                <th scope="col">{t('caseOrders.print.tests')}</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((l, i) => (
                <tr key={l.id}>
                  <td>{i + 1}</td>
                  <td>
                    <strong>{l.fullName}</strong>
                    <br />
                    {birthOf(l)}
                    {l.nationalId && ` · ${l.nationalId}`}
                  </td>
                  <td>{l.address}</td>
                  <td>
                    {isoDateToText(l.exposureDate)} – {isoDateToText(l.quarantineEndsOn)}
                  </td>
                  <td>{l.testDates.map(isoDateToText).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('caseOrders.print.article2')}</p>
          <p>{t('caseOrders.print.article3')}</p>
          <footer className="certificate-sign">
            <p className="strong">{o.signerTitle.toLocaleUpperCase('vi')}</p>
            <p className="muted">{t('cases.certificate.signHint')}</p>
            <p className="strong">{o.signerName}</p>
          </footer>
          <section className="page-break" aria-labelledby="delivery-title">
            <h2 id="delivery-title" className="print-title">
              {t('caseOrders.delivery.title', { number: o.number })}
            </h2>
            <p className="no-print">
              {t('caseOrders.counts', { persons: o.persons, delivered: o.delivered })}
            </p>
            <table className="table print-table" data-testid="delivery-records">
              <thead>
                <tr>
                  <th scope="col">{t('caseOrders.print.person')}</th>
                  <th scope="col">{t('caseOrders.delivery.by')}</th>
                  <th scope="col">{t('caseOrders.delivery.at')}</th>
                  <th scope="col">{t('caseOrders.delivery.outcome')}</th>
                  <th scope="col">{t('caseOrders.delivery.signature')}</th>
                </tr>
              </thead>
              <tbody>
                {o.lines.map((l) => (
                  <tr key={l.id}>
                    <td>
                      <strong>{l.fullName}</strong>
                      {canWrite && (
                        <button
                          type="button"
                          className="btn btn-small no-print"
                          data-testid={`delivery-open-${l.id}`}
                          onClick={() => setOpen(open === l.id ? null : l.id)}
                        >
                          {t('caseOrders.delivery.record')}
                        </button>
                      )}
                      {open === l.id && <DeliveryForm orderId={o.id} line={l} />}
                    </td>
                    <td>{l.delivery?.deliveredBy ?? ''}</td>
                    <td>{l.delivery ? whenText(l.delivery.deliveredAt) : ''}</td>
                    <td>
                      {l.delivery &&
                        (l.delivery.outcome === 'received'
                          ? t('caseOrders.delivery.receivedText', { name: l.delivery.receivedBy ?? '' })
                          : t('caseOrders.delivery.refusedText'))}
                    </td>
                    <td />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </article>
  );
}
