import { useTranslation } from 'react-i18next';
import { useUnit } from '../../features/admin-units/web/index.ts';

/** A select of the units directly below `parentCode` (the districts of a province, the communes of a district). */
export function ChildUnitSelect({
  id,
  parentCode,
  selected,
  emptyLabel,
  onChange,
}: {
  id: string;
  parentCode: string;
  selected: string;
  emptyLabel: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const parent = useUnit(parentCode);
  const level = parent.data ? parent.data.unit.level + 1 : 3;
  return (
    <div className="field">
      <label htmlFor={id}>{level <= 2 ? t('persons.district') : t('persons.commune')}</label>
      <select id={id} value={selected} disabled={!parent.data} onChange={(e) => onChange(e.target.value)}>
        <option value="">{parent.data ? emptyLabel : t('app.loading')}</option>
        {parent.data?.children.map((unit) => (
          <option key={unit.code} value={unit.code}>
            {unit.nameWithType}
          </option>
        ))}
      </select>
    </div>
  );
}
