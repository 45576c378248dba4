import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { formatNumber, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import {
  type EstablishmentDetail,
  PENALTY_KINDS,
  type PenaltyKind,
  useEstablishment,
  useRecordAssessment,
  useRecordInspection,
  type ViolationDraft,
} from './inspections-api.ts';
import './inspections.css';

const emptyViolation = (): ViolationDraft => ({
  description: '',
  penaltyKind: '',
  penaltyAmount: '',
  fixWithinDays: '7',
});

/** The sector's checklist, the self-assessment and the inspection form (violations, penalties, deadlines). */
function ChecklistForm({ est }: { est: EstablishmentDetail }) {
  const { t, i18n } = useTranslation();
  const assess = useRecordAssessment(est.id);
  const inspect = useRecordInspection(est.id);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [inspectors, setInspectors] = useState('');
  const [findings, setFindings] = useState('');
  const [violations, setViolations] = useState<ViolationDraft[]>([]);
  const error = inspect.error ?? assess.error;
  const fieldError = (f: string) => (isApiError(inspect.error) ? inspect.error.fieldMessage(f) : undefined);
  const setViolation = (i: number, change: Partial<ViolationDraft>) =>
    setViolations((vs) => vs.map((v, j) => (j === i ? { ...v, ...change } : v)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    inspect.mutate(
      { answers, inspectors: inspectors.trim() || null, findings: findings.trim() || null, violations },
      {
        onSuccess: () => {
          setViolations([]);
          setFindings('');
        },
      },
    );
  };
  const result = inspect.data ?? assess.data;
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="inspection-form">
      <h2>{t('inspections.checklist')}</h2>
      <ul className="checklist">
        {est.checklist.map((k) => (
          <li key={k.id}>
            <label>
              <input
                type="checkbox"
                checked={answers[k.id] === true}
                onChange={(e) => setAnswers({ ...answers, [k.id]: e.target.checked })}
              />
              <span>
                {i18n.language === 'en' ? k.en : k.vi}
                {k.critical && <span className="badge risk-high">{t('inspections.critical')}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="muted">
        <span className="badge provisional">{t('inspections.provisional')}</span>
      </p>
      {result && (
        <div className="notice notice-ok" role="status" data-testid="score-result">
          <strong>
            {t('inspections.scoreResult', {
              score: result.score,
              class: t(`inspections.safety.${result.safetyClass}`),
            })}
          </strong>
          {'validUntil' in result && (
            <div>{t('inspections.validUntil', { date: isoDateToText(result.validUntil) })}</div>
          )}
          {'taskIds' in result && result.taskIds.length > 0 && (
            <div>{t('inspections.tasksOpened', { count: result.taskIds.length })}</div>
          )}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="btn"
          disabled={assess.isPending}
          onClick={() => assess.mutate(answers)}
          data-testid="save-assessment"
        >
          {t('inspections.saveAssessment')}
        </button>
      </div>
      <h2>{t('inspections.inspect')}</h2>
      <FormField id="insp-team" label={t('inspections.inspectors')} optional={t('app.optional')}>
        {(aria) => <input {...aria} value={inspectors} onChange={(e) => setInspectors(e.target.value)} />}
      </FormField>
      <FormField id="insp-findings" label={t('inspections.findings')} optional={t('app.optional')}>
        {(aria) => (
          <textarea {...aria} rows={3} value={findings} onChange={(e) => setFindings(e.target.value)} />
        )}
      </FormField>
      <h3>{t('inspections.violations')}</h3>
      {violations.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no id; their order is their identity
        <fieldset className="violation" key={i}>
          <FormField
            id={`v-desc-${i}`}
            label={t('inspections.description')}
            error={fieldError(`violations.${i}.description`)}
          >
            {(aria) => (
              <input
                {...aria}
                value={v.description}
                onChange={(e) => setViolation(i, { description: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            id={`v-kind-${i}`}
            label={t('inspections.penaltyKindLabel')}
            error={fieldError(`violations.${i}.penaltyKind`)}
          >
            {(aria) => (
              <select
                {...aria}
                value={v.penaltyKind}
                onChange={(e) => setViolation(i, { penaltyKind: e.target.value as PenaltyKind | '' })}
              >
                <option value="">{t('inspections.noPenalty')}</option>
                {PENALTY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`inspections.penalty.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {v.penaltyKind === 'fine' && (
            <FormField
              id={`v-amount-${i}`}
              label={t('inspections.amount')}
              error={fieldError(`violations.${i}.penaltyAmount`)}
            >
              {(aria) => (
                <input
                  {...aria}
                  inputMode="numeric"
                  value={v.penaltyAmount}
                  onChange={(e) => setViolation(i, { penaltyAmount: e.target.value })}
                />
              )}
            </FormField>
          )}
          <FormField id={`v-fix-${i}`} label={t('inspections.fixWithin')} optional={t('app.optional')}>
            {(aria) => (
              <input
                {...aria}
                inputMode="numeric"
                value={v.fixWithinDays}
                onChange={(e) => setViolation(i, { fixWithinDays: e.target.value })}
              />
            )}
          </FormField>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => setViolations(violations.filter((_, j) => j !== i))}
          >
            {t('inspections.removeViolation')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => setViolations([...violations, emptyViolation()])}
      >
        {t('inspections.addViolation')}
      </button>
      {error && <ErrorNotice error={error} />}
      <div className="actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={inspect.isPending}
          data-testid="save-inspection"
        >
          {t('inspections.inspect')}
        </button>
      </div>
    </form>
  );
}

/** /inspections/:id — an establishment on the phone: its facts, checklist and forms, then its history. */
export function EstablishmentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const est = useEstablishment(id);
  useDocumentTitle(est.data?.name ?? t('inspections.title'));
  if (est.isPending) return <Loading />;
  if (est.error) return <ErrorNotice error={est.error} onRetry={() => est.refetch()} />;
  const e = est.data;
  return (
    <>
      <p>
        <Link to="/inspections">{t('inspections.back')}</Link>
      </p>
      <div className="page-head">
        <h1>{e.name}</h1>
      </div>
      <section className="card">
        <p>
          {t(`inspections.sector.${e.sector}`)} · {t(`inspections.size.${e.size}`)} ·{' '}
          <span className={`badge risk-${e.riskClass}`}>{t(`inspections.risk.${e.riskClass}`)}</span>
        </p>
        {e.address && <p className="muted">{e.address}</p>}
        {e.phone && (
          <p>
            <a href={`tel:${e.phone}`}>{e.phone}</a>
            {e.ownerName ? ` · ${e.ownerName}` : ''}
          </p>
        )}
        <p>
          {e.daysOverdue > 0 ? (
            <span className="badge overdue">{t('inspections.daysOverdue', { count: e.daysOverdue })}</span>
          ) : (
            t('inspections.nextDue', { date: isoDateToText(e.nextDueOn) })
          )}
        </p>
      </section>
      {can(user.role, 'inspections.write') && <ChecklistForm est={e} />}
      <section className="card">
        <h2>{t('inspections.history')}</h2>
        {e.inspections.length === 0 ? (
          <p>{t('inspections.none')}</p>
        ) : (
          <ul className="rows">
            {e.inspections.map((i) => (
              <li className="row" key={i.id}>
                <div className="row-main">
                  <strong>{isoDateToText(i.inspectedOn)}</strong>{' '}
                  <span className={`badge safety-${i.safetyClass}`}>
                    {t(`inspections.safety.${i.safetyClass}`)} · {i.score}/100
                  </span>
                  {i.findings && <div>{i.findings}</div>}
                  {i.violations.map((v) => (
                    <div key={v.id} className="muted">
                      • {v.description}
                      {v.penaltyKind && ` — ${t(`inspections.penalty.${v.penaltyKind}`)}`}
                      {v.penaltyAmount != null && ` ${formatNumber(v.penaltyAmount)} đ`}
                      {v.fixBy && ` (${isoDateToText(v.fixBy)})`}
                    </div>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        )}
        <h2>{t('inspections.assessments')}</h2>
        {e.assessments.length === 0 ? (
          <p>{t('inspections.none')}</p>
        ) : (
          <ul className="rows">
            {e.assessments.map((a) => (
              <li className="row" key={a.id}>
                <div className="row-main">
                  <strong>{isoDateToText(a.assessedOn)}</strong>{' '}
                  <span className={`badge safety-${a.safetyClass}`}>
                    {t(`inspections.safety.${a.safetyClass}`)} · {a.score}/100
                  </span>{' '}
                  <span className="muted">
                    {t('inspections.validUntil', { date: isoDateToText(a.validUntil) })}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
