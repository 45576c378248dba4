import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { VillageSelect } from '../../../web/components/VillageSelect.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { NoAccessPage } from '../../../web/NoAccessPage.tsx';
import { Pagination } from '../../../web/Pagination.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { OVERDUE_AFTER } from '../rules/dose-series.ts';
import { MinAgeSelect } from './MinAgeSelect.tsx';
import { VaccinationTabs } from './VaccinationTabs.tsx';
import {
  MIN_AGES,
  useWorklist,
  WORKLISTS,
  type Worklist,
  type WorklistFilter,
  worklistXlsxUrl,
} from './vaccination-api.ts';
import { WorklistPrint } from './WorklistPrint.tsx';
import { WorklistRow } from './WorklistRow.tsx';
import './vaccination.css';

const isList = (value: string | null): value is Worklist =>
  (WORKLISTS as readonly string[]).includes(value ?? '');

/**
 * /vaccination/worklist — journey 3: per commune or village, the people not vaccinated, due or overdue, with
 * phones; the outcome of each contact recorded in place; the page on screen printable on A4 for the community
 * team, the whole list as .xlsx. The server sends 50 rows at a time: a slow link carries a page, not the
 * commune. Filters and the page live in the address bar: ?unit=&village=&list=&minAge=&reasons=hide&page=.
 */
