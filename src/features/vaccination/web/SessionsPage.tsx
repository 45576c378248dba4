import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { UnitPicker } from '../../../web/components/UnitPicker.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { NoAccessPage } from '../../../web/NoAccessPage.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { useSessions } from './campaign-api.ts';
import { SessionForm } from './SessionForm.tsx';
import { SessionRoster } from './SessionRoster.tsx';
import { VaccinationTabs } from './VaccinationTabs.tsx';

/**
 * /vaccination/sessions — the sessions of a commune (or of every commune below the user's unit): place,
 * date, vaccine, doses; a new one planned in a commune; ?session= opens one, to invite people from the
 * worklist and record the doses given.
 */
export function SessionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const unit = params.get('unit') || user.unitCode;
  const sessionId = Number(params.get('session') ?? 0) || 0;
  const names = useUnit(unit);
  const sessions = useSessions(unit);
  const [adding, setAdding] = useState(false);
  useDocumentTitle(t('vaccination.sessions.title'));

  if (statusOf(sessions.error) === 403 || statusOf(names.error) === 403) return <NoAccessPage />;

  const isCommune = names.data?.unit.level === 3;
  const canWrite = can(user.role, 'vaccination.write');
  /** The page's address for a unit (the user's own is left out) and an open session. */
  const pathOf = (u: string, session?: number) => {
    const search = new URLSearchParams();
    if (u !== user.unitCode) search.set('unit', u);
    if (session) search.set('session', String(session));
    const text = search.toString();
    return `/vaccination/sessions${text ? `?${text}` : ''}`;
  };
  const nameOf = (code: string) => names.data?.children?.find((c) => c.code === code)?.nameWithType ?? code;

  return (
    <>
      <VaccinationTabs />
      <div className="page-head">
        <h1>{t('vaccination.sessions.title')}</h1>
        {canWrite && isCommune && !adding && !sessionId && (
          <div className="actions">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="session-new"
              onClick={() => setAdding(true)}
            >
              {t('vaccination.sessions.new')}
            </button>
          </div>
        )}
      </div>
      {sessionId > 0 ? (
        <>
          <p className="no-print">
            <Link
              to={unit === user.unitCode ? '/vaccination/sessions' : `/vaccination/sessions?unit=${unit}`}
            >
              {t('vaccination.sessions.back')}
            </Link>
          </p>
          <SessionRoster
            sessionId={sessionId}
            canWrite={canWrite}
            canInvite={can(user.role, 'vaccination.outcomes')}
          />
        </>
      ) : (
        <>
          {user.unitLevel < 3 && (
            <form className="filters" onSubmit={(e) => e.preventDefault()}>
              <UnitPicker
                idPrefix="sessions-unit"
                rootCode={user.unitCode}
                rootLevel={user.unitLevel}
                value={unit}
                emptyLabel={t('vaccination.targets.wholeUnit')}
                onChange={(code) => {
                  setAdding(false);
                  navigate(pathOf(code || user.unitCode));
                }}
              />
            </form>
          )}
          {!isCommune && canWrite && <p className="muted">{t('vaccination.sessions.chooseCommune')}</p>}
          {adding && (
            <SessionForm
              unitCode={unit}
              onDone={(created) => {
                setAdding(false);
                if (created) navigate(pathOf(unit, created.id));
              }}
            />
          )}
          {sessions.isPending && <Loading />}
          <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />
          {sessions.data?.length === 0 && (
            <p className="card" data-testid="sessions-empty">
              {t('vaccination.sessions.none')}
            </p>
          )}
          {sessions.data && sessions.data.length > 0 && (
            <ul className="rows card" aria-label={t('vaccination.sessions.title')}>
              {sessions.data.map((s) => (
                <li key={s.id} className="row" data-testid="session-row" data-session={s.id}>
                  <div className="row-main">
                    <Link to={pathOf(unit, s.id)}>
                      <strong>{s.place}</strong>
                    </Link>
                    <div className="row-meta">
                      <span className="num">{isoDateToText(s.date)}</span>
                      <span>{t(`vaccination.vaccines.${s.vaccine}`)}</span>
                      {!isCommune && <span>{nameOf(s.unit_code)}</span>}
                    </div>
                    <div className="row-meta" data-testid="session-counts">
                      {t('vaccination.sessions.counts', {
                        available: formatNumber(s.doses_available),
                        invited: formatNumber(s.invited),
                        given: formatNumber(s.doses_given),
                      })}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
