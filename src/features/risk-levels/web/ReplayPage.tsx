import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useToday } from '../../../web/calendar.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { LevelBadge } from './LevelBadge.tsx';
import { lastClosedWeek, useReplay, useRuleSets } from './risk-api.ts';
import './risk-levels.css';

/** /risk-levels/replay — a week under two rule sets side by side: which communes would change, and why. */
export function ReplayPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const week = params.get('week') ?? lastClosedWeek(today);
  const a = params.get('a') ?? 'QD-4800-BYT';
  const b = params.get('b') ?? 'QD-218-BYT';
  const [onlyChanged, setOnlyChanged] = useState(true);
  const sets = useRuleSets();
  const replay = useReplay(unit, week, a, b);
  useDocumentTitle(t('riskLevels.replayTitle'));
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };
  const rows = (replay.data?.units ?? []).filter((u) => !onlyChanged || u.changed);
  const select = (key: 'a' | 'b', value: string) => (
    <label>
      {t(`riskLevels.replay.${key}`)}{' '}
      <select name={key} value={value} onChange={(e) => set(key, e.target.value)}>
        {(sets.data?.ruleSets ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.provisional ? ` (${t('riskLevels.provisional')})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <main className="page">
      <h1>{t('riskLevels.replayTitle')}</h1>
      <nav className="tabs">
        <Link className="tab" to={`/risk-levels?unit=${unit}&week=${week}`}>
          {t('riskLevels.tabs.levels')}
        </Link>{' '}
        <Link className="tab" to={`/risk-levels/map?unit=${unit}&week=${week}`}>
          {t('riskLevels.tabs.map')}
        </Link>{' '}
        <span className="tab active">{t('riskLevels.tabs.replay')}</span>
      </nav>
      <div className="risk-controls">
        <label>
          {t('riskLevels.week')}{' '}
          <input type="week" value={week} onChange={(e) => e.target.value && set('week', e.target.value)} />
        </label>
        {select('a', a)}
        {select('b', b)}
        <label>
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />{' '}
          {t('riskLevels.replay.onlyChanged')}
        </label>
      </div>
      <ErrorNotice error={replay.error} />
      {replay.isLoading && <Loading />}
      {replay.data && <p role="status">{t('riskLevels.replay.changed', { count: replay.data.changed })}</p>}
      {rows.some((u) => u.a.provisional || u.b.provisional) && (
        <p className="notice">{t('riskLevels.provisionalNote')}</p>
      )}
      <table className="table risk-table">
        <thead>
          <tr>
            <th>{t('riskLevels.unit')}</th>
            <th>A</th>
            <th>B</th>
            <th className="risk-wide">{t('riskLevels.replay.reason')} (B)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.code} data-unit={u.code} data-changed={u.changed}>
              <td>{u.name}</td>
              <td>
                <LevelBadge level={u.a.level} provisional={u.a.provisional} />
              </td>
              <td>
                <LevelBadge level={u.b.level} provisional={u.b.provisional} />
              </td>
              <td className="risk-wide">{u.b.reason[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
