import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import './vaccination.css';

/** Journey 3's first tap: a commune's worklist, village by village, and its sessions, on its home page. */
export function WorklistCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const allowed = can(user.role, 'vaccination.read') && user.unitLevel === 3;
  const commune = useUnit(allowed ? user.unitCode : '');
  if (!allowed) return null;
  return (
    <article className="card home-card" data-testid="home-worklist">
      <h2>
        <Link to="/vaccination/worklist">{t('vaccination.worklist.title')}</Link>
      </h2>
      <ul className="home-chips">
        {commune.data?.villages.map((v) => (
          <li key={v.id}>
            <Link to={`/vaccination/worklist?village=${v.id}`} className="btn btn-small">
              {v.name}
            </Link>
          </li>
        ))}
      </ul>
      <Link to="/vaccination/sessions">{t('vaccination.home.sessions')}</Link>
    </article>
  );
}
