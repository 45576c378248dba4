import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { can, useCurrentUser } from '../../../web/session.ts';

/** The directive pages: inbox and register, register a letter (roles that write), compliance, committee. */
export function DirectivesTabs() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  // A document or a task page belongs to the inbox and register tab.
  const inInbox = pathname === '/directives' || /^\/directives\/(documents|tasks)\//.test(pathname);
  const tabs = [
    { to: '/directives', label: t('directives.tabs.inbox') },
    ...(can(user.role, 'directives.write')
      ? [{ to: '/directives/new', label: t('directives.tabs.new') }]
      : []),
    { to: '/directives/compliance', label: t('directives.tabs.compliance') },
    { to: '/directives/steering', label: t('directives.tabs.steering') },
  ];
  return (
    <nav className="tabs no-print" aria-label={t('directives.tabsLabel')}>
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end
          className={({ isActive }) =>
            isActive || (tab.to === '/directives' && inInbox) ? 'tab active' : 'tab'
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
