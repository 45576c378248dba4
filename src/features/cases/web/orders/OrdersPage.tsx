import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../../web/api.ts';
import { useToday } from '../../../../web/calendar.ts';
import { UnitPicker } from '../../../../web/components/UnitPicker.tsx';
import { DateInput } from '../../../../web/DateInput.tsx';
import { ErrorNotice } from '../../../../web/ErrorNotice.tsx';
import { FormField } from '../../../../web/FormField.tsx';
import { isoDateToText } from '../../../../web/format.ts';
import { Loading } from '../../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../../web/session.ts';
import { useDocumentTitle } from '../../../../web/useDocumentTitle.ts';
import { useDateField } from '../date-field.ts';
import { useCreateOrder, useOrderCandidates, useOrders } from './orders-api.ts';
import '../cases.css';

/** A new decision: the commune's contacts in quarantine not yet named (all ticked), number, day, signer. */
function NewOrderForm({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const candidates = useOrderCandidates(unit, true);
  const create = useCreateOrder();
  const [unticked, setUnticked] = useState<Set<number>>(new Set());
  const [number, setNumber] = useState('');
  const [signerName, setSignerName] = useState('');
  const [signerTitle, setSignerTitle] = useState(t('caseOrders.form.chairman'));
  const issued = useDateField(useToday());
  const fieldError = (f: string) => (isApiError(create.error) ? create.error.fieldMessage(f) : undefined);
  const list = candidates.data ?? [];
  const chosen = list.filter((c) => !unticked.has(c.contactId)).map((c) => c.contactId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const day = issued.read();
    if (!day || chosen.length === 0) return;
    create.mutate(
      { unit, number, issuedOn: day, signerName, signerTitle, contactIds: chosen },
      { onSuccess: () => setNumber('') },
    );
  };

  if (candidates.isPending) return <Loading />;
  return (
    <form className="card inline-form" onSubmit={submit} noValidate data-testid="order-form">
      <h2>{t('caseOrders.form.title')}</h2>
      <ErrorNotice error={candidates.error} />
      {list.length === 0 ? (
        <p className="muted">{t('caseOrders.form.none')}</p>
      ) : (
        <fieldset className="plain-fieldset">
          <legend className="field-label">{t('caseOrders.form.contacts', { n: chosen.length })}</legend>
          <ul className="plain-list">
            {list.map((c) => (
              <li key={c.contactId}>
                <label className="check-row">
                  <input
                    type="checkbox"
                    checked={!unticked.has(c.contactId)}
                    onChange={(e) => {
                      const next = new Set(unticked);
                      if (e.target.checked) next.delete(c.contactId);
                      else next.add(c.contactId);
                      setUnticked(next);
                    }}
                  />{' '}
                  <strong>{c.fullName}</strong>{' '}
                  <span className="muted">
                    {t('caseOrders.form.until', { date: isoDateToText(c.quarantineEndsOn) })}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <FormField id="order-number" label={t('caseOrders.form.number')} error={fieldError('number')}>
        {(aria) => (
          <input
            {...aria}
            maxLength={50}
            placeholder="15/QĐ-UBND"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        id="order-issued"
        label={t('caseOrders.form.issuedOn')}
        error={issued.problem || fieldError('issuedOn')}
      >
        {(aria) => <DateInput {...aria} value={issued.text} onChange={issued.setText} />}
      </FormField>
      <FormField id="order-signer" label={t('caseOrders.form.signerName')} error={fieldError('signerName')}>
        {(aria) => (
          <input
            {...aria}
            maxLength={200}
            value={signerName}
            onChange={(e) => setSignerName(e.target.value)}
          />
        )}
      </FormField>
      <FormField id="order-title" label={t('caseOrders.form.signerTitle')} error={fieldError('signerTitle')}>
        {(aria) => (
          <input
            {...aria}
            maxLength={200}
            value={signerTitle}
            onChange={(e) => setSignerTitle(e.target.value)}
          />
        )}
      </FormField>
      <ErrorNotice error={create.error} />
      {create.data && (
        <p className="notice notice-ok" role="status">
          <Link to={`/cases/quyet-dinh-cach-ly/${create.data.id}`}>
            {t('caseOrders.form.saved', { number: create.data.number, n: create.data.persons })}
          </Link>
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={chosen.length === 0 || !number.trim() || !signerName.trim() || create.isPending}
          data-testid={'order-save'}
        >
          {t('caseOrders.form.submit')}
        </button>
      </div>
    </form>
  );
}

/**
 * /cases/quyet-dinh-cach-ly — the commune's quarantine decisions for F1 contacts, newest first (how many
 * persons, how many copies delivered), and a new decision for the contacts not yet named. ?unit=&page=.
 */
export function OrdersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const orders = useOrders(unit, page);
  useDocumentTitle(t('caseOrders.title'));
  const isCommune = unit.length === 5;
  const total = orders.data?.total ?? 0;
  return (
    <>
      <div className="page-head">
        <h1>{t('caseOrders.title')}</h1>
      </div>
      {user.unitLevel < 3 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <UnitPicker
            idPrefix="orders-unit"
            rootCode={user.unitCode}
            rootLevel={user.unitLevel}
            value={unit}
            emptyLabel={t('cases.chooseUnit')}
            onChange={(code) =>
              setParams(code && code !== user.unitCode ? { unit: code } : {}, { replace: true })
            }
          />
        </form>
      )}
      {isCommune && can(user.role, 'cases.write') && <NewOrderForm unit={unit} />}
      <section className="card" aria-labelledby="orders-title">
        <h2 id="orders-title">{t('caseOrders.list', { n: total })}</h2>
        {orders.isPending && <Loading />}
        <ErrorNotice error={orders.error} />
        <ul className="rows" data-testid="order-list">
          {orders.data?.orders.map((o) => (
            <li key={o.id} className="row">
              <div className="row-main">
                <Link to={`/cases/quyet-dinh-cach-ly/${o.id}`}>
                  <strong>
                    {t('caseOrders.numberOn', { number: o.number, date: isoDateToText(o.issuedOn) })}
                  </strong>
                </Link>
                <div className="row-meta">
                  {t('caseOrders.counts', { persons: o.persons, delivered: o.delivered })}
                </div>
              </div>
            </li>
          ))}
        </ul>
        {total > page * 20 && (
          <button
            type="button"
            className="btn"
            onClick={() => setParams({ ...Object.fromEntries(params), page: String(page + 1) })}
          >
            {t('caseOrders.more')}
          </button>
        )}
      </section>
    </>
  );
}
