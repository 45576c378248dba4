import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../web/api.ts';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { ImportEstablishments } from './ImportEstablishments.tsx';
import {
  type Establishment,
  PAGE_SIZE,
  SECTORS,
  type Sector,
  SIZES,
  type Size,
  useAddEstablishment,
  useEstablishments,
} from './inspections-api.ts';
import './inspections.css';

export function EstablishmentRow({ e }: { e: Establishment }) {
  const { t } = useTranslation();
  return (
    <li className="row" data-testid="establishment-row">
      <div className="row-main">
        <Link to={`/inspections/${e.id}`}>
          <strong>{e.name}</strong>
        </Link>
        <span className="muted">
          {' '}
          · {t(`inspections.sector.${e.sector}`)} · {t(`inspections.size.${e.size}`)}
        </span>
        <div>
          <span className={`badge risk-${e.riskClass}`}>{t(`inspections.risk.${e.riskClass}`)}</span>{' '}
          {e.daysOverdue > 0 ? (
            <span className="badge overdue" data-testid="overdue-badge">
              {t('inspections.daysOverdue', { count: e.daysOverdue })}
            </span>
          ) : (
            <span className="muted">{t('inspections.nextDue', { date: isoDateToText(e.nextDueOn) })}</span>
          )}
        </div>
        <div className="muted">
          {e.lastInspectedOn
            ? t('inspections.lastInspected', { date: isoDateToText(e.lastInspectedOn) })
            : t('inspections.neverInspected')}
          {' · '}
          {e.safetyClass && e.safetyValidUntil
            ? `${t('inspections.selfAssessment', {
                class: t(`inspections.safety.${e.safetyClass}`),
                date: isoDateToText(e.safetyValidUntil),
              })}${e.safetyExpired ? ` (${t('inspections.expired')})` : ''}`
            : t('inspections.noAssessment')}
        </div>
      </div>
    </li>
  );
}

function AddEstablishment({ commune, onDone }: { commune: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddEstablishment();
  const [name, setName] = useState('');
  const [sector, setSector] = useState<Sector>('shop');
  const [size, setSize] = useState<Size>('small');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const fieldError = (f: string) => (isApiError(add.error) ? add.error.fieldMessage(f) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { commune, name, sector, size, address: address.trim() || null, phone: phone.trim() || null },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="card inline-form" onSubmit={submit} noValidate data-testid="establishment-form">
      <FormField id="est-name" label={t('inspections.name')} error={fieldError('name')}>
        {(aria) => <input {...aria} value={name} onChange={(e) => setName(e.target.value)} />}
      </FormField>
      <FormField id="est-sector" label={t('inspections.sectorLabel')}>
        {(aria) => (
          <select {...aria} value={sector} onChange={(e) => setSector(e.target.value as Sector)}>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`inspections.sector.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="est-size" label={t('inspections.sizeLabel')}>
        {(aria) => (
          <select {...aria} value={size} onChange={(e) => setSize(e.target.value as Size)}>
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {t(`inspections.size.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="est-address" label={t('inspections.address')} optional={t('app.optional')}>
        {(aria) => <input {...aria} value={address} onChange={(e) => setAddress(e.target.value)} />}
      </FormField>
      <FormField
        id="est-phone"
        label={t('inspections.phone')}
        optional={t('app.optional')}
        error={fieldError('phone')}
      >
        {(aria) => (
          <input {...aria} inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        )}
      </FormField>
      {add.error && !fieldError('name') ? <ErrorNotice error={add.error} /> : null}
      <FormActions label={t('inspections.save')} saving={add.isPending} onCancel={onDone} />
    </form>
  );
}

/**
 * /inspections — the district's establishments and, one tap away, those overdue for inspection (most overdue
 * first); a commune sees its own. Filters in the address bar: ?unit=&overdue=1&q=&page=.
 */
export function EstablishmentsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  const overdue = params.get('overdue') === '1';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState(q);
  const list = useEstablishments({ unit, overdue, q, page });
  useDocumentTitle(t('inspections.title'));
  const set = (next: { unit?: string; overdue?: boolean; q?: string; page?: number }) => {
    const f = { unit, overdue, q, page: 1, ...next };
    const search = new URLSearchParams();
    if (f.unit !== user.unitCode) search.set('unit', f.unit);
    if (f.overdue) search.set('overdue', '1');
    if (f.q) search.set('q', f.q);
    if (f.page > 1) search.set('page', String(f.page));
    setParams(search, { replace: true });
  };
  const isCommune = unit.length === 5;
  return (
    <>
      <div className="page-head">
        <h1>{t('inspections.title')}</h1>
      </div>
      {user.unitLevel < 3 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <UnitPicker
            idPrefix="inspections-unit"
            rootCode={user.unitCode}
            rootLevel={user.unitLevel}
            value={unit}
            emptyLabel={t('inspections.chooseUnit')}
            onChange={(code) => set({ unit: code || user.unitCode })}
          />
        </form>
      )}
      <div className="tabs">
        <button
          type="button"
          className={overdue ? 'btn btn-small' : 'btn btn-small btn-primary'}
          aria-pressed={!overdue}
          onClick={() => set({ overdue: false })}
        >
          {t('inspections.all')}
        </button>
        <button
          type="button"
          className={overdue ? 'btn btn-small btn-primary' : 'btn btn-small'}
          aria-pressed={overdue}
          data-testid="overdue-tab"
          onClick={() => set({ overdue: true })}
        >
          {t('inspections.overdue')}
        </button>
      </div>
      {!overdue && (
        <form
          className="search-form"
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: text.trim() });
          }}
        >
          <label className="visually-hidden" htmlFor="est-search">
            {t('inspections.search')}
          </label>
          <input
            id="est-search"
            type="search"
            placeholder={t('inspections.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </form>
      )}
      {can(user.role, 'inspections.write') &&
        (isCommune ? (
          adding ? (
            <AddEstablishment commune={unit} onDone={() => setAdding(false)} />
          ) : (
            <button type="button" className="btn" onClick={() => setAdding(true)}>
              {t('inspections.add')}
            </button>
          )
        ) : (
          <p className="muted">{t('inspections.chooseCommune')}</p>
        ))}
      {can(user.role, 'inspections.write') && !overdue && unit.length <= 5 && unit.length >= 3 && (
        <details className="no-print">
          <summary>{t('inspections.import.title')}</summary>
          <ImportEstablishments unit={unit} />
        </details>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorNotice error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <section className="card">
          <p className="muted">
            {t('inspections.total', { count: list.data.total })} ·{' '}
            {t('inspections.intervals', list.data.intervals)}{' '}
            {list.data.provisional && (
              <span className="badge provisional">{t('inspections.provisional')}</span>
            )}
          </p>
          {list.data.establishments.length === 0 ? (
            <p>{overdue ? t('inspections.emptyOverdue') : t('inspections.empty')}</p>
          ) : (
            <ul className="rows">
              {list.data.establishments.map((e) => (
                <EstablishmentRow key={e.id} e={e} />
              ))}
            </ul>
          )}
          {list.data.total > PAGE_SIZE && (
            <Pagination
              page={page}
              pages={Math.ceil(list.data.total / PAGE_SIZE)}
              onPage={(p) => set({ page: p })}
            />
          )}
        </section>
      )}
    </>
  );
}
