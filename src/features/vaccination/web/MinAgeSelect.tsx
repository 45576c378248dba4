import { useTranslation } from 'react-i18next';
import { MIN_AGES } from './vaccination-api.ts';

/** "From N years": the age groups a worklist or a target goal is counted from. */
export function MinAgeSelect(props: {
  id: string;
  label: string;
  value: number;
  onChange: (age: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {MIN_AGES.map((a) => (
          <option key={a} value={a}>
            {t('vaccination.worklist.fromAge', { n: a })}
          </option>
        ))}
      </select>
    </div>
  );
}
