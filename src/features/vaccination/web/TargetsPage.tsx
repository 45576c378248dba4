import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { NoAccessPage } from '../../../web/NoAccessPage.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { TargetForm } from './TargetForm.tsx';
import { TargetCard } from './TargetSection.tsx';
import { VaccinationTabs } from './VaccinationTabs.tsx';
import { useTargets } from './vaccination-api.ts';
import './vaccination.css';

/**
 * /vaccination/targets — the targets that apply to a unit (?unit=, the user's own by default) or lie within
 * it, each with the unit's progress, the date it is reached at the current pace and, above the commune, the
 * units behind; roles that set targets add one here.
 */
export function TargetsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') || user.unitCode;
  const names = useUnit(unit);
  const targets = useTargets(unit);
  const [adding, setAdding] = useState(false);
  useDocumentTitle(t('vaccination.targets.title'));

  if (statusOf(targets.error) === 403 || statusOf(names.error) === 403) return <NoAccessPage />;

  const level = names.data?.unit.level ?? user.unitLevel;
  const choose = (code: string) => {
    setAdding(false);
    setParams(code && code !== user.unitCode ? { unit: code } : {}, { replace: true });
  };

  return (
    <>
      <VaccinationTabs />
      <div className="page-head">
        <h1>{t('vaccination.targets.title')}</h1>
        {can(user.role, 'vaccination.targets') && !adding && (
          <div className="actions">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="target-new"
              onClick={() => setAdding(true)}
            >
              {t('vaccination.targets.new')}
            </button>
          </div>
        )}
      </div>
      {user.unitLevel < 3 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <UnitPicker
            idPrefix="targets-unit"
            rootCode={user.unitCode}
            rootLevel={user.unitLevel}
            value={unit}
            emptyLabel={t('vaccination.targets.wholeUnit')}
            onChange={choose}
          />
        </form>
      )}
      <p className="compliance-scope">
        <strong data-testid="targets-unit">{names.data?.unit.nameWithType ?? ''}</strong>
        {targets.data && (
          <span className="muted">
            {' '}
            · {t('vaccination.coverage.asOf', { date: isoDateToText(targets.data.asOf) })}
          </span>
        )}
      </p>
      {adding && <TargetForm unitCode={unit} onDone={() => setAdding(false)} />}
      {targets.isPending && <Loading />}
      <ErrorNotice error={targets.error} onRetry={() => void targets.refetch()} />
      {targets.data?.targets.length === 0 && (
        <p className="card" data-testid="targets-empty">
          {t('vaccination.targets.none')}
        </p>
      )}
      {targets.data?.targets.map((target) => (
        <TargetCard key={target.id} target={target} unit={unit} level={level} behindOpen />
      ))}
    </>
  );
}
