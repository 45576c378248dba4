import { useTranslation } from 'react-i18next';
import { LEVEL_FILL } from '../rules/rule-sets.ts';

export { LEVEL_FILL };

/** What the map draws: the province's districts as SVG paths with their levels (GET /api/risk-levels/map). */
export interface LevelMapData {
  week: string;
  province: { code: string; name: string };
  width: number;
  height: number;
  source: string;
  districts: {
    code: string;
    name: string;
    path: string;
    level: number | null;
    announcedLevel: number | null;
  }[];
}

/**
 * The province's districts coloured by level (announced, else proposed), drawn as SVG from the shipped
 * boundaries: no map library, no tiles. Districts outside the user's jurisdiction are grey. Printable. Shared
 * with the situation room (through the web index), which passes the data it already has.
 */
export function LevelMap({ map: m, onPick }: { map: LevelMapData; onPick?: (code: string) => void }) {
  const { t } = useTranslation();
  if (m.districts.length === 0) return null;
  return (
    <figure className="risk-map">
      <svg
        viewBox={`0 0 ${m.width} ${m.height}`}
        role="img"
        aria-label={`${t('riskLevels.map')}: ${m.province.name}`}
        style={{ width: '100%', maxWidth: `${m.width}px`, height: 'auto' }}
      >
        {m.districts.map((d) => {
          const level = d.announcedLevel ?? d.level;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: the table beside it lists the same units as links
            <path
              key={d.code}
              d={d.path}
              data-code={d.code}
              data-level={level ?? ''}
              fill={level ? LEVEL_FILL[level] : '#ccc'}
              stroke="#fff"
              strokeWidth={1}
              onClick={() => level && onPick?.(d.code)}
            >
              <title>
                {d.name}
                {level ? ` — ${t(`riskLevels.levelNames.${level}` as never)}` : ''}
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
