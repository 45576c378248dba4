import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import type { NavEntry } from './feature-pages.ts';
import { webFeatures } from './features.ts';
import type { ShellMessages } from './messages.vi.ts';
import type { CurrentUser } from './session.ts';

type NavKey = keyof ShellMessages['nav'];

/**
 * The capabilities the seed letters name that are not built yet, shown greyed out between the features' own
 * entries (each feature's web manifest brings its entries; `order` places them).
 */
const COMING: { key: NavKey; order: number }[] = [
  { key: 'testing', order: 60 },
  { key: 'reports', order: 120 },
];

const inGroup = (group: NavEntry['group']) =>
  webFeatures
    .flatMap((f) => f.nav ?? [])
    .filter((e) => e.group === group)
    .sort((a, b) => a.order - b.order);
const mainItems = (): (NavEntry | { key: NavKey; order: number; coming: true })[] =>
  [...inGroup('main'), ...COMING.map((c) => ({ ...c, coming: true as const }))].sort(
    (a, b) => a.order - b.order,
  );

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

function Item({
  entry,
  user,
  pathname,
  onNavigate,
}: {
  entry: NavEntry;
  user: CurrentUser;
  pathname: string;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  return (
    <LinkItem
      to={entry.to(user)}
      label={entry.label ? t(entry.label as never) : t(`nav.${entry.key as NavKey}`)}
      active={entry.prefix ? pathname.startsWith(entry.prefix) : undefined}
      onNavigate={onNavigate}
    />
  );
}

export function NavMenu({ user, onNavigate }: { user: CurrentUser; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      <ul className="nav-list">
        {mainItems().map((e) =>
          'coming' in e ? (
            <ComingItem key={e.key} label={t(`nav.${e.key}`)} />
          ) : (
            <Item key={e.key} entry={e} user={user} pathname={pathname} onNavigate={onNavigate} />
          ),
        )}
      </ul>
      {user.role === 'admin' && (
        <>
          <h2 className="nav-group">{t('shell.adminGroup')}</h2>
          <ul className="nav-list">
            {inGroup('admin').map((e) => (
              <Item key={e.key} entry={e} user={user} pathname={pathname} onNavigate={onNavigate} />
            ))}
          </ul>
        </>
      )}
      <ul className="nav-list nav-bottom">
        {inGroup('bottom').map((e) => (
          <Item key={e.key} entry={e} user={user} pathname={pathname} onNavigate={onNavigate} />
        ))}
      </ul>
    </>
  );
}
