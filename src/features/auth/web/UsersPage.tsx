import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { CreateUserForm } from './CreateUserForm.tsx';
import { UserRow } from './UserRow.tsx';
import { useAccounts } from './users-api.ts';

/** Accounts within the admin's jurisdiction: filter, create, disable, reset passwords. */
export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = { unit: params.get('unit') ?? '', q: params.get('q') ?? '' };
  const [unit, setUnit] = useState(filter.unit);
  const [q, setQ] = useState(filter.q);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  const accounts = useAccounts(filter);
  useDocumentTitle(t('users.title'));

  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (unit.trim()) next.set('unit', unit.trim());
    if (q.trim()) next.set('q', q.trim());
    setParams(next);
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        {!creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            {t('users.create')}
          </button>
        )}
      </div>
      {notice && (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      )}
      {creating && (
        <CreateUserForm
          onDone={(username) => {
            setCreating(false);
            if (username) setNotice(t('users.created', { username }));
          }}
        />
      )}
      <form className="filters" onSubmit={applyFilter}>
        <div className="field">
          <label htmlFor="users-unit">{t('users.filterUnit')}</label>
          <input id="users-unit" inputMode="numeric" value={unit} onChange={(e) => setUnit(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="users-q">{t('users.filterQ')}</label>
          <input
            id="users-q"
            autoCapitalize="none"
            spellCheck={false}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <button type="submit" className="btn">
          {t('users.filter')}
        </button>
      </form>
      {accounts.isPending && <Loading />}
      {accounts.isError && <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data && (
        <>
          <p className="muted">{t('users.count', { n: formatNumber(accounts.data.length) })}</p>
          {accounts.data.length === 0 ? (
            <p>{t('users.none')}</p>
          ) : (
            <ul className="rows">
              {accounts.data.map((account) => (
                <UserRow key={account.id} account={account} onSaved={setNotice} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
