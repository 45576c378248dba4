import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { AppName } from './AppName.tsx';
import { onUnauthorized, statusOf } from './api.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { HomeCards } from './HomeCards.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Loading } from './Loading.tsx';
import { LogoutButton } from './LogoutButton.tsx';
import { NavMenu } from './NavMenu.tsx';
import { homePath, useMe } from './session.ts';

const loginPathFor = (pathname: string, search: string) =>
  `/login?next=${encodeURIComponent(pathname + search)}`;

/** Header, navigation and the page, for logged-in users; anyone else goes to the login page. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(
    () =>
      onUnauthorized(() => {
        queryClient.clear();
        navigate(loginPathFor(window.location.pathname, window.location.search), { replace: true });
      }),
    [navigate, queryClient],
  );

  if (me.isPending) return <Loading />;
  if (statusOf(me.error) === 401)
    return <Navigate to={loginPathFor(location.pathname, location.search)} replace />;
  if (me.isError)
    return (
      <main className="page narrow">
        <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );

  const user = me.data;
  return (
    <div className={menuOpen ? 'shell menu-open' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="btn btn-ghost menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-icon" aria-hidden="true" />
          {t('shell.menu')}
        </button>
        <Link to={homePath(user)} className="app-name">
          <AppName />
        </Link>
        <LanguageSwitch />
      </header>
      <div className="userbar">
        <span className="user-who">
          <strong>{user.displayName}</strong>
          <span className="user-unit">{user.unitName}</span>
        </span>
        <LogoutButton />
      </div>
      <div className="layout">
        <nav id="main-nav" className="sidenav" aria-label={t('shell.navLabel')}>
          <NavMenu user={user} onNavigate={() => setMenuOpen(false)} />
        </nav>
        <main id="main" className="page" tabIndex={-1}>
          {location.pathname === homePath(user) && <HomeCards />}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
