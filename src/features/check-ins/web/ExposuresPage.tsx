import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDateTime, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { type Exposure, useExposures, useMakeContacts } from './check-ins-api.ts';
import './check-ins.css';

function CaseGroup({
  caseId,
  exposures,
  canWrite,
}: {
  caseId: number;
  exposures: Exposure[];
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const make = useMakeContacts();
  const listed = exposures.filter((e) => e.status === 'listed').length;
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <section className="card exposure-case" data-testid="exposure-case">
      <h2>{t('checkIns.exposures.case', { id: caseId })}</h2>
      <ul className="exposure-list">
        {exposures.map((e) => (
          <li key={e.id} data-testid="exposure">
            <div>
              <strong>{e.fullName}</strong> · <a href={`tel:${e.phone}`}>{e.phone}</a> · {e.birthYear}
            </div>
            <div className="muted">
              {t('checkIns.exposures.when', { venue: e.venueName, time: formatDateTime(e.at) })} ·{' '}
              <span className={`exposure-status exposure-${e.status}`} data-testid="exposure-status">
                {t(`checkIns.exposures.status.${e.status}`)}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {make.data && (
        <p role="status" className="notice notice-success" data-testid="contacts-made">
          {t('checkIns.exposures.made', { n: make.data.exposures.length })}
        </p>
      )}
      {make.data && make.data.skipped.length > 0 && (
        <div className="notice notice-error">
          {t('checkIns.exposures.skipped', { n: make.data.skipped.length })}
          <ul>
            {make.data.skipped.map((s) => (
              <li key={s.id}>{s.message[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNotice error={make.error} />
      {canWrite && listed > 0 && (
        <button
          type="button"
          className="btn btn-block"
          data-testid="make-contacts"
          disabled={make.isPending}
          onClick={() => make.mutate(caseId)}
        >
          {t('checkIns.exposures.makeContacts', { n: listed })}
        </button>
      )}
    </section>
  );
}

/**
 * /check-ins/exposures — the people checked in where a confirmed case was while infectious, case by case, each
 * case's made F1 contacts in one tap (their quarantine from the cases feature). ?case=<id> matches one case anew.
 */
export function ExposuresPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const caseId = Number(params.get('case')) || null;
  const unit = params.get('unit') || user.unitCode;
  const exposures = useExposures(unit, caseId);
  const [caseText, setCaseText] = useState(caseId ? String(caseId) : '');
  useDocumentTitle(t('checkIns.exposures.title'));
  const groups = new Map<number, Exposure[]>();
  for (const e of exposures.data?.exposures ?? []) groups.set(e.caseId, [...(groups.get(e.caseId) ?? []), e]);
  const window = exposures.data?.window;
  return (
    <>
      <div className="page-head">
        <h1>{t('checkIns.exposures.title')}</h1>
      </div>
      <p className="muted">{t('checkIns.exposures.intro')}</p>
      <form
        className="filters search-form"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(caseText ? { case: caseText } : {}, { replace: true });
        }}
      >
        <label htmlFor="exposure-case-id">{t('checkIns.exposures.caseId')}</label>
        <input
          id="exposure-case-id"
          inputMode="numeric"
          value={caseText}
          onChange={(e) => setCaseText(e.target.value.replace(/\D/g, ''))}
        />
        <button type="submit" className="btn">
          {t('checkIns.exposures.show')}
        </button>
      </form>
      {window && (
        <p data-testid="exposure-window">
          {t('checkIns.exposures.window', { from: isoDateToText(window.from), to: isoDateToText(window.to) })}
          {window.ruleSet.provisional && (
            <span className="badge badge-provisional"> {t('checkIns.exposures.provisional')}</span>
          )}
        </p>
      )}
      {exposures.isPending && <Loading />}
      <ErrorNotice error={exposures.error} />
      {exposures.data && groups.size === 0 && <p className="muted">{t('checkIns.exposures.empty')}</p>}
      {[...groups].map(([id, list]) => (
        <CaseGroup key={id} caseId={id} exposures={list} canWrite={can(user.role, 'checkIns.write')} />
      ))}
    </>
  );
}
