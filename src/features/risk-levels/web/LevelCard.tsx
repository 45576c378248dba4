import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useToday } from '../../../web/calendar.ts';
import { can, useCurrentUser } from '../../../web/session.ts';
import { lastClosedWeek } from '../rules/week.ts';
import { LevelBadge } from './LevelBadge.tsx';
import { useRiskLevels } from './risk-api.ts';
import './risk-levels.css';

/**
 * A commune's level on its home page (the week closed last Sunday: announced, else proposed), one tap from
 * "why" and the measures (/risk-levels opens on the user's own unit with why unfolded).
 */
export function LevelCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const today = useToday();
  const allowed = can(user.role, 'riskLevels.read') && user.unitLevel === 3;
  const week = lastClosedWeek(today);
  const levels = useRiskLevels(allowed ? user.unitCode : '', week);
  if (!allowed) return null;
  const own = levels.data?.units[0];
  const level = own ? (own.announcedLevel ?? own.level) : null;
  return (
    <article className="card home-card" data-testid="home-risk-level">
      <h2>
        <Link to={`/risk-levels?unit=${user.unitCode}&week=${week}`}>{t('riskLevels.home.title')}</Link>
      </h2>
      {own && (
        <p>
          <LevelBadge level={level} provisional={own.provisional} />{' '}
          {t(`riskLevels.levelNames.${level}` as never)} · {t('riskLevels.home.week', { week })}
        </p>
      )}
      <Link to={`/risk-levels?unit=${user.unitCode}&week=${week}`}>{t('riskLevels.home.why')}</Link>
    </article>
  );
}
