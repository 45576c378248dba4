import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HouseholdMember } from './persons-api.ts';

/** The members of the person's household, each a link to their card. */
export function HouseholdSection({ members, currentId }: { members: HouseholdMember[]; currentId: number }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>
        {t('persons.card.household')}{' '}
        {members.length > 0 && <span className="count">({members.length})</span>}
      </h2>
      {members.length === 0 ? (
        <p>{t('persons.card.noHousehold')}</p>
      ) : (
        <ul className="rows">
          {members.map((m) => (
            <li key={m.id} className="row" data-testid="household-member">
              <div className="row-main">
                {m.id === currentId ? (
                  <strong aria-current="true">
                    {m.full_name} <span className="muted">({t('persons.card.you')})</span>
                  </strong>
                ) : (
                  <Link to={`/persons/${m.id}`} className="person-name">
                    {m.full_name}
                  </Link>
                )}
                <div className="row-meta">
                  {m.relation_to_head && <span>{m.relation_to_head}</span>}
                  <span>{t('persons.card.bornIn', { year: m.birth_year })}</span>
                  {m.sex && <span>{t(`persons.sexes.${m.sex}`)}</span>}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
