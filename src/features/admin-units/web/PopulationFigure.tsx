import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../web/format.ts';

/** A population; a generated (not official) figure carries a visible mark explained in its title. */
export function PopulationFigure({
  value,
  source,
  badge,
}: {
  value: number | null;
  source: string;
  /** The full "số liệu mô phỏng" badge; otherwise a compact asterisk (with a note under the list). */
  badge?: boolean;
}) {
  const { t } = useTranslation();
  const generated = source === 'generated' && value != null;
  return (
    <span className="population">
      <span className="num">{formatNumber(value)}</span>
      {generated &&
        (badge ? (
          <span className="badge badge-generated" title={t('area.generatedTitle')}>
            {t('area.generated')}
          </span>
        ) : (
          <abbr className="generated-mark" title={t('area.generatedTitle')}>
            *
          </abbr>
        ))}
    </span>
  );
}

/** The footnote that explains the asterisks, shown under a list that has any. */
export function GeneratedNote({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return show ? <p className="note">{t('area.generatedNote')}</p> : null;
}
