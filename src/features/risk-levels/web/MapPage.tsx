import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { addDays } from '../../../core/dates.ts';
import { useToday } from '../../../web/calendar.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { weekDays, weekOf } from '../rules/week.ts';
import { LEVEL_FILL, LevelMap } from './LevelMap.tsx';
import { type MapView, useLevelMap } from './risk-api.ts';
import './risk-levels.css';

/** The first week a level can be computed for: Decision 4800 took effect on 12/10/2021 (rules.md §0). */
const FIRST_WEEK = '2021-W41';

/** Every ISO week from `first` to `last`, in order. */
function weeksBetween(first: string, last: string): string[] {
  const out: string[] = [];
  const end = weekDays(last)?.monday ?? weekDays(first)!.monday;
  for (let d = weekDays(first)!.monday; d <= end; d = addDays(d, 7)) out.push(weekOf(d));
  return out;
}

/**
 * /risk-levels/map — the province's districts coloured by level for a week (the slider: ISO weeks from 4800's
 * first to the app's today, today's week by default — the demo's as-of week), each district's communes as
 * coloured markers in a list under their district (no commune boundaries are shipped). Printable: the
 * controls hide, the map and the lists fill an A4 page.
 */
export function MapPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? user.unitCode;
  const current = weekOf(today);
  const weeks = useMemo(() => weeksBetween(FIRST_WEEK, current), [current]);
  const week = params.get('week') ?? current;
  const index = Math.max(0, weeks.indexOf(week));
  const map = useLevelMap(unit, week);
  useDocumentTitle(t('riskLevels.map'));
  const days = weekDays(week);
  const label = days
    ? t('riskLevels.mapPage.weekLabel', {
        week: week.slice(6),
        year: week.slice(0, 4),
        from: formatDate(days.monday),
        to: formatDate(days.sunday),
      })
    : week;
  const go = (w: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', unit);
    next.set('week', w);
    setParams(next, { replace: true });
  };
  return (
    <main className="page risk-map-page">
      <h1>
        {t('riskLevels.map')}
        {map.data ? `: ${map.data.province.name}` : ''}
      </h1>
      <nav className="tabs no-print">
        <Link className="tab" to={`/risk-levels?unit=${unit}&week=${week}`}>
          {t('riskLevels.tabs.levels')}
        </Link>{' '}
        <span className="tab active">{t('riskLevels.tabs.map')}</span>{' '}
        <Link className="tab" to={`/risk-levels/replay?unit=${unit}&week=${week}`}>
          {t('riskLevels.tabs.replay')}
        </Link>
      </nav>
      <div className="risk-controls risk-slider no-print">
        <label htmlFor="risk-week">{t('riskLevels.week')}</label>
        <input
          id="risk-week"
          name="week"
          type="range"
          min={0}
          max={weeks.length - 1}
          step={1}
          value={index}
          aria-valuetext={label}
          onChange={(e) => go(weeks[Number(e.target.value)]!)}
        />
        <output htmlFor="risk-week">{label}</output>
        <button type="button" className="btn btn-small" onClick={() => window.print()}>
          {t('riskLevels.mapPage.print')}
        </button>
      </div>
      <p className="print-only">{label}</p>
      <ErrorNotice error={map.error} onRetry={() => map.refetch()} />
      {map.isLoading && <Loading />}
      {map.data && (
        <>
          <LevelMap map={map.data} />
          <Legend />
          <CommuneMarkers map={map.data} />
        </>
      )}
    </main>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="risk-legend" aria-label={t('riskLevels.mapPage.legend')}>
      {[1, 2, 3, 4].map((l) => (
        <li key={l}>
          <span className="risk-dot" style={{ background: LEVEL_FILL[l] }} />{' '}
          {t(`riskLevels.levelNames.${l}` as never)}
        </li>
      ))}
      <li>
        <span className="risk-dot" style={{ background: '#ccc' }} /> {t('riskLevels.mapPage.outside')}
      </li>
    </ul>
  );
}

/** Each district in the caller's view with its communes as coloured markers (announced level, else proposed). */
function CommuneMarkers({ map }: { map: MapView }) {
  const { t } = useTranslation();
  const byDistrict = new Map<string, MapView['communes']>();
  for (const c of map.communes)
    byDistrict.set(c.districtCode ?? '', [...(byDistrict.get(c.districtCode ?? '') ?? []), c]);
  const districts = map.districts.filter((d) => byDistrict.has(d.code));
  return (
    <section className="risk-communes" aria-label={t('riskLevels.mapPage.communes')}>
      {districts.map((d) => {
        const level = d.announcedLevel ?? d.level;
        return (
          <section key={d.code} className="risk-district" data-district={d.code}>
            <h2>
              <span
                className="risk-dot"
                style={{ background: level ? LEVEL_FILL[level] : '#ccc' }}
                data-level={level ?? ''}
              />{' '}
              <Link to={`/risk-levels?unit=${d.code}&week=${map.week}`}>{d.name}</Link>
            </h2>
            <ul>
              {byDistrict.get(d.code)!.map((c) => {
                const l = c.announcedLevel ?? c.level;
                return (
                  <li key={c.code} data-commune={c.code} data-level={l}>
                    <span
                      className="risk-dot"
                      style={{ background: LEVEL_FILL[l] }}
                      title={t(`riskLevels.levelNames.${l}` as never)}
                    />{' '}
                    <Link to={`/risk-levels?unit=${c.code}&week=${map.week}`}>{c.name}</Link>
                    {c.announcedLevel !== null && <small> ({t('riskLevels.mapPage.announcedShort')})</small>}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
