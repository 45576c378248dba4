import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { can, useCurrentUser } from '../../../web/session.ts';

/** The registry's pages: list, import, imports, duplicates (import only for roles that may import). */
export function PersonsTabs() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const tabs = [
    { to: '/persons', label: t('persons.tabs.list'), end: true },
    ...(can(user.role, 'persons.import')
      ? [
          { to: '/persons/import', label: t('persons.tabs.import'), end: true },
          { to: '/persons/imports', label: t('persons.tabs.imports'), end: true },
        ]
      : []),
    { to: '/persons/duplicates', label: t('persons.tabs.duplicates'), end: true },
  ];
  return (
    <nav className="tabs no-print" aria-label={t('persons.tabsLabel')}>
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end={tab.end}
          className={({ isActive }) => (isActive ? 'tab active' : 'tab')}
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
