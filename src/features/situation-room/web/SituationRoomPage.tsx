import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDateTime, formatNumber, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { LEVEL_FILL, LevelMap } from '../../risk-levels/web/index.ts';
import { exportLinks, type SituationView, type TileView, useSituation } from './situation-api.ts';
import './situation-room.css';

const percent = (v: number | null | undefined) =>
  v == null ? '—' : `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

/**
 * /situation-room — journey 6: the morning screen of the user's unit (or ?unit=), phone first; ?wall=1 lays it
 * out in large type for a wall screen without the menu. Every number opens the list behind it. Refreshes
 * itself every five minutes (an unchanged answer is a 304).
 */
export function SituationRoomPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const asked = params.get('unit') ?? '';
  const unit = asked || user.unitCode;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date') : null;
  const wall = params.get('wall') === '1';
  const room = useSituation(asked, date);
  useDocumentTitle(t('situationRoom.title'));
  useEffect(() => {
    document.body.classList.toggle('wall-mode', wall);
    return () => document.body.classList.remove('wall-mode');
  }, [wall]);
  const to = (next: { unit?: string; wall?: boolean }) => {
    const search = new URLSearchParams();
    search.set('unit', next.unit ?? unit);
    if (date) search.set('date', date);
    if (next.wall ?? wall) search.set('wall', '1');
    return `/situation-room?${search}`;
  };
  const s = room.data;
  return (
    <div className={wall ? 'situation situation-wall' : 'situation'}>
      <header className="situation-head">
        <h1>
          {t('situationRoom.title')}
          {s ? `: ${s.unit.name}` : ''}
        </h1>
        {s && (
          <p className="situation-meta">
            {t('situationRoom.day', { date: isoDateToText(s.date) })} ·{' '}
            {t('situationRoom.updated', { time: formatDateTime(s.generatedAt).slice(11) })}{' '}
            <Link to={to({ wall: !wall })}>
              {wall ? t('situationRoom.leaveWall') : t('situationRoom.wall')}
            </Link>
          </p>
        )}
      </header>
      {room.isPending && <Loading />}
      {room.isError && <ErrorNotice error={room.error} onRetry={() => void room.refetch()} />}
      {s && (
        <>
          <ul className="situation-tiles">
            {s.tiles.map((tile) => (
              <TileItem key={tile.key} tile={tile} />
            ))}
          </ul>
          <div className="situation-panels">
            <Trend trend={s.trend} />
            {s.map && (
              <section aria-label={t('situationRoom.map', { week: s.week })}>
                <h2>{t('situationRoom.map', { week: s.week })}</h2>
                <LevelMap map={s.map} onPick={(code) => navigate(to({ unit: code }))} />
              </section>
            )}
            {s.target && <Behind s={s} />}
          </div>
          {s.below.length > 0 && <BelowTable s={s} link={(code) => to({ unit: code })} />}
          {!wall && <Exports unit={s.unit.code} date={s.date} />}
        </>
      )}
    </div>
  );
}

function TileItem({ tile }: { tile: TileView }) {
  const { t } = useTranslation();
  const value = tile.unit === 'percent' ? percent(tile.value) : formatNumber(tile.value);
  return (
    <li>
      <Link className="situation-tile" to={tile.href} data-tile={tile.key}>
        <span className="tile-value">{value}</span>
        <span className="tile-label">{t(`situationRoom.tiles.${tile.key}` as never)}</span>
        {tile.of != null && (
          <span className="tile-note">
            {t('situationRoom.of', {
              value: tile.unit === 'percent' ? percent(tile.of) : formatNumber(tile.of),
            })}
          </span>
        )}
        {tile.noData && <span className="tile-note">{t('situationRoom.noBeds')}</span>}
        {tile.provisional && <span className="tile-note">({t('situationRoom.provisional')})</span>}
      </Link>
    </li>
  );
}

/** Fourteen days of new cases as bars: inline SVG, no chart library on this page. */
function Trend({ trend }: { trend: SituationView['trend'] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...trend.map((d) => d.newCases));
  return (
    <section>
      <h2>{t('situationRoom.trend')}</h2>
      <svg
        className="situation-trend"
        viewBox={`0 0 ${trend.length * 10} 40`}
        role="img"
        aria-label={t('situationRoom.trend')}
      >
        {trend.map((d, i) => {
          const h = (d.newCases / max) * 36;
          return (
            <rect key={d.day} x={i * 10 + 1} y={38 - h} width={8} height={Math.max(h, 0.5)}>
              <title>{t('situationRoom.trendDay', { date: isoDateToText(d.day), n: d.newCases })}</title>
            </rect>
          );
        })}
      </svg>
      <p className="situation-axis">
        <span>{isoDateToText(trend[0]?.day ?? '')}</span>
        <span>{isoDateToText(trend.at(-1)?.day ?? '')}</span>
      </p>
    </section>
  );
}

function Behind({ s }: { s: SituationView }) {
  const { t } = useTranslation();
  const target = s.target!;
  return (
    <section>
      <h2>{t('situationRoom.behind')}</h2>
      <p>
        {t('situationRoom.targetLine', {
          title: target.title,
          deadline: isoDateToText(target.deadline),
          coverage: target.coverage.toLocaleString('vi-VN'),
          percent: target.percent,
        })}{' '}
        ({target.onTrack ? t('situationRoom.onTrack') : t('situationRoom.offTrack')})
      </p>
      {s.behind.communes.length === 0 ? (
        <p>{t('situationRoom.behindNone')}</p>
      ) : (
        <ol className="situation-behind">
          {s.behind.communes.map((c) => (
            <li key={c.code}>
              <Link to={`/vaccination/worklist?unit=${c.code}&list=notVaccinated`}>{c.name}</Link>{' '}
              <span>{t('situationRoom.remaining', { n: formatNumber(c.remaining) })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function BelowTable({ s, link }: { s: SituationView; link: (code: string) => string }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('situationRoom.below')}</h2>
      <div className="situation-table-wrap">
        <table className="situation-table">
          <thead>
            <tr>
              <th scope="col">{t('situationRoom.columns.unit')}</th>
              <th scope="col">{t('situationRoom.columns.newCases')}</th>
              <th scope="col">{t('situationRoom.columns.last7')}</th>
              <th scope="col">{t('situationRoom.columns.treating')}</th>
              <th scope="col">{t('situationRoom.columns.coverage')}</th>
              <th scope="col">{t('situationRoom.columns.overdue')}</th>
              <th scope="col">{t('situationRoom.columns.level')}</th>
            </tr>
          </thead>
          <tbody>
            {s.below.map((u) => (
              <tr key={u.code}>
                <th scope="row">
                  <Link to={link(u.code)}>{u.name}</Link>
                </th>
                <td>{formatNumber(u.newCases)}</td>
                <td>{formatNumber(u.casesLast7Days)}</td>
                <td>{formatNumber(u.underTreatmentHome + u.underTreatmentFacility)}</td>
                <td>{u.adults > 0 ? percent(Math.round((u.adultsPrimary * 1000) / u.adults) / 10) : '—'}</td>
                <td>{formatNumber(u.overdueTasks)}</td>
                <td>
                  {u.riskLevel ? (
                    <span
                      className="situation-level"
                      style={{
                        background: LEVEL_FILL[u.riskLevel],
                        color: u.riskLevel === 4 ? '#fff' : '#000',
                      }}
                    >
                      {u.riskLevel}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Exports({ unit, date }: { unit: string; date: string }) {
  const { t } = useTranslation();
  const links = exportLinks(unit, date);
  return (
    <p className="situation-exports">
      {t('situationRoom.exports')}: <a href={links.csv}>{t('situationRoom.csv')}</a> ·{' '}
      <a href={links.dhis2}>{t('situationRoom.dhis2')}</a> ·{' '}
      <a href={links.fhir}>{t('situationRoom.fhir')}</a>
    </p>
  );
}
