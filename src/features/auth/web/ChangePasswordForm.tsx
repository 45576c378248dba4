import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, isApiError } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { FormField } from '../../../web/FormField.tsx';
import { MIN_PASSWORD_LENGTH } from '../rules.ts';

/** Changing one's password ends every session of the account, this one included: log in again. */
export function ChangePasswordForm({ username }: { username: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const change = useMutation({
    mutationFn: () => api<void>('POST', '/api/auth/password', { currentPassword, newPassword }),
    onSuccess: () => {
      queryClient.clear();
      navigate('/login', { replace: true, state: { notice: t('profile.changed') } });
    },
  });
  const error = isApiError(change.error) ? change.error : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differs = newPassword !== confirm;
    setMismatch(differs);
    if (!differs) change.mutate();
  };

  return (
    <section className="card">
      <h2>{t('profile.changePassword')}</h2>
      {change.isError && <ErrorNotice error={change.error} />}
      <form onSubmit={submit}>
        {/* For password managers: which account this password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <FormField
          id="pw-current"
          label={t('profile.currentPassword')}
          error={error?.fieldMessage('currentPassword')}
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id="pw-new"
          label={t('profile.newPassword')}
          hint={t('profile.passwordHint')}
          error={error?.fieldMessage('newPassword')}
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id="pw-confirm"
          label={t('profile.confirmPassword')}
          error={mismatch ? t('profile.mismatch') : undefined}
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </FormField>
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          {change.isPending ? t('app.saving') : t('profile.changePassword')}
        </button>
      </form>
    </section>
  );
}
