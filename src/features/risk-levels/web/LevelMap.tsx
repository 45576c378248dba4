import { useTranslation } from 'react-i18next';
import { LEVEL_FILL } from '../rules/rule-sets.ts';
import { PROVISIONAL_OUTLINE, shownLevel } from '../rules/topology.ts';
import type { MapView } from './risk-api.ts';

export { LEVEL_FILL, PROVISIONAL_OUTLINE, shownLevel };

/**
 * What the map draws (GET /api/risk-levels/map): the province's districts, or the country's provinces, as SVG
 * paths with their levels; a unit without a shape in the source (Quảng Ninh) has `path: null`, listed, not drawn.
 */
export type LevelMapData = Pick<
  MapView,
  'week' | 'province' | 'width' | 'height' | 'source' | 'districts'
> & {
  provinces?: MapView['provinces'];
};

/** The areas a map draws: the country's provinces, else the province's districts (with or without shapes). */
export const mapAreas = (m: LevelMapData) => (m.provinces?.length ? m.provinces : m.districts);

/**
 * The province's districts (or the country's provinces) coloured by level (announced, else proposed), drawn as
 * SVG from the shipped boundaries: no map library, no tiles. Areas outside the user's jurisdiction are grey; a
 * provisional level has a dashed outline. Printable. Shared with the situation room (through the web index),
 * which passes the data it already has.
 */
export function LevelMap({ map: m, onPick }: { map: LevelMapData; onPick?: (code: string) => void }) {
  const { t } = useTranslation();
  const drawn = mapAreas(m).filter((d) => d.path);
  if (drawn.length === 0) return null;
  return (
    <figure className="risk-map">
      <svg
        viewBox={`0 0 ${m.width} ${m.height}`}
        role="img"
        aria-label={`${t('riskLevels.map')}: ${m.province.name}`}
        style={{ width: '100%', maxWidth: `${m.width}px`, height: 'auto' }}
      >
        {drawn.map((d) => {
          const { level, provisional } = shownLevel(d);
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: the table beside it lists the same units as links
            <path
              key={d.code}
              d={d.path!}
              data-code={d.code}
              data-level={level ?? ''}
              data-provisional={provisional || undefined}
              fill={level ? LEVEL_FILL[level] : '#ccc'}
              stroke={provisional ? PROVISIONAL_OUTLINE.stroke : '#fff'}
              strokeWidth={provisional ? PROVISIONAL_OUTLINE.width : 1}
              strokeDasharray={provisional ? PROVISIONAL_OUTLINE.dash : undefined}
              onClick={() => level && onPick?.(d.code)}
            >
              <title>
                {d.name}
                {level ? ` — ${t(`riskLevels.levelNames.${level}` as never)}` : ''}
                {provisional ? ` (${t('riskLevels.provisional')})` : ''}
              </title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        {m.province.name} · {m.week} · <small>{m.source}</small>
      </figcaption>
    </figure>
  );
}
