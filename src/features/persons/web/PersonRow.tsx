import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { birthText } from './person-format.ts';
import type { PersonListItem } from './persons-api.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** One resident on two short lines: name; birth date, village, status. The phone is a call button. */
export function PersonRow({ person }: { person: PersonListItem }) {
  const { t } = useTranslation();
  return (
    <li className="row person-row" data-testid="person-row">
      <div className="row-main">
        <Link to={`/persons/${person.id}`} className="person-name">
          {person.full_name}
        </Link>
        <div className="row-meta">
          <span className="num">{birthText(person)}</span>
          <span>{person.village_name ?? t('persons.noVillage')}</span>
          <StatusBadge status={person.status} />
        </div>
      </div>
      {person.phone && (
        <a
          className="btn btn-small phone-link num"
          href={`tel:${person.phone}`}
          aria-label={t('persons.call', { phone: person.phone })}
        >
          {person.phone}
        </a>
      )}
    </li>
  );
}
