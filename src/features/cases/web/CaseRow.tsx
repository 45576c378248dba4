import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isoDateToText } from '../../../web/format.ts';
import { CaseActions } from './CaseActions.tsx';
import type { CaseItem } from './cases-api.ts';

/** One case on a phone: name, sample day, test, place of care, status; its actions open in place. */
export function CaseRow({ item, canWrite }: { item: CaseItem; canWrite: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li
      className={item.status === 'treating' ? 'row case-row' : 'row case-row row-muted'}
      data-testid="case-row"
    >
      <div className="row-main">
        <Link to={`/persons/${item.person_id}`} className="person-name">
          {item.full_name}
        </Link>
        <div className="row-meta">
          <span>{t('cases.list.sampled', { date: isoDateToText(item.sample_date) })}</span>
          <span>{t(`cases.testKinds.${item.test_kind as 'pcr'}`)}</span>
          <span>{t(`cases.places.${item.place_of_care as 'home'}`)}</span>
          <span className={`case-status case-${item.status}`}>
            {t(`cases.statuses.${item.status as 'treating'}`)}
          </span>
          {item.status === 'recovered' && (
            <Link to={`/cases/${item.id}/giay-xac-nhan`} data-testid="case-certificate">
              {t('cases.certificate.open')}
            </Link>
          )}
        </div>
      </div>
      {canWrite && (
        <button
          type="button"
          className="btn btn-small"
          data-testid="case-open"
          aria-expanded={open}
          aria-label={t('cases.list.actionsFor', { name: item.full_name })}
          onClick={() => setOpen(!open)}
        >
          {t('cases.list.actions')}
        </button>
      )}
      {open && <CaseActions item={item} />}
    </li>
  );
}
