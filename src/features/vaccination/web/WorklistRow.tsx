import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OutcomeForm } from './OutcomeForm.tsx';
import type { WorklistEntry } from './vaccination-api.ts';
import { birthOf, needText, outcomeText } from './worklist-format.ts';

/**
 * One person to contact, on a phone: name, birth, village; what is needed (red when overdue); the last
 * outcome; the phone as a call button; "record the outcome" opens the form in place.
 */
export function WorklistRow({
  entry,
  showVillage,
  canRecord,
}: {
  entry: WorklistEntry;
  showVillage: boolean;
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li
      className={entry.hasReason ? 'row worklist-row row-muted' : 'row worklist-row'}
      data-testid="worklist-row"
      data-person={entry.personId}
    >
      <div className="row-main">
        <Link to={`/persons/${entry.personId}`} className="person-name">
          {entry.fullName}
        </Link>
        <div className="row-meta">
          <span className="num">{birthOf(entry)}</span>
          {showVillage && <span>{entry.villageName ?? t('persons.noVillage')}</span>}
          <span className={`need need-${entry.list}`}>{needText(t, entry)}</span>
        </div>
        {entry.outcome && (
          <p className="last-outcome" data-testid="last-outcome">
            {outcomeText(t, entry.outcome)}
          </p>
        )}
      </div>
      <div className="worklist-actions">
        {entry.phone ? (
          <a
            className="btn btn-small phone-link num"
            href={`tel:${entry.phone}`}
            aria-label={t('persons.call', { phone: entry.phone })}
          >
            {entry.phone}
          </a>
        ) : (
          <span className="muted no-phone">{t('persons.noPhone')}</span>
        )}
        {canRecord && !open && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="outcome-open"
            aria-label={t('vaccination.worklist.recordFor', { name: entry.fullName })}
            onClick={() => setOpen(true)}
          >
            {t('vaccination.worklist.record')}
          </button>
        )}
      </div>
      {open && (
        <OutcomeForm
          personId={entry.personId}
          idPrefix={`outcome-${entry.personId}`}
          onDone={() => setOpen(false)}
        />
      )}
    </li>
  );
}
