import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../organizations/web/index.ts';
import type { OrganizationInput } from './units-api.ts';

interface Props {
  saving: boolean;
  error: unknown;
  onSubmit: (input: OrganizationInput) => void;
  onCancel: () => void;
}

export function OrganizationForm({ saving, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('other');
  const [shortName, setShortName] = useState('');
  const apiError = isApiError(error) ? error : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name: name.trim(), kind, shortName: shortName.trim() || null });
  };

  return (
    <form className="inline-form" onSubmit={submit}>
      {error ? <ErrorNotice error={error} /> : null}
      <FormField id="org-new-name" label={t('organization.name')} error={apiError?.fieldMessage('name')}>
        {(aria) => (
          <input {...aria} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </FormField>
      <FormField id="org-new-kind" label={t('organization.kind')} error={apiError?.fieldMessage('kind')}>
        {(aria) => (
          <select {...aria} value={kind} onChange={(e) => setKind(e.target.value as OrganizationKind)}>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`organization.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id="org-new-short"
        label={t('organization.shortName')}
        optional={t('app.optional')}
        error={apiError?.fieldMessage('shortName')}
      >
        {(aria) => (
          <input {...aria} maxLength={60} value={shortName} onChange={(e) => setShortName(e.target.value)} />
        )}
      </FormField>
      <FormActions label={t('app.save')} saving={saving} onCancel={onCancel} />
    </form>
  );
}
