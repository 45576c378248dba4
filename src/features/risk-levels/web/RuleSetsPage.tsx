import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { api, isApiError } from '../../../web/api.ts';
import { useToday } from '../../../web/calendar.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { RequireAdmin } from '../../../web/RequireAdmin.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import type { revisionBody } from '../schemas.ts';
import { LevelBadge } from './LevelBadge.tsx';
import { type RuleSetView, useRuleSets } from './risk-api.ts';
import './risk-levels.css';

type Revision = z.infer<typeof revisionBody>;
type BandRow = { level: number; min: string; max: string; provisional: boolean };
/** 218's raises by one level: deaths, and severe (oxygen-support) cases, per 100,000 per week. */
const RAISES = ['severity', 'severeCases'] as const;
type Raise = (typeof RAISES)[number];
type RaiseRow = { raiseAt: string; provisional: boolean };

/**
 * /risk-levels/rule-sets — administrators: the national sets (4800, 218) and the province's variants, each
 * value flagged provisional or confirmed; a new version with the provisional values a document sets (its
 * number and date, and the day the values apply from). The server refuses overlapping or missing bands, values
 * applying before the document was signed and edits of confirmed values, naming the field; announced levels
 * keep the version they were made under. A province copies a national set as its own variant here.
 */
export function RuleSetsPage() {
  return (
    <RequireAdmin>
      <RuleSets />
    </RequireAdmin>
  );
}

function RuleSets() {
  const { t } = useTranslation();
  const sets = useRuleSets();
  const [picked, setPicked] = useState<string | null>(null);
  // Outside the editor, which starts afresh on the version saved.
  const [saved, setSaved] = useState<RuleSetView | null>(null);
  useDocumentTitle(t('riskLevels.ruleSets.title'));
  const set = sets.data?.ruleSets.find((s) => s.id === picked) ?? null;
  return (
    <main className="page">
      <h1>{t('riskLevels.ruleSets.title')}</h1>
      <nav className="tabs">
        <Link className="tab" to="/risk-levels">
          {t('riskLevels.tabs.levels')}
        </Link>{' '}
        <span className="tab active">{t('riskLevels.tabs.ruleSets')}</span>
      </nav>
      <ErrorNotice error={sets.error} onRetry={() => sets.refetch()} />
      {sets.isLoading && <Loading />}
      <ul className="risk-sets">
        {sets.data?.ruleSets.map((s) => (
          <li key={s.id} data-set={s.id}>
            <button
              type="button"
              className={`link${s.id === picked ? ' active' : ''}`}
              onClick={() => setPicked(s.id)}
            >
              {s.name}
            </button>{' '}
            <small>
              v{s.version} · {s.provinceCode ?? t('riskLevels.ruleSets.national')} ·{' '}
              {formatDate(s.effectiveFrom)} – {s.effectiveTo ? formatDate(s.effectiveTo) : '…'}
              {s.provisional ? ` · ${t('riskLevels.provisional')}` : ''}
              {s.revision ? ` · ${s.revision.documentNumber} (${formatDate(s.revision.documentDate)})` : ''}
            </small>
          </li>
        ))}
      </ul>
      {set && <Editor key={`${set.id}@${set.version}`} set={set} onSaved={setSaved} />}
      {saved && saved.id === set?.id && (
        <p role="status">{t('riskLevels.ruleSets.saved', { version: saved.version })}</p>
      )}
    </main>
  );
}

const pct = (v: number) => String(Math.round(v * 1000) / 10);
const share = (text: string) => Number(text.replace(',', '.')) / 100;

