import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { AppName } from '../../../web/AppName.tsx';
import { api } from '../../../web/api.ts';
import { useErrorText } from '../../../web/ErrorNotice.tsx';
import { LanguageSwitch } from '../../../web/LanguageSwitch.tsx';
import { homePath, ME_KEY, type UserResponse } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import './auth.css';

/** Only a path of this site (never "//other.host") may follow the login. */
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : null);

export function LoginPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  useDocumentTitle(t('login.title'));

  const login = useMutation({
    mutationFn: () => api<UserResponse>('POST', '/api/auth/login', { username: username.trim(), password }),
    onSuccess: ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, user);
      navigate(safeNext(params.get('next')) ?? homePath(user), { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <div className="login-screen">
      <header className="login-header">
        <h1 className="app-name">
          <AppName />
        </h1>
        <LanguageSwitch />
      </header>
      <main className="login-card" id="main">
        <p className="tagline">{t('app.tagline')}</p>
        <h2>{t('login.title')}</h2>
        {notice && (
          <p className="notice notice-ok" role="status">
            {notice}
          </p>
        )}
        {login.isError && (
          <p className="notice notice-error" role="alert" data-testid="login-error">
            {errorText(login.error)}
          </p>
        )}
        <form onSubmit={submit} noValidate={false}>
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={showPassword}
                onChange={(e) => setShowPassword(e.target.checked)}
              />
              {t('login.showPassword')}
            </label>
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
