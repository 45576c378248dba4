import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate, formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { MovementTabs } from './MovementTabs.tsx';
import { PAGE_SIZE, useArrivals, useForecast } from './movement-api.ts';
import './movement.css';

/**
 * /movement — the commune's arrivals on its phone: who must do what by when (quarantine, self-monitoring, a
 * test), nearest deadline first, with the rule set that says so; then the Tết forecast by origin.
 */
export function ArrivalsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useArrivals(unit, '', page);
  const forecast = useForecast(unit);
  useDocumentTitle(t('movement.arrivals.title'));
  const set = (next: { unit?: string; page?: number }) => {
    const s = new URLSearchParams();
    const u = next.unit ?? unit;
    if (u !== user.unitCode) s.set('unit', u);
    if ((next.page ?? 1) > 1) s.set('page', String(next.page));
    setParams(s, { replace: true });
  };
  return (
    <>
      <div className="page-head">
        <h1>{t('movement.arrivals.title')}</h1>
      </div>
      <MovementTabs />
      {user.unitLevel < 3 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <UnitPicker
            idPrefix="arrivals-unit"
            rootCode={user.unitCode}
            rootLevel={user.unitLevel}
            value={unit}
            emptyLabel={t('movement.allArea')}
            onChange={(code) => set({ unit: code || user.unitCode })}
          />
        </form>
      )}
      <p className="muted">
        {t('movement.arrivals.publicForm')} <Link to="/khai-bao">/khai-bao</Link>
      </p>
      {list.isPending && <Loading />}
      <ErrorNotice error={list.error} />
      {list.data && (
        <>
          {list.data.ruleSet && (
            <p className="muted">
              {t('movement.ruleSet')}: {list.data.ruleSet.name}
              {list.data.ruleSet.provisional && (
                <span className="badge badge-provisional">{t('movement.provisional')}</span>
              )}
            </p>
          )}
          <p>
            {t('movement.arrivals.count', {
              n: formatNumber(list.data.total),
              date: formatDate(list.data.date),
            })}
          </p>
          <ul className="arrival-list">
            {list.data.arrivals.map((a) => (
              <li key={a.id} className="arrival-card">
                <div className="arrival-head">
                  <strong>{a.fullName}</strong>
                  {a.phone && <a href={`tel:${a.phone}`}>{a.phone}</a>}
                </div>
                <div className="muted">
                  {t('movement.arrivals.arrived', { date: formatDate(a.arrivalDate) })} ·{' '}
                  {a.villageName ?? a.address ?? ''}
                  {' · '}
                  {t(`movement.vaccination.${a.vaccination as 'full'}`)}
                  {a.originLevel !== null &&
                    ` · ${t('movement.arrivals.originLevel', { level: a.originLevel })}`}
                </div>
                {a.dueNow && (
                  <div className={`due due-${a.dueNow.kind}`}>
                    {t(`movement.kinds.${a.dueNow.kind}`)}:{' '}
                    {a.dueNow.from === a.dueNow.until
                      ? formatDate(a.dueNow.from)
                      : t('movement.until', { date: formatDate(a.dueNow.until) })}
                  </div>
                )}
                <div className="muted">
                  {a.obligations
                    .map(
                      (o) =>
                        `${t(`movement.kinds.${o.kind}`)} ${formatDate(o.from)}${o.until !== o.from ? `–${formatDate(o.until)}` : ''}`,
                    )
                    .join('; ')}
                  {a.provisional && (
                    <span className="badge badge-provisional">{t('movement.provisional')}</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pages={Math.ceil(list.data.total / PAGE_SIZE)}
            onPage={(p) => set({ page: p })}
          />
        </>
      )}
      <h2>{t('movement.forecast.title')}</h2>
      <ErrorNotice error={forecast.error} />
      {forecast.data && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('movement.forecast.origin')}</th>
              <th>{t('movement.forecast.total')}</th>
            </tr>
          </thead>
          <tbody>
            {forecast.data.origins.slice(0, 15).map((o) => (
              <tr key={o.districtCode}>
                <td>
                  {o.districtName}, {o.provinceName}
                </td>
                <td>{formatNumber(o.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
