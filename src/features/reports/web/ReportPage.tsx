import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useSearchParams } from 'react-router-dom';
import { addDays } from '../../../core/dates.ts';
import { useToday } from '../../../web/calendar.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { formVersion } from '../rules/forms.ts';
import {
  type FormId,
  useRemind,
  useReportAction,
  useReportView,
  useRevise,
  useUnitDocuments,
} from './reports-api.ts';
import './reports.css';

const dmy = (day: string) => day.split('-').reverse().join('/');

/** /reports/daily — journey 9: the commune's 17:00 report. */
export const DailyReportPage = () => <ReportPage form="daily" />;
/** /reports/weekly — the week's report (levels, cases, directives' compliance); any day picks its week. */
export const WeeklyReportPage = () => <ReportPage form="weekly" />;
/** /reports/directive?document= — the report answering a directive: its tasks' status. */
export const DirectiveReportPage = () => <ReportPage form="directive" />;

/** The reports' pages, one tap apart: the three forms of the unit and the archive. */
export function ReportTabs({ unit }: { unit: string }) {
  const { t } = useTranslation();
  return (
    <nav className="report-tabs no-print" aria-label={t('reports.forms')}>
      {(['daily', 'weekly', 'directive', 'archive'] as const).map((to) => (
        <NavLink key={to} to={`/reports/${to}?unit=${unit}`}>
          {to === 'archive' ? t('reports.archive') : t(`reports.titles.${to}` as never)}
        </NavLink>
      ))}
    </nav>
  );
}

/** The period control of each form: a day, a week (any of its days), a directive of the unit's register. */
function PeriodControl({
  form,
  unit,
  period,
  today,
  onPeriod,
}: {
  form: FormId;
  unit: string;
  period: string;
  today: string;
  onPeriod: (period: string) => void;
}) {
  const { t } = useTranslation();
  const documents = useUnitDocuments(unit, form === 'directive');
  if (form === 'directive')
    return (
      <label>
        {t('reports.directive')}{' '}
        <select value={period} onChange={(e) => onPeriod(e.target.value)}>
          <option value="">{t('reports.chooseDirective')}</option>
          {documents.data?.documents.map((d) => (
            <option key={d.id} value={String(d.id)}>
              {[d.number && d.symbol ? `${d.number}/${d.symbol}` : (d.symbol ?? d.number), d.subject]
                .filter(Boolean)
                .join(' — ') || `#${d.id}`}
            </option>
          ))}
        </select>
      </label>
    );
  return (
    <label>
      {t(form === 'weekly' ? 'reports.week' : 'reports.date')}{' '}
      <input
        type="date"
        value={period}
        max={today}
        onChange={(e) => e.target.value && onPeriod(e.target.value)}
      />
    </label>
  );
}

/**
 * A unit's report of a form (journey 9): the numbers compiled from the records, a correction beside the
 * computed value with its reason, free text, sign-off, submission, a new version superseding a submitted one;
 * for a district or province the units below (submitted, late, missing) and a reminder to the late ones.
 * Printable (the page's print styles).
 */
