import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import type { Role } from '../rules.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { useCreateAccount } from './users-api.ts';

const GSO_CODE = /^(\d{2}|\d{3}|\d{5})$/;

/** The organizations of the chosen unit, once its code is complete. */
function OrganizationSelect({
  unitCode,
  value,
  onChange,
}: {
  unitCode: string;
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const unit = useUnit(GSO_CODE.test(unitCode) ? unitCode : '');
  const organizations = unit.data?.organizations ?? [];
  return (
    <FormField id="user-org" label={t('users.organization')} optional={t('app.optional')}>
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('users.noOrganization')}</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.shortName ?? o.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

export function CreateUserForm({ onDone }: { onDone: (username?: string) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const create = useCreateAccount();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [unitCode, setUnitCode] = useState(me.unitCode === 'VN' ? '' : me.unitCode);
  const [organizationId, setOrganizationId] = useState('');
  const error = isApiError(create.error) ? create.error : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        username: username.trim().toLowerCase(),
        displayName: displayName.trim(),
        password,
        role,
        unitCode: unitCode.trim(),
        organizationId: organizationId ? Number(organizationId) : null,
      },
      { onSuccess: (created) => onDone(created.username) },
    );
  };

  return (
    <section className="card">
      <h2>{t('users.create')}</h2>
      {create.isError && <ErrorNotice error={create.error} />}
      <form onSubmit={submit}>
        <FormField
          id="user-username"
          label={t('users.username')}
          hint={t('users.usernameHint')}
          error={error?.fieldMessage('username')}
        >
          {(aria) => (
            <input
              {...aria}
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="user-name" label={t('users.displayName')} error={error?.fieldMessage('displayName')}>
          {(aria) => (
            <input {...aria} required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          )}
        </FormField>
        <FormField
          id="user-password"
          label={t('users.password')}
          hint={t('profile.passwordHint')}
          error={error?.fieldMessage('password')}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="user-role" label={t('users.role')} error={error?.fieldMessage('role')}>
          {(aria) => <RoleSelect aria={aria} value={role} onChange={setRole} />}
        </FormField>
        <FormField
          id="user-unit"
          label={t('users.unitCode')}
          hint={t('users.unitCodeHint')}
          error={error?.fieldMessage('unitCode')}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode="numeric"
              required
              value={unitCode}
              onChange={(e) => {
                setUnitCode(e.target.value.trim());
                setOrganizationId('');
              }}
            />
          )}
        </FormField>
        <OrganizationSelect unitCode={unitCode} value={organizationId} onChange={setOrganizationId} />
        <FormActions label={t('users.create')} saving={create.isPending} onCancel={() => onDone()} />
      </form>
    </section>
  );
}
