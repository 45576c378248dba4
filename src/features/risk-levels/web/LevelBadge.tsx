import { useTranslation } from 'react-i18next';
import { LEVEL_CLASS } from './risk-api.ts';

/** A level as its coloured badge (rules.md §1.1: 1 green, 2 yellow, 3 orange, 4 red), provisional flagged. */
export function LevelBadge({ level, provisional }: { level: number | null; provisional?: boolean }) {
  const { t } = useTranslation();
  if (level === null) return <span>–</span>;
  return (
    <>
      <span
        className={`risk-badge ${LEVEL_CLASS[level]}`}
        title={t(`riskLevels.levelNames.${level}` as never)}
        data-level={level}
      >
        {level}
      </span>
      {provisional && <span className="risk-provisional">({t('riskLevels.provisional')})</span>}
    </>
  );
}
