import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate, formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { PAGE_SIZE, useClaimsFromRecords, useMissed } from './support-api.ts';

/** "No one missed": the people the F0/F1 records make eligible with no claim, per commune, and one tap to claim. */
export function MissedList({ unit, canWrite }: { unit: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const missed = useMissed(unit, page);
  const make = useClaimsFromRecords();
  return (
    <section className="card" aria-labelledby="support-missed-h">
      <h2 id="support-missed-h">
        {t('support.missed.title')}
        {missed.data ? ` (${formatNumber(missed.data.total)})` : ''}
      </h2>
      <p className="muted">{t('support.missed.hint')}</p>
      {missed.isPending && <Loading />}
      {missed.isError && <ErrorNotice error={missed.error} onRetry={() => void missed.refetch()} />}
      {missed.data && missed.data.communes.length > 1 && (
        <table className="support-communes">
          <thead>
            <tr>
              <th>{t('support.missed.commune')}</th>
              <th>{t('support.missed.people')}</th>
              <th>{t('support.missed.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {missed.data.communes.map((c) => (
              <tr key={c.code}>
                <td>{c.name}</td>
                <td>{formatNumber(c.missed)}</td>
                <td>{formatNumber(c.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {missed.data &&
        (missed.data.people.length === 0 ? (
          <p className="muted">{t('support.missed.none')}</p>
        ) : (
          <ul className="rows" data-testid="support-missed">
            {missed.data.people.map((p) => (
              <li key={`${p.personId}:${p.policy}`} className="row">
                <div className="row-main">
                  <span className="person-name">{p.fullName}</span>
                  <span className="row-meta">
                    {t(`support.policies.${p.policy}`)} · {t('support.days', { n: p.paidDays })} ·{' '}
                    {t('support.from', { date: formatDate(p.firstDay) })}
                    {p.open ? ` · ${t('support.missed.open')}` : ''}
                  </span>
                </div>
                <span className="support-amount">{formatNumber(p.amount)} đ</span>
              </li>
            ))}
          </ul>
        ))}
      <Pagination page={page} pages={Math.ceil((missed.data?.total ?? 0) / PAGE_SIZE)} onPage={setPage} />
      {canWrite && (missed.data?.total ?? 0) > 0 && (
        <div className="actions">
          <button
            type="button"
            className="btn primary"
            disabled={make.isPending}
            onClick={() => make.mutate(unit)}
          >
            {t('support.missed.make')}
          </button>
          {make.data && <span role="status">{t('support.missed.made', { n: make.data.created })}</span>}
          {make.isError && <ErrorNotice error={make.error} />}
        </div>
      )}
    </section>
  );
}
