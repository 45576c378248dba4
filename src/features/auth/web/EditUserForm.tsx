import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormActions } from '../../../web/FormActions.tsx';
import { FormField } from '../../../web/FormField.tsx';
import type { Role } from '../rules.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { type Account, type AccountChanges, useUpdateAccount } from './users-api.ts';

/** Name, role and a password reset (which ends the account's sessions). */
export function EditUserForm({ account, onDone }: { account: Account; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateAccount();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [role, setRole] = useState<Role>(account.role);
  const [password, setPassword] = useState('');
  const error = isApiError(update.error) ? update.error : undefined;
  const prefix = `user-${account.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: AccountChanges = {};
    if (displayName.trim() !== account.displayName) changes.displayName = displayName.trim();
    if (role !== account.role) changes.role = role;
    if (password) changes.password = password;
    if (Object.keys(changes).length === 0) return onDone(false);
    update.mutate({ id: account.id, changes }, { onSuccess: () => onDone(true) });
  };

  return (
    <form className="inline-form" onSubmit={submit}>
      {update.isError && <ErrorNotice error={update.error} />}
      <FormField
        id={`${prefix}-name`}
        label={t('users.displayName')}
        error={error?.fieldMessage('displayName')}
      >
        {(aria) => (
          <input {...aria} required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        )}
      </FormField>
      <FormField id={`${prefix}-role`} label={t('users.role')} error={error?.fieldMessage('role')}>
        {(aria) => <RoleSelect aria={aria} value={role} onChange={setRole} />}
      </FormField>
      <FormField
        id={`${prefix}-password`}
        label={t('users.newPassword')}
        hint={t('profile.passwordHint')}
        error={error?.fieldMessage('password')}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </FormField>
      <FormActions label={t('app.save')} saving={update.isPending} onCancel={() => onDone(false)} />
    </form>
  );
}
