import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { type DuplicateReview, useDecideReview } from './persons-api.ts';
import { ReviewRecord } from './ReviewRecord.tsx';

/** A likely duplicate: the new record and the one already registered side by side, and the decision. */
export function ReviewPair({
  review,
  canDecide,
  villageName,
}: {
  review: DuplicateReview;
  canDecide: boolean;
  villageName: (id: number | null) => string;
}) {
  const { t } = useTranslation();
  const decide = useDecideReview();
  return (
    <li className="card review-pair" data-testid="duplicate-pair">
      <p className="review-reason muted">
        {t('persons.duplicates.pairLabel', { id: review.id })}
        {' · '}
        {review.reason === 'nameAndBirthDate'
          ? t('persons.duplicates.reasons.nameAndBirthDate')
          : review.reason}
      </p>
      <div className="review-sides">
        <ReviewRecord
          title={t('persons.duplicates.newRecord')}
          person={review.person}
          other={review.candidate}
          villageName={villageName}
        />
        <ReviewRecord
          title={t('persons.duplicates.existingRecord')}
          person={review.candidate}
          other={review.person}
          villageName={villageName}
        />
      </div>
      {canDecide && (
        <div className="actions review-actions">
          {review.status === 'open' && (
            <>
              <button
                type="button"
                className="btn btn-primary"
                title={t('persons.duplicates.mergeHint')}
                disabled={decide.isPending}
                onClick={() => decide.mutate({ id: review.id, action: 'merge' })}
              >
                {t('persons.duplicates.merge')}
              </button>
              <button
                type="button"
                className="btn"
                disabled={decide.isPending}
                onClick={() => decide.mutate({ id: review.id, action: 'keep' })}
              >
                {t('persons.duplicates.keep')}
              </button>
            </>
          )}
          {review.status === 'merged' && (
            <button
              type="button"
              className="btn"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: review.id, action: 'unmerge' })}
            >
              {t('persons.duplicates.unmerge')}
            </button>
          )}
        </div>
      )}
      {decide.isError && <ErrorNotice error={decide.error} />}
    </li>
  );
}