export function ReportPage({ form: formId }: { form: FormId }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const periodParam = formId === 'directive' ? 'document' : 'date';
  const period = params.get(periodParam) ?? (formId === 'directive' ? '' : today);
  const view = useReportView(formId, unit, period);
  const act = useReportAction(formId, unit, period);
  const remind = useRemind(formId, unit, period);
  const revise = useRevise(formId, unit, period);
  const [editing, setEditing] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const title = t(`reports.titles.${formId}` as never);
  useDocumentTitle(title);
  const control = (
    <div className="report-controls no-print">
      <ReportTabs unit={unit} />
      <PeriodControl
        form={formId}
        unit={unit}
        period={period}
        today={today}
        onPeriod={(next) => setParams({ unit, [periodParam]: next })}
      />
    </div>
  );
  if (period === '')
    return (
      <div className="page report-page">
        <h1>{title}</h1>
        {control}
      </div>
    );
  if (view.isPending) return <Loading />;
  if (view.error) return <ErrorNotice error={view.error} onRetry={() => view.refetch()} />;
  const v = view.data;
  const form = formVersion(v.form, v.formVersion)!;
  const report = v.report;
  const state = report?.state ?? 'draft';
  const locked = state === 'submitted';
  const fields = new Map(report?.fields.map((f) => [f.key, f]) ?? []);
  const id = report && report.state !== 'submitted' ? report.id : null;
  const correct = (e: FormEvent<HTMLFormElement>, key: string) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    act.mutate(
      {
        id,
        action: 'corrections',
        body: { field: key, value: Number(data.get('value')), reason: String(data.get('reason') ?? '') },
      },
      { onSuccess: () => setEditing(null) },
    );
  };
  const saveTexts = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    act.mutate({
      id,
      action: 'texts',
      body: { texts: Object.fromEntries(form.sections.map((s) => [s.key, String(data.get(s.key) ?? '')])) },
    });
  };
  let group = '';
  return (
    <div className="page report-page">
      <h1>
        {title}: {v.unit.name}
      </h1>
      {control}
      {v.form === 'weekly' && (
        <p>{t('reports.weekOf', { from: dmy(v.period), to: dmy(addDays(v.period, 6)) })}</p>
      )}
      <p className={`report-state state-${state}`} data-state={locked ? 'submitted' : state}>
        {t(`reports.states.${locked ? 'submitted' : state}` as never)}
        {report?.signedBy ? ` · ${t('reports.signedBy')} ${report.signedBy}` : ''}
        {v.deadline
          ? ` · ${t('reports.deadline')} ${v.deadline.slice(11)} ${dmy(v.deadline.slice(0, 10))}`
          : ''}
        {v.late ? ` · ${t('reports.late')}` : ''}
        {v.deadlineProvisional ? ` (${t('reports.provisional')})` : ''}
        {report && report.version > 1 ? ` · ${t('reports.version', { n: report.version })}` : ''}
      </p>
      {act.error && <ErrorNotice error={act.error} />}
      {revise.error && <ErrorNotice error={revise.error} />}
      {v.asOfCompiled.length > 0 && (
        <p className="report-as-of" data-as-of={v.compiledOn}>
          {t('reports.asOfCompiled', { date: dmy(v.compiledOn) })}
        </p>
      )}
      <table className="report-table">
        <thead>
          <tr>
            <th>{t('reports.field')}</th>
            <th>{t('reports.value')}</th>
          </tr>
        </thead>
        <tbody>
          {form.fields.flatMap((f) => {
            const row = fields.get(f.key);
            const value = row?.value ?? v.numbers[f.key] ?? null;
            const rows = [];
            if (f.group[lang] !== group) {
              group = f.group[lang];
              rows.push(
                <tr key={`g-${group}`} className="report-group">
                  <th colSpan={2}>{group}</th>
                </tr>,
              );
            }
            rows.push(
              <tr key={f.key} data-field={f.key}>
                <td>{f.label[lang]}</td>
                <td>
                  <strong>{formatNumber(value)}</strong>
                  {row?.correction && (
                    <div className="report-correction">
                      {t('reports.computed')} {formatNumber(row.computed)} · {row.correction.reason}
                    </div>
                  )}
                  {!locked && can(user.role, 'reports.write') && editing !== f.key && (
                    <button type="button" className="link no-print" onClick={() => setEditing(f.key)}>
                      {t('reports.correct')}
                    </button>
                  )}
                  {editing === f.key && (
                    <form className="report-correct" onSubmit={(e) => correct(e, f.key)}>
                      <input
                        name="value"
                        type="number"
                        min={0}
                        defaultValue={value ?? 0}
                        aria-label={t('reports.value')}
                      />
                      <input name="reason" required minLength={3} placeholder={t('reports.reason')} />
                      <button type="submit">{t('reports.save')}</button>
                    </form>
                  )}
                </td>
              </tr>,
            );
            return rows;
          })}
        </tbody>
      </table>
      <form className="report-texts" onSubmit={saveTexts}>
        {form.sections.map((s) => (
          <label key={s.key}>
            {s.label[lang]}
            <textarea name={s.key} rows={3} defaultValue={report?.texts[s.key] ?? ''} disabled={locked} />
          </label>
        ))}
        {!locked && (
          <button type="submit" className="no-print">
            {t('reports.saveTexts')}
          </button>
        )}
      </form>
      {v.rollUp && (
        <section className="report-units">
          <h2>
            {t('reports.units')} ({v.rollUp.submitted.length}/{v.rollUp.units.length})
          </h2>
          <ul>
            {v.rollUp.units.map((u) => (
              <li key={u.code} className={u.submitted ? 'ok' : 'missing'}>
                {u.name}: {u.submitted ? t('reports.states.submitted') : t('reports.missing')}
                {u.late ? ` (${t('reports.late')})` : ''}
              </li>
            ))}
          </ul>
          {v.lateUnits.length > 0 && can(user.role, 'reports.write') && (
            <button type="button" className="no-print" onClick={() => remind.mutate()}>
              {t('reports.remind')}
            </button>
          )}
          {remind.data && <p>{t('reports.reminded', { count: remind.data.opened.length })}</p>}
        </section>
      )}
      <div className="report-actions no-print">
        {!locked && state !== 'signed' && can(user.role, 'reports.sign') && (
          <button type="button" disabled={act.isPending} onClick={() => act.mutate({ id, action: 'sign' })}>
            {t('reports.sign')}
          </button>
        )}
        {state === 'signed' && can(user.role, 'reports.sign') && (
          <button type="button" disabled={act.isPending} onClick={() => act.mutate({ id, action: 'submit' })}>
            {t('reports.submit')}
          </button>
        )}
        {locked && can(user.role, 'reports.write') && (
          <button type="button" disabled={revise.isPending} onClick={() => revise.mutate()}>
            {t('reports.revise')}
          </button>
        )}
        {v.form === 'daily' ? (
          <>
            <a href={`/api/reports/daily.docx?unit=${unit}&date=${period}`}>.docx</a>{' '}
            <a href={`/api/reports/daily.xlsx?unit=${unit}&date=${period}`}>.xlsx</a>{' '}
          </>
        ) : (
          report && (
            <>
              <a href={`/api/reports/${report.id}/docx`}>.docx</a>{' '}
              <a href={`/api/reports/${report.id}/xlsx`}>.xlsx</a>{' '}
            </>
          )
        )}
        <Link to={`/reports/archive?unit=${unit}&form=${v.form}`}>{t('reports.archive')}</Link>{' '}
        <button type="button" className="link" onClick={() => window.print()}>
          {t('reports.print')}
        </button>
      </div>
    </div>
  );
}
