import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { CaseList } from './CaseList.tsx';
import { CASE_STATUSES, type CaseStatus } from './cases-api.ts';
import { EscalationList } from './EscalationList.tsx';
import { MissedChecks } from './MissedChecks.tsx';
import { SummaryTable } from './SummaryTable.tsx';
import './cases.css';

const isStatus = (s: string | null): s is CaseStatus =>
  (CASE_STATUSES as readonly string[]).includes(s ?? '');

/**
 * /cases — journey 4 on the station's phone: the warnings to act on first (call, then "handled" in one tap),
 * the checks missing today, the day's numbers of the unit and the units below, and the cases with their
 * actions. District and province users pick a unit below theirs. Filters live in the address bar:
 * ?unit=&status=&page=.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  const status = isStatus(params.get('status')) ? (params.get('status') as CaseStatus) : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const canWrite = can(user.role, 'cases.write');
  useDocumentTitle(t('cases.title'));

  const set = (next: { unit?: string; status?: CaseStatus | ''; page?: number }) => {
    const f = { unit, status, page: 1, ...next };
    const search = new URLSearchParams();
    if (f.unit !== user.unitCode) search.set('unit', f.unit);
    if (f.status) search.set('status', f.status);
    if (f.page > 1) search.set('page', String(f.page));
    setParams(search, { replace: true });
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('cases.title')}</h1>
      </div>
      {user.unitLevel < 3 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <UnitPicker
            idPrefix="cases-unit"
            rootCode={user.unitCode}
            rootLevel={user.unitLevel}
            value={unit}
            emptyLabel={t('cases.chooseUnit')}
            onChange={(code) => set({ unit: code || user.unitCode })}
          />
        </form>
      )}
      <EscalationList unit={unit} canHandle={canWrite} />
      <MissedChecks unit={unit} />
      <SummaryTable unit={unit} />
      <CaseList
        unit={unit}
        status={status}
        page={page}
        canWrite={canWrite}
        onFilter={(s, p) => set({ status: s, page: p })}
      />
    </>
  );
}
