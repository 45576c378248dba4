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
import { LEVEL_FILL, LevelMap, mapAreas, PROVISIONAL_OUTLINE, shownLevel } from './LevelMap.tsx';
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
  /** On the country's map, a province opens its own map. */
  const pick = (code: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', code);
    next.set('week', week);
    setParams(next);
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
          <LevelMap map={map.data} onPick={(code) => map.data.provinces.length > 0 && pick(code)} />
          {!mapAreas(map.data).some((a) => a.path) && <p role="note">{t('riskLevels.mapPage.noShapes')}</p>}
          <Legend />
          {map.data.provinces.length > 0 ? (
            <ProvinceList map={map.data} />
          ) : (
            <CommuneMarkers map={map.data} />
          )}
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
      <li data-legend="provisional">
        <span
          className="risk-dot"
          style={{ background: '#fff', border: `1.5px dashed ${PROVISIONAL_OUTLINE.stroke}` }}
        />{' '}
        {t('riskLevels.mapPage.provisionalLegend')}
      </li>
    </ul>
  );
}

/** "tạm tính" beside a unit whose shown level is a proposal computed from provisional values. */
function ProvisionalMark({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return show ? <small className="risk-provisional">{t('riskLevels.provisional')}</small> : null;
}

function Dot({ level }: { level: number | null }) {
  const { t } = useTranslation();
  return (
    <span
      className="risk-dot"
      style={{ background: level ? LEVEL_FILL[level] : '#ccc' }}
      data-level={level ?? ''}
      title={level ? t(`riskLevels.levelNames.${level}` as never) : undefined}
    />
  );
}

/** The country's map: every province (with or without a shape) and its level, each opening its own map. */
function ProvinceList({ map }: { map: MapView }) {
  const { t } = useTranslation();
  return (
    <section className="risk-communes" aria-label={t('riskLevels.mapPage.provinces')}>
      <section className="risk-district">
        <ul>
          {map.provinces.map((p) => {
            const shown = shownLevel(p);
            return (
              <li key={p.code} data-province={p.code} data-level={shown.level ?? ''}>
                <Dot level={shown.level} />{' '}
                <Link to={`/risk-levels/map?unit=${p.code}&week=${map.week}`}>{p.name}</Link>{' '}
                <ProvisionalMark show={shown.provisional} />
              </li>
            );
          })}
        </ul>
      </section>
    </section>
  );
}

/**
 * Each district in the caller's view (with or without a shape) with its communes as coloured markers
 * (announced level, else proposed, "tạm tính" when that proposal is provisional).
 */
function CommuneMarkers({ map }: { map: MapView }) {
  const { t } = useTranslation();
  const byDistrict = new Map<string, MapView['communes']>();
  for (const c of map.communes)
    byDistrict.set(c.districtCode ?? '', [...(byDistrict.get(c.districtCode ?? '') ?? []), c]);
  const districts = map.districts.filter((d) => byDistrict.has(d.code));
  return (
    <section className="risk-communes" aria-label={t('riskLevels.mapPage.communes')}>
      {districts.map((d) => {
        const shown = shownLevel(d);
        return (
          <section key={d.code} className="risk-district" data-district={d.code}>
            <h2>
              <Dot level={shown.level} />{' '}
              <Link to={`/risk-levels?unit=${d.code}&week=${map.week}`}>{d.name}</Link>{' '}
              <ProvisionalMark show={shown.provisional} />
            </h2>
            <ul>
              {byDistrict.get(d.code)!.map((c) => {
                const l = shownLevel(c);
                return (
                  <li key={c.code} data-commune={c.code} data-level={l.level}>
                    <Dot level={l.level} />{' '}
                    <Link to={`/risk-levels?unit=${c.code}&week=${map.week}`}>{c.name}</Link>
                    {c.announcedLevel !== null && <small> ({t('riskLevels.mapPage.announcedShort')})</small>}{' '}
                    <ProvisionalMark show={l.provisional} />
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
