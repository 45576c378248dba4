import { useTranslation } from 'react-i18next';
import { FormField } from '../../../web/FormField.tsx';
import { PLACES_OF_CARE, type PlaceOfCare } from './cases-api.ts';

/** Where a case is treated: at home, or one of the places of care (glossary). */
export function PlaceSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: PlaceOfCare;
  onChange: (place: PlaceOfCare) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormField id={id} label={label}>
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value as PlaceOfCare)}>
          {PLACES_OF_CARE.map((p) => (
            <option key={p} value={p}>
              {t(`cases.places.${p}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
