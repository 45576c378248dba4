import { useTranslation } from 'react-i18next';
import { QueryList } from '../../../web/QueryList.tsx';
import { useMissedChecks } from './cases-api.ts';
import { PhoneLink } from './PhoneLink.tsx';

/** Cases at home that have not sent today's two checks: whom to call. */
export function MissedChecks({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const missed = useMissedChecks(unit);
  return (
    <section className="card" aria-labelledby="missed-h">
      <h2 id="missed-h">{t('cases.missed.title')}</h2>
      <QueryList query={missed} empty={t('cases.missed.none')}>
        {(c) => (
          <li key={c.caseId} className="row" data-testid="missed-check">
            <div className="row-main">
              <span className="person-name">{c.fullName}</span>
              <span className="row-meta">{t('cases.missed.checks', { n: c.checks })}</span>
            </div>
            <PhoneLink phone={c.phone} />
          </li>
        )}
      </QueryList>
    </section>
  );
}
