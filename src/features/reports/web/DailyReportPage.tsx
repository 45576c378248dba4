import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useToday } from '../../../web/calendar.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { formVersion } from '../rules/forms.ts';
import { useDailyReport, useRemind, useReportAction } from './reports-api.ts';
import './reports.css';

const dmy = (day: string) => day.split('-').reverse().join('/');

/**
 * /reports/daily — a unit's daily report (journey 9): the numbers compiled from the records, a correction
 * beside the computed value with its reason, free text, sign-off, submission; for a district or province the
 * units below (submitted, late, missing) and a reminder to the late ones. Printable (the page's print styles).
 */
export function DailyReportPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const date = params.get('date') ?? today;
  const view = useDailyReport(unit, date);
  const act = useReportAction(unit, date);
  const remind = useRemind(unit, date);
  const [editing, setEditing] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  useDocumentTitle(t('reports.dailyTitle'));
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
    <main className="page report-page">
      <h1>
        {t('reports.dailyTitle')}: {v.unit.name}
      </h1>
      <div className="report-controls no-print">
        <label>
          {t('reports.date')}{' '}
          <input
            type="date"
            value={date}
            max={today}
            onChange={(e) => e.target.value && setParams({ unit, date: e.target.value })}
          />
        </label>
      </div>
      <p className={`report-state state-${state}`} data-state={locked ? 'submitted' : state}>
        {t(`reports.states.${locked ? 'submitted' : state}` as never)}
        {report?.signedBy ? ` · ${t('reports.signedBy')} ${report.signedBy}` : ''}
        {v.deadline
          ? ` · ${t('reports.deadline')} ${v.deadline.slice(11)} ${dmy(v.deadline.slice(0, 10))}`
          : ''}
        {v.late ? ` · ${t('reports.late')}` : ''}
      </p>
      {act.error && <ErrorNotice error={act.error} />}
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
        <a href={`/api/reports/daily.docx?unit=${unit}&date=${date}`}>.docx</a>{' '}
        <a href={`/api/reports/daily.xlsx?unit=${unit}&date=${date}`}>.xlsx</a>{' '}
        <button type="button" className="link" onClick={() => window.print()}>
          {t('reports.print')}
        </button>
      </div>
    </main>
  );
}
