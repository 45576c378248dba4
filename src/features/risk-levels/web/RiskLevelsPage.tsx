import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useToday } from '../../../web/calendar.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { LevelBadge } from './LevelBadge.tsx';
import { RiskMap } from './RiskMap.tsx';
import {
  lastClosedWeek,
  type UnitRiskLevel,
  useAnnounce,
  useHistory,
  useMeasures,
  useRiskLevels,
  useWhy,
} from './risk-api.ts';
import './risk-levels.css';

const percent = (v: number | null) =>
  v === null ? '–' : `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

/**
 * /risk-levels — the week's level of the user's unit (or ?unit=) and of each unit below it, why, and (for
 * those who may) the committee's announcement. A commune sees its own level and why on the phone.
 */
export function RiskLevelsPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const week = params.get('week') ?? lastClosedWeek(today);
  const levels = useRiskLevels(unit, week);
  useDocumentTitle(t('riskLevels.title'));
  const go = (next: { unit?: string; week?: string }) => {
    const search = new URLSearchParams();
    search.set('unit', next.unit ?? unit);
    search.set('week', next.week ?? week);
    setParams(search);
  };
  const own = levels.data?.units[0];
  const below = levels.data?.units.slice(1) ?? [];
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <main className="page">
      <h1>
        {t('riskLevels.title')}
        {own ? `: ${own.name}` : ''}
      </h1>
      <nav className="tabs">
        <span className="tab active">{t('riskLevels.tabs.levels')}</span>{' '}
        <Link className="tab" to={`/risk-levels/map?unit=${unit}&week=${week}`}>
          {t('riskLevels.tabs.map')}
        </Link>{' '}
        <Link className="tab" to={`/risk-levels/replay?unit=${unit}&week=${week}`}>
          {t('riskLevels.tabs.replay')}
        </Link>
        {can(user.role, 'riskLevels.ruleSets') && (
          <>
            {' '}
            <Link className="tab" to="/risk-levels/rule-sets">
              {t('riskLevels.tabs.ruleSets')}
            </Link>
          </>
        )}
      </nav>
      <div className="risk-controls">
        <label>
          {t('riskLevels.week')}{' '}
          <input
            type="week"
            value={week}
            onChange={(e) => e.target.value && go({ week: e.target.value })}
            aria-label={t('riskLevels.week')}
          />
        </label>
        {unit !== user.unitCode && (
          <button type="button" className="btn btn-small" onClick={() => go({ unit: user.unitCode })}>
            ↑ {user.unitCode}
          </button>
        )}
      </div>
      <ErrorNotice error={levels.error} onRetry={() => levels.refetch()} />
      {levels.isLoading && <Loading />}
      {own && (
        <section aria-labelledby="risk-own">
          <h2 id="risk-own">
            <LevelBadge level={own.announcedLevel ?? own.level} provisional={own.provisional} />{' '}
            {t(`riskLevels.levelNames.${own.announcedLevel ?? own.level}` as never)}
          </h2>
          <p>
            {t('riskLevels.level')}: <LevelBadge level={own.level} /> · {t('riskLevels.announced')}:{' '}
            <LevelBadge level={own.announcedLevel} />
          </p>
          <p>{own.reason[lang]}</p>
          {own.provisional && <p className="notice">{t('riskLevels.provisionalNote')}</p>}
          <Why unit={own.code} week={week} />
          {can(user.role, 'riskLevels.announce') && <Announce row={own} week={week} />}
          <History unit={own.code} />
        </section>
      )}
      {own && own.adminLevel <= 2 && (
        <RiskMap unit={unit} week={week} onPick={(code) => go({ unit: code })} />
      )}
      {below.length > 0 && (
        <table className="table risk-table">
          <thead>
            <tr>
              <th>{t('riskLevels.unit')}</th>
              <th>{t('riskLevels.level')}</th>
              <th>{t('riskLevels.announced')}</th>
              <th>{t('riskLevels.casesPer100k')}</th>
              <th className="risk-wide">{t('riskLevels.coverage')}</th>
              <th className="risk-wide">{t('riskLevels.capacity')}</th>
            </tr>
          </thead>
          <tbody>
            {below.map((u) => (
              <tr key={u.code} data-unit={u.code}>
                <td>
                  <button type="button" className="link" onClick={() => go({ unit: u.code })}>
                    {u.name}
                  </button>
                </td>
                <td>
                  <LevelBadge level={u.level} provisional={u.provisional} />
                </td>
                <td>
                  <LevelBadge level={u.announcedLevel} />
                </td>
                <td>
                  {u.criteria.newCasesPer100kPerWeek === null
                    ? '–'
                    : formatNumber(u.criteria.newCasesPer100kPerWeek)}
                </td>
                <td className="risk-wide">{percent(u.criteria.coverage)}</td>
                <td className="risk-wide">
                  {u.capacityAssumed ? t('riskLevels.capacityAssumed') : u.criteria.capacityMet ? '✓' : '✗'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function Why({ unit, week }: { unit: string; week: string }) {
  const { t, i18n } = useTranslation();
  const why = useWhy(unit, week);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  if (!why.data) return <ErrorNotice error={why.error} />;
  const w = why.data;
  return (
    <details className="risk-why" open>
      <summary>{t('riskLevels.why')}</summary>
      <p>
        {t('riskLevels.ruleSet')}: {w.ruleSet.name} (v{w.ruleSet.version}) — {w.ruleSet.legalBasis}
      </p>
      <p>
        {t('riskLevels.decidingRule')}: <strong>{w.decidingRule.text[lang]}</strong>
      </p>
      <ol>
        {w.rules.map((r) => (
          <li key={r.rule} className={r.applied ? 'applied' : ''}>
            {r.text[lang]} ({r.applied ? t('riskLevels.applied') : t('riskLevels.notApplied')}
            {r.provisional ? `, ${t('riskLevels.provisional')}` : ''}) <small>{r.clause}</small>
          </li>
        ))}
      </ol>
      {w.criterion3.checks.length > 0 && (
        <>
          <p>{t('riskLevels.criterion3Checks')}:</p>
          <ul className="risk-capacity">
            {w.criterion3.checks.map((c) => (
              <li key={c.name}>
                {c.met ? '✓' : '✗'} {c.text[lang]}
                {c.provisional ? ` (${t('riskLevels.provisional')})` : ''} <small>{c.clause}</small>
              </li>
            ))}
          </ul>
        </>
      )}
      <Measures level={w.level} />
      <p>{t('riskLevels.bands')}:</p>
      <ul>
        {w.criterion1.bands.map((b) => (
          <li key={b.level}>
            <LevelBadge level={b.level} provisional={b.provisional} /> {b.min} –{' '}
            {b.max === null ? '∞' : `< ${b.max}`}
          </li>
        ))}
      </ul>
      {w.distribution && (
        <p>
          {t('riskLevels.distribution')}:{' '}
          {(['1', '2', '3', '4'] as const).map((l) => (
            <span key={l}>
              <LevelBadge level={Number(l)} /> {w.distribution![l]}{' '}
            </span>
          ))}
        </p>
      )}
    </details>
  );
}

/** The measures of the level in force today (Resolution 128, rules.md §1.3), provisional ones flagged. */
function Measures({ level }: { level: number }) {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const measures = useMeasures(level, today);
  if (!measures.data) return null;
  return (
    <>
      <p>
        {t('riskLevels.measuresInForce', { level })} — <small>{measures.data.ruleSet.name}</small>
      </p>
      <ul className="risk-measures">
        {measures.data.measures.map((m) => (
          <li key={m.activity} data-restriction={m.restriction}>
            <strong>{m.name[lang]}</strong>: {m.text[lang]}
            {m.provisional ? ` (${t('riskLevels.provisional')})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function Announce({ row, week }: { row: UnitRiskLevel; week: string }) {
  const { t } = useTranslation();
  const today = useToday();
  const announce = useAnnounce();
  const [level, setLevel] = useState(row.level);
  const [decisionNumber, setNumber] = useState('');
  const [decisionDate, setDate] = useState(today);
  const [announcedBy, setBy] = useState('');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    announce.mutate({
      unit: row.code,
      week,
      level,
      decisionNumber,
      decisionDate,
      announcedBy,
      reason: reason || null,
    });
  };
  return (
    <form className="risk-announce" onSubmit={submit} aria-labelledby="risk-announce-title">
      <h3 id="risk-announce-title">{t('riskLevels.announce.title')}</h3>
      <label>
        {t('riskLevels.announce.level')}{' '}
        <select name="level" value={level} onChange={(e) => setLevel(Number(e.target.value))}>
          {[1, 2, 3, 4].map((l) => (
            <option key={l} value={l}>
              {t(`riskLevels.levelNames.${l}` as never)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('riskLevels.announce.decisionNumber')}{' '}
        <input name="decisionNumber" value={decisionNumber} onChange={(e) => setNumber(e.target.value)} />
      </label>{' '}
      <label>
        {t('riskLevels.announce.decisionDate')}{' '}
        <input
          name="decisionDate"
          type="date"
          value={decisionDate}
          onChange={(e) => setDate(e.target.value)}
        />
      </label>{' '}
      <label>
        {t('riskLevels.announce.announcedBy')}{' '}
        <input name="announcedBy" value={announcedBy} onChange={(e) => setBy(e.target.value)} />
      </label>{' '}
      <label>
        {t('riskLevels.announce.reason')}{' '}
        <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>{' '}
      <button type="submit" className="btn btn-primary" disabled={announce.isPending}>
        {t('riskLevels.announce.submit')}
      </button>
      <ErrorNotice error={announce.error} />
      {announce.data && (
        <p role="status">
          {t('riskLevels.announce.done', {
            level: announce.data.level,
            number: announce.data.decisionNumber,
          })}
        </p>
      )}
    </form>
  );
}

function History({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const history = useHistory(unit);
  const list = history.data?.announcements ?? [];
  if (list.length === 0) return null;
  return (
    <section>
      <h3>{t('riskLevels.history')}</h3>
      <ul>
        {list.map((a) => (
          <li key={a.id}>
            {a.week}: <LevelBadge level={a.level} /> ({t('riskLevels.level')} {a.proposedLevel}) —{' '}
            {a.decisionNumber}, {a.decisionDate}, {a.announcedBy}
            {a.reason ? ` — ${a.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
