import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate, formatNumber } from '../../../web/format.ts';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { birthText } from './person-format.ts';
import {
  AGE_BANDS,
  PERSON_STATUSES,
  type PersonFilter,
  PRIORITY_GROUPS,
  useAllPersons,
} from './persons-api.ts';
import './persons.css';
import { ScrollArea } from '../../../web/ScrollArea.tsx';

/**
 * /persons/print?village=<id> — one village's residents as an A4 table for the community team, with an
 * empty "Ghi chú" column to write in. The shell is hidden when printing (styles.css, @media print).
 */
export function PrintPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const village = /^\d+$/.test(params.get('village') ?? '') ? params.get('village')! : '';
  const commune = params.get('commune') || (user.unitLevel === 3 ? user.unitCode : '');
  const filter: PersonFilter = {
    q: '',
    unit: commune,
    village,
    ageBand: params.get('ageBand') ?? '',
    status: params.get('status') ?? '',
    priority: params.get('priority') ?? '',
  };
  const unit = useUnit(commune);
  const all = useAllPersons(filter, village !== '');
  const persons = all.data?.pages.flatMap((p) => p.persons) ?? [];
  const complete = all.isSuccess && !all.hasNextPage;
  const villageName =
    unit.data?.villages.find((v) => String(v.id) === village)?.name ?? persons[0]?.village_name ?? '';
  const title = t('persons.print.title', { village: villageName.toLocaleUpperCase('vi') });
  useDocumentTitle(villageName ? title : t('persons.printList'));

  // Fetch page after page until the whole village is here.
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = all;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const ageBand = AGE_BANDS.find((b) => b === filter.ageBand);
  const status = PERSON_STATUSES.find((s) => s === filter.status);
  const priority = PRIORITY_GROUPS.find((g) => g === filter.priority);
  const filters = [
    ageBand && t(`persons.ageBands.${ageBand}`),
    status && t(`persons.statuses.${status}`),
    priority && t(`persons.priorities.${priority}`),
  ].filter(Boolean);

  if (!village)
    return (
      <p className="page-message">
        {t('persons.print.noVillage')} <Link to="/persons">{t('persons.title')}</Link>
      </p>
    );

  return (
    <article className="print-sheet">
      <div className="actions no-print print-toolbar">
        <Link
          className="btn"
          to={`/persons?${new URLSearchParams({ village, ...(params.get('commune') ? { unit: commune } : {}) })}`}
        >
          {t('persons.print.back')}
        </Link>
        <button type="button" className="btn btn-primary" disabled={!complete} onClick={() => window.print()}>
          {t('persons.print.print')}
        </button>
      </div>
      <header className="print-head">
        {unit.data && <p className="print-unit">{unit.data.unit.nameWithType.toLocaleUpperCase('vi')}</p>}
        <h1 className="print-title">{title}</h1>
        {filters.length > 0 && <p className="print-filters">{filters.join(' · ')}</p>}
        <p className="print-date">{t('persons.print.printedOn', { date: formatDate(new Date()) })}</p>
      </header>
      {all.isError && <ErrorNotice error={all.error} onRetry={() => void all.refetch()} />}
      {!complete && !all.isError && (
        <p className="loading no-print" role="status">
          {t('persons.print.loadingCount', { n: formatNumber(persons.length) })}
        </p>
      )}
      <ScrollArea className="table-scroll print-scroll">
        <table className="table print-table" data-testid="print-table">
          <thead>
            <tr>
              <th scope="col" className="col-no">
                {t('persons.print.no')}
              </th>
              <th scope="col">{t('persons.fields.fullName')}</th>
              <th scope="col">{t('persons.fields.birthDate')}</th>
              <th scope="col">{t('persons.fields.sex')}</th>
              <th scope="col">{t('persons.print.nationalId')}</th>
              <th scope="col">{t('persons.fields.phone')}</th>
              <th scope="col" className="col-note">
                {t('persons.fields.note')}
              </th>
            </tr>
          </thead>
          <tbody>
            {persons.map((p, i) => (
              <tr key={p.id}>
                <td className="col-no num">{i + 1}</td>
                <td>{p.full_name}</td>
                <td className="num nowrap">{birthText(p)}</td>
                <td>{p.sex ? t(`persons.sexes.${p.sex}`) : ''}</td>
                <td className="num">{p.national_id ?? ''}</td>
                <td className="num nowrap">{p.phone ?? ''}</td>
                <td className="col-note" />
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {complete && (
        <p className="print-count">{t('persons.print.count', { n: formatNumber(persons.length) })}</p>
      )}
    </article>
  );
}
