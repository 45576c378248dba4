import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { statusOf } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { isoDateToText } from '../../../web/format.ts';
import { useVaccinationCard, type VaccinationCard } from './vaccination-api.ts';
import { doseName, outcomeText } from './worklist-format.ts';
import './vaccination.css';
import { ScrollArea } from '../../../web/ScrollArea.tsx';

const GOOD = new Set(['primaryComplete', 'boosterReceived']);
const GAP = new Set(['notVaccinated', 'partial', 'boosterDue']);

/** "Đủ liều cơ bản (12/10/2021)", "Đến hạn tiêm nhắc lại từ 10/01/2022 — quá hạn", "Tạm hoãn: có thai". */
function StatusLine({ card }: { card: VaccinationCard }) {
  const { t } = useTranslation();
  const s = card.status;
  const tone = GOOD.has(s.status) ? 'badge-on' : GAP.has(s.status) && s.overdue ? 'badge-late' : 'badge-wait';
  return (
    <p className="vaccination-status">
      <span className={`badge ${tone}`} data-testid="vaccination-status" data-status={s.status}>
        {t(`vaccination.card.statuses.${s.status}`)}
      </span>
      {s.date && <> {t('vaccination.card.since', { date: isoDateToText(s.date) })}</>}
      {s.reason && <> — {s.reason}</>}
      {s.next && s.dueFrom && (
        <span className="muted">
          {' '}
          · {t('vaccination.card.next', { dose: doseName(t, s.next), date: isoDateToText(s.dueFrom) })}
          {s.overdue && <strong className="deadline-overdue"> {t('vaccination.card.overdue')}</strong>}
        </span>
      )}
    </p>
  );
}

/**
 * The person card's vaccination part: status today, each dose (product, date, site, lot, warnings) and the
 * contacts recorded from the worklist. Hidden for roles without the vaccination right.
 */
export function PersonVaccination({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const card = useVaccinationCard(personId);
  if (statusOf(card.error) === 403 || statusOf(card.error) === 404) return null;
  return (
    <section
      className="card vaccination-card"
      data-testid="person-vaccination"
      aria-labelledby="vaccination-title"
    >
      <div className="section-head">
        <h2 id="vaccination-title">{t('vaccination.card.title')}</h2>
      </div>
      {card.isPending && <p className="loading">{t('app.loading')}</p>}
      {card.isError && <ErrorNotice error={card.error} onRetry={() => void card.refetch()} />}
      {card.data && (
        <>
          <StatusLine card={card.data} />
          {card.data.doses.length === 0 ? (
            <p className="muted">{t('vaccination.card.noDoses')}</p>
          ) : (
            <ScrollArea>
              <table className="table doses-table" data-testid="doses-table">
                <thead>
                  <tr>
                    <th scope="col">{t('vaccination.card.dose')}</th>
                    <th scope="col">{t('vaccination.card.vaccine')}</th>
                    <th scope="col">{t('vaccination.card.date')}</th>
                    <th scope="col">{t('vaccination.card.site')}</th>
                    <th scope="col">{t('vaccination.card.lot')}</th>
                  </tr>
                </thead>
                <tbody>
                  {card.data.doses.map((d) => (
                    <tr key={d.id} data-testid="dose-row">
                      <td className="nowrap">
                        {d.kind === 'additional'
                          ? t('vaccination.card.additional')
                          : doseName(t, {
                              kind: d.kind === 'booster' ? 'booster' : 'primary',
                              number: d.doseNumber,
                              dueFrom: null,
                              overdueFrom: null,
                            })}
                      </td>
                      <td>
                        {t(`vaccination.vaccines.${d.vaccine}`)}
                        {d.warnings.map((w) => (
                          <span key={w.vi} className="dose-warning">
                            {w[lang]}
                          </span>
                        ))}
                      </td>
                      <td className="num nowrap">{isoDateToText(d.date)}</td>
                      <td>{d.site ?? ''}</td>
                      <td className="num">{d.lot ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          )}
          {card.data.outcomes.length > 0 && (
            <>
              <h3 className="outcomes-title">{t('vaccination.card.contacts')}</h3>
              <ul className="plain-list outcome-list">
                {card.data.outcomes.slice(0, 5).map((o) => (
                  <li key={o.id}>{outcomeText(t, o)}</li>
                ))}
              </ul>
            </>
          )}
          <p className="no-print">
            <Link to="/vaccination/worklist">{t('vaccination.card.toWorklist')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