export function WorklistPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filter: WorklistFilter = {
    unit: params.get('unit') ?? (user.unitLevel === 3 ? user.unitCode : ''),
    village: /^\d+$/.test(params.get('village') ?? '') ? params.get('village')! : '',
    list: isList(params.get('list')) ? (params.get('list') as Worklist) : 'all',
    minAge: MIN_AGES.find((a) => String(a) === params.get('minAge')) ?? 12,
    withoutReason: params.get('reasons') === 'hide',
  };
  const commune = useUnit(filter.unit);
  // A commune user's own list starts at once, without waiting for the unit (one round trip less on a slow link).
  const isCommune = commune.data?.unit.level === 3 || (user.unitLevel === 3 && filter.unit === user.unitCode);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const view = useWorklist({ ...filter, unit: isCommune ? filter.unit : '' }, page);
  useDocumentTitle(t('vaccination.worklist.title'));

  const set = (next: Partial<WorklistFilter>, toPage = 1) => {
    const f = { ...filter, ...next };
    const search = new URLSearchParams();
    if (f.unit && !(user.unitLevel === 3 && f.unit === user.unitCode)) search.set('unit', f.unit);
    if (f.village) search.set('village', f.village);
    if (f.list !== 'all') search.set('list', f.list);
    if (f.minAge !== 12) search.set('minAge', String(f.minAge));
    if (f.withoutReason) search.set('reasons', 'hide');
    if (toPage > 1) search.set('page', String(toPage));
    setParams(search, { replace: true });
  };

  if (statusOf(view.error) === 403 || statusOf(commune.error) === 403) return <NoAccessPage />;

  const villages = isCommune ? (commune.data?.villages ?? []) : [];
  const village = villages.find((v) => String(v.id) === filter.village);
  const persons = view.data?.persons ?? [];
  const counts = view.data?.counts ?? { total: 0, notVaccinated: 0, due: 0, overdue: 0, withReason: 0 };
  const offset = (page - 1) * (view.data?.pageSize ?? 0);
  const place = village?.name ?? commune.data?.unit.nameWithType ?? '';
  const printTitle = t('vaccination.worklist.printTitle', { place: place.toLocaleUpperCase('vi') });
  const filterText = [
    t(`vaccination.worklist.lists.${filter.list}`),
    t('vaccination.worklist.fromAge', { n: filter.minAge }),
    filter.withoutReason ? t('vaccination.worklist.reasonsHidden') : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const canRecord = can(user.role, 'vaccination.outcomes');
  const ready = view.isSuccess && !view.isPlaceholderData;

  return (
    <>
      <div className="no-print">
        <VaccinationTabs />
        <div className="page-head">
          <h1>{t('vaccination.worklist.title')}</h1>
        </div>
        <form className="filters worklist-filters" onSubmit={(e) => e.preventDefault()}>
          {user.unitLevel < 3 && (
            <UnitPicker
              idPrefix="worklist-unit"
              rootCode={user.unitCode}
              rootLevel={user.unitLevel}
              value={filter.unit}
              emptyLabel={t('persons.chooseCommune')}
              onChange={(code) => set({ unit: code, village: '' })}
            />
          )}
          <VillageSelect
            id="worklist-village"
            testId="worklist-village"
            villages={villages}
            value={filter.village}
            onChange={(village) => set({ village })}
          />
          <div className="field">
            <label htmlFor="worklist-list">{t('vaccination.worklist.list')}</label>
            <select
              id="worklist-list"
              data-testid="worklist-list"
              value={filter.list}
              onChange={(e) => set({ list: e.target.value as Worklist })}
            >
              {WORKLISTS.map((l) => (
                <option key={l} value={l}>
                  {t(`vaccination.worklist.lists.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <MinAgeSelect
            id="worklist-age"
            label={t('vaccination.worklist.minAge')}
            value={filter.minAge}
            onChange={(minAge) => set({ minAge })}
          />
          <div className="field">
            <label className="check">
              <input
                type="checkbox"
                checked={filter.withoutReason}
                onChange={(e) => set({ withoutReason: e.target.checked })}
              />{' '}
              {t('vaccination.worklist.hideReasons')}
            </label>
          </div>
        </form>

        {!isCommune && !commune.isPending && (
          <p className="card">{t('vaccination.worklist.chooseCommune')}</p>
        )}
        {(view.isPending && isCommune) || (commune.isPending && !isCommune) ? <Loading /> : null}
        {view.isError && <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />}

        {view.data && isCommune && (
          <div className={view.isPlaceholderData ? 'stale' : undefined}>
            <div className="actions list-actions worklist-head">
              <p className="worklist-summary" data-testid="worklist-summary">
                <strong>{t('vaccination.worklist.total', { n: formatNumber(counts.total) })}</strong>
                {' · '}
                {t('vaccination.worklist.counts', {
                  none: formatNumber(counts.notVaccinated),
                  due: formatNumber(counts.due),
                  overdue: formatNumber(counts.overdue),
                })}
                {counts.withReason > 0 && (
                  <> · {t('vaccination.worklist.withReason', { n: formatNumber(counts.withReason) })}</>
                )}
              </p>
              <button
                type="button"
                className="btn btn-small"
                data-testid="worklist-print-button"
                disabled={!ready || persons.length === 0}
                onClick={() => window.print()}
              >
                {t('vaccination.worklist.print')}
              </button>
              <a className="btn btn-small" href={worklistXlsxUrl(filter)} download>
                {t('vaccination.worklist.xlsx')}
              </a>
            </div>
            {counts.overdue > 0 && (
              <p className="muted" data-testid="worklist-overdue-rule">
                {t('vaccination.worklist.overdueRule', { days: OVERDUE_AFTER.days })}
              </p>
            )}
            {persons.length === 0 ? (
              <p className="card" data-testid="worklist-empty">
                {t('vaccination.worklist.none')}
              </p>
            ) : (
              <ul className="rows card worklist" aria-label={t('vaccination.worklist.title')}>
                {persons.map((p) => (
                  <WorklistRow key={p.personId} entry={p} showVillage={!village} canRecord={canRecord} />
                ))}
              </ul>
            )}
            <Pagination
              page={page}
              pages={Math.ceil(counts.total / (view.data.pageSize || 1))}
              onPage={(p) => set({}, p)}
            />
          </div>
        )}
      </div>
      {view.data && isCommune && (
        <WorklistPrint
          title={printTitle}
          unitName={commune.data?.unit.nameWithType ?? ''}
          filters={filterText}
          persons={persons}
          offset={offset}
          showVillage={!village}
        />
      )}
    </>
  );
}
