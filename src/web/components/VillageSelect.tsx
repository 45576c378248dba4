import { useTranslation } from 'react-i18next';

/** The village filter of a commune's lists: every village, or one (its id as the value). */
export function VillageSelect(props: {
  id: string;
  testId?: string;
  villages: { id: number; name: string }[];
  value: string;
  onChange: (village: string) => void;
}) {
  const { t } = useTranslation();
  if (props.villages.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={props.id}>{t('persons.village')}</label>
      <select
        id={props.id}
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t('persons.allVillages')}</option>
        {props.villages.map((v) => (
          <option key={v.id} value={String(v.id)}>
            {v.name}
          </option>
        ))}
      </select>
    </div>
  );
}
