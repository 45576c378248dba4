import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import type { ShellMessages } from './messages.vi.ts';
import { type CurrentUser, homePath } from './session.ts';

type NavKey = keyof ShellMessages['nav'];

interface Capability {
  key: NavKey;
  /** Built capabilities: where the item goes, and the address prefix under which it is the current one. */
  live?: { to: (user: CurrentUser) => string; prefix: string };
}

/** The capabilities named in the seed letters. Those without `live` are not built yet. */
const CAPABILITIES: Capability[] = [
  { key: 'areas', live: { to: homePath, prefix: '/areas/' } },
  { key: 'persons', live: { to: () => '/persons', prefix: '/persons' } },
  { key: 'directives', live: { to: () => '/directives', prefix: '/directives' } },
  { key: 'riskLevels' },
  { key: 'vaccination', live: { to: () => '/vaccination', prefix: '/vaccination' } },
  { key: 'testing' },
  { key: 'cases' },
  { key: 'movement' },
  { key: 'inspections' },
  { key: 'socialSupport' },
  { key: 'communityTeams' },
  { key: 'reports' },
];

function ComingItem({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <li>
      <span className="nav-item nav-disabled" aria-disabled="true" title={t('shell.comingTitle')}>
        <span>{label}</span>
        <span className="coming">{t('shell.coming')}</span>
      </span>
    </li>
  );
}

function LinkItem({
  to,
  label,
  active,
  onNavigate,
}: {
  to: string;
  label: string;
  active?: boolean;
  onNavigate: () => void;
}) {
  return (
    <li>
      <NavLink
        to={to}
        onClick={onNavigate}
        className={({ isActive }) => ((active ?? isActive) ? 'nav-item active' : 'nav-item')}
        aria-current={active ? 'page' : undefined}
      >
        {label}
      </NavLink>
    </li>
  );
}

export function NavMenu({ user, onNavigate }: { user: CurrentUser; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      <ul className="nav-list">
        {CAPABILITIES.map(({ key, live }) =>
          live ? (
            <LinkItem
              key={key}
              to={live.to(user)}
              label={t(`nav.${key}`)}
              active={pathname.startsWith(live.prefix)}
              onNavigate={onNavigate}
            />
          ) : (
            <ComingItem key={key} label={t(`nav.${key}`)} />
          ),
        )}
      </ul>
      {user.role === 'admin' && (
        <>
          <h2 className="nav-group">{t('shell.adminGroup')}</h2>
          <ul className="nav-list">
            <LinkItem to="/admin/users" label={t('nav.users')} onNavigate={onNavigate} />
            <LinkItem to="/admin/audit" label={t('nav.audit')} onNavigate={onNavigate} />
          </ul>
        </>
      )}
      <ul className="nav-list nav-bottom">
        <LinkItem to="/profile" label={t('nav.profile')} onNavigate={onNavigate} />
      </ul>
    </>
  );
}
