import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { EditUserForm } from './EditUserForm.tsx';
import { type Account, useUpdateAccount } from './users-api.ts';

export function UserRow({ account, onSaved }: { account: Account; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const toggle = useUpdateAccount();

  const setDisabled = () => {
    const disabled = !account.disabled;
    if (disabled && !window.confirm(t('users.confirmDisable', { username: account.username }))) return;
    toggle.mutate(
      { id: account.id, changes: { disabled } },
      { onSuccess: () => onSaved(t('users.saved', { username: account.username })) },
    );
  };

  return (
    <li className={account.disabled ? 'row row-muted' : 'row'} data-testid="user-row">
      <div className="row-main">
        <strong>{account.displayName}</strong> <span className="muted">{account.username}</span>
        <div className="row-meta">
          <span>{t(`roles.${account.role}`)}</span>
          <span>
            <Link to={`/areas/${account.unitCode}`}>{account.unitName}</Link>
          </span>
          <span className={account.disabled ? 'badge badge-off' : 'badge badge-on'}>
            {account.disabled ? t('users.disabled') : t('users.active')}
          </span>
        </div>
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setEditing((v) => !v)}
          aria-expanded={editing}
        >
          {t('app.edit')}
        </button>
        <button type="button" className="btn btn-small" disabled={toggle.isPending} onClick={setDisabled}>
          {account.disabled ? t('users.enable') : t('users.disable')}
        </button>
      </div>
      {toggle.isError && <ErrorNotice error={toggle.error} />}
      {editing && (
        <EditUserForm
          account={account}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved(t('users.saved', { username: account.username }));
          }}
        />
      )}
    </li>
  );
}
