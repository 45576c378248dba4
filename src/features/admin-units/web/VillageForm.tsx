import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { VILLAGE_KINDS, type VillageKind } from '../rules.ts';
import type { VillageInput } from './units-api.ts';

interface Props {
  idPrefix: string;
  initial?: VillageInput;
  saving: boolean;
  error: unknown;
  onSubmit: (input: VillageInput) => void;
  onCancel: () => void;
}

/** Name, kind and (optional) population of a village; used to add and to edit. */
export function VillageForm({ idPrefix, initial, saving, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<VillageKind>(initial?.kind ?? 'thon');
  const [population, setPopulation] = useState(initial?.population == null ? '' : String(initial.population));
  const apiError = isApiError(error) ? error : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name: name.trim(), kind, population: population === '' ? null : Number(population) });
  };

  return (
    <form className="inline-form" onSubmit={submit}>
      {error ? <ErrorNotice error={error} /> : null}
      <FormField id={`${idPrefix}-name`} label={t('village.name')} error={apiError?.fieldMessage('name')}>
        {(aria) => (
          <input {...aria} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </FormField>
      <FormField id={`${idPrefix}-kind`} label={t('village.kind')} error={apiError?.fieldMessage('kind')}>
        {(aria) => (
          <select {...aria} value={kind} onChange={(e) => setKind(e.target.value as VillageKind)}>
            {VILLAGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`village.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={`${idPrefix}-population`}
        label={t('village.population')}
        optional={t('app.optional')}
        error={apiError?.fieldMessage('population')}
      >
        {(aria) => (
          <input
            {...aria}
            inputMode="numeric"
            maxLength={7}
            value={population}
            // Digits only: "1.208" typed with grouping becomes 1208.
            onChange={(e) => setPopulation(e.target.value.replace(/\D/g, ''))}
          />
        )}
      </FormField>
      <FormActions label={t('app.save')} saving={saving} onCancel={onCancel} />
    </form>
  );
}
