import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { Loading } from '../../../web/Loading.tsx';
import { can, useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { PersonsTabs } from './PersonsTabs.tsx';
import { type ReviewStatus, useReviews } from './persons-api.ts';
import { ReviewPair } from './ReviewPair.tsx';
import './persons.css';

const STATUSES: ReviewStatus[] = ['open', 'merged', 'kept'];

/** /persons/duplicates — the review queue: pairs to merge or keep; merged pairs can be unmerged. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? 'open';
  const reviews = useReviews(status);
  // Village names are known for a commune user's own commune; elsewhere the card shows them.
  const commune = useUnit(user.unitLevel === 3 ? user.unitCode : '');
  const villageName = (id: number | null) =>
    (id && commune.data?.villages.find((v) => v.id === id)?.name) || '—';
  useDocumentTitle(t('persons.duplicates.title'));

  return (
    <>
      <PersonsTabs />
      <h1>{t('persons.duplicates.title')}</h1>
      <p className="muted">{t('persons.duplicates.intro')}</p>
      <nav className="segmented" aria-label={t('persons.status')}>
        {STATUSES.map((s) => (
          <Link
            key={s}
            to={s === 'open' ? '/persons/duplicates' : `/persons/duplicates?status=${s}`}
            className="btn btn-small"
            aria-current={s === status ? 'page' : undefined}
          >
            {t(`persons.duplicates.statuses.${s}`)}
          </Link>
        ))}
      </nav>
      {reviews.isPending && <Loading />}
      {reviews.isError && <ErrorNotice error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {reviews.data &&
        (reviews.data.length === 0 ? (
          <p className="page-message">{t('persons.duplicates.none')}</p>
        ) : (
          <ul className="review-list">
            {reviews.data.map((review) => (
              <ReviewPair
                key={review.id}
                review={review}
                canDecide={can(user.role, 'persons.write')}
                villageName={villageName}
              />
            ))}
          </ul>
        ))}
    </>
  );
}
