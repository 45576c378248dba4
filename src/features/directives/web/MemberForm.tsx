import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { AreaSelect } from '../../../web/components/AreaSelect.tsx';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import type { Organization, UnitSummary } from '../../admin-units/web/index.ts';
import type { MemberInput } from './directives-api.ts';

interface Props {
  unitCode: string;
  organizations: Organization[];
  /** The areas a member may supervise: the units below the committee's unit. */
  areas: UnitSummary[];
  saving: boolean;
  error: unknown;
  onSubmit: (input: MemberInput) => void;
  onCancel: () => void;
}

/** A member of the steering committee: name, position, agency, and the area he or she supervises. */
export function MemberForm({ unitCode, organizations, areas, saving, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [area, setArea] = useState('');
  const apiError = isApiError(error) ? error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      unitCode,
      name: name.trim(),
      position: position.trim(),
      organizationId: organizationId ? Number(organizationId) : null,
      assignedAreaCode: area || null,
    });
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="member-form">
      {error ? <ErrorNotice error={error} /> : null}
      <FormField
        id="member-name"
        label={t('directives.steering.name')}
        error={apiError?.fieldMessage('name')}
      >
        {(aria) => (
          <input {...aria} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </FormField>
      <FormField
        id="member-position"
        label={t('directives.steering.position')}
        hint={t('directives.steering.positionHint')}
        error={apiError?.fieldMessage('position')}
      >
        {(aria) => (
          <input
            {...aria}
            required
            maxLength={200}
            value={position}
            onChange={(e) => setPosition(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        id="member-organization"
        label={t('directives.steering.organization')}
        optional={t('app.optional')}
        error={apiError?.fieldMessage('organizationId')}
      >
        {(aria) => (
          <select {...aria} value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
            <option value="">{t('directives.steering.none')}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id="member-area"
        label={t('directives.steering.area')}
        optional={t('app.optional')}
        error={apiError?.fieldMessage('assignedAreaCode')}
      >
        {(aria) => (
          <AreaSelect
            aria={aria}
            areas={areas}
            value={area}
            onChange={setArea}
            emptyLabel={t('directives.steering.none')}
          />
        )}
      </FormField>
      <FormActions
        label={t('app.save')}
        saving={saving}
        disabled={!name.trim() || !position.trim()}
        onCancel={onCancel}
      />
    </form>
  );
}
