import { LevelMap } from './LevelMap.tsx';
import { useLevelMap } from './risk-api.ts';

/** The province's map of levels for a week, fetched for the risk levels page (LevelMap draws it). */
export function RiskMap({
  unit,
  week,
  onPick,
}: {
  unit: string;
  week: string;
  onPick: (code: string) => void;
}) {
  const map = useLevelMap(unit, week);
  return map.data ? <LevelMap map={map.data} onPick={onPick} /> : null;
}
