import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { can, useCurrentUser } from '../../../web/session.ts';

/**
 * The vaccination pages: coverage, targets, sessions, worklist (every role that reads vaccination), dose
 * import (roles that may import).
 */
export function VaccinationTabs() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const tabs = [
    { to: '/vaccination', label: t('vaccination.tabs.coverage') },
    { to: '/vaccination/targets', label: t('vaccination.tabs.targets') },
    { to: '/vaccination/sessions', label: t('vaccination.tabs.sessions') },
    { to: '/vaccination/worklist', label: t('vaccination.tabs.worklist') },
    ...(can(user.role, 'vaccination.write') && can(user.role, 'persons.import')
      ? [{ to: '/vaccination/import', label: t('vaccination.tabs.import') }]
      : []),
  ];
  return (
    <nav className="tabs no-print" aria-label={t('vaccination.tabsLabel')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