function Editor({ set, onSaved }: { set: RuleSetView; onSaved: (saved: RuleSetView) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const today = useToday();
  const client = useQueryClient();
  const national = set.provinceCode === null;
  const mayRevise = !national || user.unitCode === 'VN';
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(today);
  const [valuesFrom, setValuesFrom] = useState(today < set.effectiveFrom ? set.effectiveFrom : today);
  const [bands, setBands] = useState<BandRow[]>(
    set.criterion1.bands.map((b) => ({
      level: b.level,
      min: String(b.min),
      max: b.max === null ? '' : String(b.max),
      provisional: b.provisional,
    })),
  );
  const [coverage, setCoverage] = useState(pct(set.criterion2.threshold));
  const [coverageProvisional, setCoverageProvisional] = useState(set.criterion2.provisional);
  const [raise, setRaise] = useState(String(set.matrix.raiseWhenNotMet));
  const [matrixProvisional, setMatrixProvisional] = useState(set.matrix.provisional);
  const [raises, setRaises] = useState<Partial<Record<Raise, RaiseRow>>>(() =>
    Object.fromEntries(
      RAISES.flatMap((key) => {
        const value = set[key];
        return value ? [[key, { raiseAt: String(value.raiseAt), provisional: value.provisional }]] : [];
      }),
    ),
  );
  const save = useMutation({
    mutationFn: (body: Revision) =>
      api<RuleSetView>('POST', `/api/risk-levels/rule-sets/${encodeURIComponent(set.id)}/revisions`, body),
    onSuccess: (saved) => {
      onSaved(saved);
      return client.invalidateQueries({ queryKey: ['riskLevels'] });
    },
  });
  const fieldError = (field: string) => (isApiError(save.error) ? save.error.fieldMessage(field) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      document: { number, date },
      valuesFrom,
      bands: bands.map((b) => ({
        level: b.level,
        min: Number(b.min),
        max: b.max.trim() === '' ? null : Number(b.max),
        provisional: b.provisional,
      })),
      coverage: { threshold: share(coverage), provisional: coverageProvisional },
      matrix: { raiseWhenNotMet: Number(raise), provisional: matrixProvisional },
      ...Object.fromEntries(
        Object.entries(raises).map(([key, r]) => [
          key,
          { raiseAt: Number(r.raiseAt.replace(',', '.')), provisional: r.provisional },
        ]),
      ),
    });
  };
  const band = (i: number, patch: Partial<BandRow>) =>
    setBands(bands.map((b, k) => (k === i ? { ...b, ...patch } : b)));
  const problem = (field: string) => {
    const m = fieldError(field);
    return m ? (
      <span className="field-error" role="alert" data-field={field}>
        {m}
      </span>
    ) : null;
  };
  return (
    <section className="risk-editor" aria-labelledby="risk-editor-title">
      <h2 id="risk-editor-title">
        {set.name} (v{set.version})
      </h2>
      <p>
        {set.legalBasis}
        {set.legalBasisProvisional ? ` (${t('riskLevels.provisional')})` : ''}
      </p>
      {!mayRevise && <p className="notice">{t('riskLevels.ruleSets.nationalOnly')}</p>}
      {national && user.unitCode !== 'VN' && <CopyAsVariant set={set} />}
      <form onSubmit={submit}>
        <fieldset disabled={!mayRevise}>
          <legend>{t('riskLevels.ruleSets.document')}</legend>
          <label>
            {t('riskLevels.ruleSets.documentNumber')}{' '}
            <input name="documentNumber" value={number} onChange={(e) => setNumber(e.target.value)} />
          </label>{' '}
          {problem('document.number')}
          <label>
            {t('riskLevels.ruleSets.documentDate')}{' '}
            <input name="documentDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>{' '}
          <label>
            {t('riskLevels.ruleSets.valuesFrom')}{' '}
            <input
              name="valuesFrom"
              type="date"
              value={valuesFrom}
              onChange={(e) => setValuesFrom(e.target.value)}
            />
          </label>{' '}
          {problem('valuesFrom')}
        </fieldset>
        <fieldset disabled={!mayRevise}>
          <legend>{t('riskLevels.bands')}</legend>
          <table className="table risk-bands">
            <thead>
              <tr>
                <th>{t('riskLevels.level')}</th>
                <th>{t('riskLevels.ruleSets.min')}</th>
                <th>{t('riskLevels.ruleSets.max')}</th>
                <th>{t('riskLevels.provisional')}</th>
              </tr>
            </thead>
            <tbody>
              {bands.map((b, i) => {
                const confirmed = !set.criterion1.bands[i]?.provisional && i < set.criterion1.bands.length;
                return (
                  <tr key={b.level} data-band={i}>
                    <td>
                      <LevelBadge level={b.level} />
                    </td>
                    <td>
                      <input
                        name={`bands.${i}.min`}
                        inputMode="decimal"
                        size={5}
                        value={b.min}
                        disabled={confirmed}
                        onChange={(e) => band(i, { min: e.target.value })}
                      />
                      {problem(`criterion1.bands.${i}.min`)}
                    </td>
                    <td>
                      <input
                        name={`bands.${i}.max`}
                        inputMode="decimal"
                        size={5}
                        value={b.max}
                        placeholder="∞"
                        disabled={confirmed}
                        onChange={(e) => band(i, { max: e.target.value })}
                      />
                      {problem(`criterion1.bands.${i}.max`)}
                      {problem(`criterion1.bands.${i}`)}
                    </td>
                    <td>
                      {confirmed ? (
                        t('riskLevels.ruleSets.confirmed')
                      ) : (
                        <input
                          type="checkbox"
                          aria-label={`${t('riskLevels.provisional')} ${b.level}`}
                          checked={b.provisional}
                          onChange={(e) => band(i, { provisional: e.target.checked })}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
        <fieldset disabled={!mayRevise}>
          <legend>{t('riskLevels.coverage')}</legend>
          <label>
            {t('riskLevels.ruleSets.threshold')} (%){' '}
            <input
              name="coverage"
              inputMode="decimal"
              size={5}
              value={coverage}
              disabled={!set.criterion2.provisional}
              onChange={(e) => setCoverage(e.target.value)}
            />
          </label>{' '}
          <label>
            <input
              type="checkbox"
              checked={coverageProvisional}
              disabled={!set.criterion2.provisional}
              onChange={(e) => setCoverageProvisional(e.target.checked)}
            />{' '}
            {t('riskLevels.provisional')}
          </label>
          {problem('criterion2.threshold')}
          <br />
          <label>
            {t('riskLevels.ruleSets.raise')}{' '}
            <input
              name="raiseWhenNotMet"
              type="number"
              min={0}
              max={3}
              value={raise}
              disabled={!set.matrix.provisional}
              onChange={(e) => setRaise(e.target.value)}
            />
          </label>{' '}
          <label>
            <input
              type="checkbox"
              checked={matrixProvisional}
              disabled={!set.matrix.provisional}
              onChange={(e) => setMatrixProvisional(e.target.checked)}
            />{' '}
            {t('riskLevels.provisional')}
          </label>
          {problem('matrix.raiseWhenNotMet')}
        </fieldset>
        {Object.keys(raises).length > 0 && (
          <fieldset disabled={!mayRevise}>
            <legend>{t('riskLevels.ruleSets.raises')}</legend>
            {RAISES.map((key) => {
              const r = raises[key];
              const confirmed = !set[key]?.provisional;
              const change = (patch: Partial<RaiseRow>) =>
                setRaises({ ...raises, [key]: { ...r!, ...patch } });
              return r ? (
                <p key={key} data-raise={key}>
                  <label>
                    {t(`riskLevels.ruleSets.${key}`)}{' '}
                    <input
                      name={`${key}.raiseAt`}
                      inputMode="decimal"
                      size={5}
                      value={r.raiseAt}
                      disabled={confirmed}
                      onChange={(e) => change({ raiseAt: e.target.value })}
                    />
                  </label>{' '}
                  <label>
                    <input
                      type="checkbox"
                      checked={r.provisional}
                      disabled={confirmed}
                      onChange={(e) => change({ provisional: e.target.checked })}
                    />{' '}
                    {t('riskLevels.provisional')}
                  </label>
                  {problem(`${key}.raiseAt`)}
                </p>
              ) : null;
            })}
          </fieldset>
        )}
        <button type="submit" className="btn btn-primary" disabled={!mayRevise || save.isPending}>
          {t('riskLevels.ruleSets.save')}
        </button>
        <ErrorNotice error={save.error} />
      </form>
    </section>
  );
}

/** A province's own variant of a national set, from the document that adopts it (then revised above). */
function CopyAsVariant({ set }: { set: RuleSetView }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const client = useQueryClient();
  const [number, setNumber] = useState('');
  const [signedOn, setSignedOn] = useState(set.effectiveFrom);
  const [effectiveFrom, setEffectiveFrom] = useState(set.effectiveFrom);
  const copy = useMutation({
    mutationFn: () => {
      const { version: _v, provisional: _p, revision: _r, ...rest } = set;
      return api<RuleSetView>('POST', '/api/risk-levels/rule-sets', {
        ...rest,
        id: `${user.unitCode}-${set.id}`,
        name: `${set.name} — ${user.unitName}`,
        legalBasis: `${number} — ${set.legalBasis}`,
        provinceCode: user.unitCode,
        basedOn: set.id,
        signedOn,
        effectiveFrom,
      });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['riskLevels'] }),
  });
  return (
    <form
      className="risk-copy"
      onSubmit={(e) => {
        e.preventDefault();
        copy.mutate();
      }}
    >
      <h3>{t('riskLevels.ruleSets.copyTitle')}</h3>
      <label>
        {t('riskLevels.ruleSets.documentNumber')}{' '}
        <input name="copyNumber" value={number} onChange={(e) => setNumber(e.target.value)} />
      </label>{' '}
      <label>
        {t('riskLevels.ruleSets.signedOn')}{' '}
        <input type="date" value={signedOn} onChange={(e) => setSignedOn(e.target.value)} />
      </label>{' '}
      <label>
        {t('riskLevels.ruleSets.effectiveFrom')}{' '}
        <input type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
      </label>{' '}
      <button type="submit" className="btn" disabled={copy.isPending || number.trim() === ''}>
        {t('riskLevels.ruleSets.copy')}
      </button>
      <ErrorNotice error={copy.error} />
      {copy.data && <p role="status">{copy.data.name}</p>}
    </form>
  );
}
