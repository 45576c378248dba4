import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDateTime, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { NotFoundPage } from '../../../web/NotFoundPage.tsx';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { PersonVaccination } from '../../vaccination/web/index.ts';
import { HouseholdSection } from './HouseholdSection.tsx';
import { PersonsTabs } from './PersonsTabs.tsx';
import { PriorityChips } from './PriorityChips.tsx';
import { birthText, priorityGroupsOf } from './person-format.ts';
import { usePerson } from './persons-api.ts';
import { StatusBadge } from './StatusBadge.tsx';
import './persons.css';

/** A label and its value in the card's list. */
function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** /persons/:id — every field of a person with its label, and the household. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const view = usePerson(/^\d+$/.test(id) ? Number(id) : 0);
  const commune = useUnit(view.data?.person.commune_code ?? '');
  useDocumentTitle(view.data?.person.full_name);

  const status = statusOf(view.error);
  if (!/^\d+$/.test(id) || status === 404 || status === 400 || status === 403) return <NotFoundPage />;
  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />;

  const { person, household } = view.data;
  const none = <span className="muted">{t('persons.card.none')}</span>;
  const village = commune.data?.villages.find((v) => v.id === person.village_id)?.name;
  return (
    <>
      <PersonsTabs />
      <p className="back-link">
        <Link to="/persons">{t('persons.card.back')}</Link>
      </p>
      <section className="card person-card" data-testid="person-card">
        <header className="person-card-head">
          <h1>{person.full_name}</h1>
          {person.generated === 1 && (
            <span className="badge badge-generated" title={t('persons.card.generatedTitle')}>
              {t('persons.card.generated')}
            </span>
          )}
        </header>
        <dl className="details person-details">
          <Detail label={t('persons.fields.birthDate')}>
            <span className="num">{birthText(person)}</span>
          </Detail>
          <Detail label={t('persons.fields.sex')}>
            {person.sex ? t(`persons.sexes.${person.sex}`) : none}
          </Detail>
          <Detail label={t('persons.fields.nationalId')}>
            {person.national_id ? <span className="num">{person.national_id}</span> : none}
          </Detail>
          <Detail label={t('persons.fields.phone')}>
            {person.phone ? (
              <a href={`tel:${person.phone}`} className="num">
                {person.phone}
              </a>
            ) : (
              none
            )}
          </Detail>
          <Detail label={t('persons.fields.village')}>{village ?? (person.village_id ? '…' : none)}</Detail>
          <Detail label={t('persons.card.commune')}>
            {commune.data?.unit.nameWithType ?? person.commune_code}
          </Detail>
          <Detail label={t('persons.fields.priorityGroups')}>
            {priorityGroupsOf(person.priority_groups).length ? (
              <PriorityChips groups={person.priority_groups} />
            ) : (
              none
            )}
          </Detail>
          <Detail label={t('persons.fields.address')}>{person.address || none}</Detail>
          <Detail label={t('persons.fields.occupation')}>{person.occupation || none}</Detail>
          <Detail label={t('persons.fields.relationToHead')}>{person.relation_to_head || none}</Detail>
          <Detail label={t('persons.fields.status')}>
            <StatusBadge status={person.status} always />
            {person.status_date && (
              <> {t('persons.card.statusSince', { date: isoDateToText(person.status_date.slice(0, 10)) })}</>
            )}
          </Detail>
          <Detail label={t('persons.fields.note')}>{person.note || none}</Detail>
          <Detail label={t('persons.card.origin')}>
            {person.import_batch_id ? (
              <Link to="/persons/imports">
                {t('persons.card.importedIn', { id: person.import_batch_id })}
              </Link>
            ) : (
              t('persons.card.enteredByHand')
            )}
          </Detail>
          <Detail label={t('persons.card.createdAt')}>{formatDateTime(person.created_at)}</Detail>
          <Detail label={t('persons.card.updatedAt')}>{formatDateTime(person.updated_at)}</Detail>
        </dl>
      </section>
      <Suspense fallback={null}>
        <PersonVaccination personId={person.id} />
      </Suspense>
      <HouseholdSection members={household} currentId={person.id} />
    </>
  );
}
