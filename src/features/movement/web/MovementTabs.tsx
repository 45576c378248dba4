import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';

/** The movement pages' tabs: arrivals, checkpoints, gatherings. */
export function MovementTabs() {
  const { t } = useTranslation();
  return (
    <nav className="movement-tabs" aria-label={t('movement.tabs')}>
      <NavLink end to="/movement">
        {t('movement.arrivals.title')}
      </NavLink>
      <NavLink to="/movement/checkpoints">{t('movement.checkpoints.title')}</NavLink>
      <NavLink to="/movement/gatherings">{t('movement.gatherings.title')}</NavLink>
    </nav>
  );
}
