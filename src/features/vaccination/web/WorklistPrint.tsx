import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../web/format.ts';
import type { WorklistEntry } from './vaccination-api.ts';
import { birthOf, needText, outcomeText } from './worklist-format.ts';

/**
 * The worklist on A4 for the village's community team (shown only when printing): title, commune, the list's
 * filters and the date; one line per person with an empty column to write what the contact gave. The page on
 * screen (`offset` rows come before it); the whole list is the .xlsx.
 */
export function WorklistPrint({
  title,
  unitName,
  filters,
  persons,
  offset,
  showVillage,
}: {
  title: string;
  unitName: string;
  filters: string;
  persons: WorklistEntry[];
  offset: number;
  showVillage: boolean;
}) {
  const { t } = useTranslation();
  return (
    <article className="print-sheet print-only" data-testid="worklist-print">
      <header className="print-head">
        <p className="print-unit">{unitName.toLocaleUpperCase('vi')}</p>
        <h1 className="print-title" data-testid="worklist-print-title">
          {title}
        </h1>
        <p className="print-filters">{filters}</p>
        <p className="print-date">{t('persons.print.printedOn', { date: formatDate(new Date()) })}</p>
      </header>
      <table className="table print-table worklist-print-table">
        <thead>
          <tr>
            <th scope="col" className="col-no">
              {t('persons.print.no')}
            </th>
            <th scope="col">{t('persons.fields.fullName')}</th>
            <th scope="col">{t('persons.fields.birthDate')}</th>
            {showVillage && <th scope="col">{t('persons.fields.village')}</th>}
            <th scope="col">{t('persons.fields.phone')}</th>
            <th scope="col">{t('vaccination.worklist.needsColumn')}</th>
            <th scope="col">{t('vaccination.worklist.lastOutcome')}</th>
            <th scope="col" className="col-note">
              {t('vaccination.worklist.resultColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {persons.map((p, i) => (
            <tr key={p.personId}>
              <td className="col-no num">{offset + i + 1}</td>
              <td>{p.fullName}</td>
              <td className="num nowrap">{birthOf(p)}</td>
              {showVillage && <td>{p.villageName ?? ''}</td>}
              <td className="num nowrap">{p.phone ?? ''}</td>
              <td>{needText(t, p)}</td>
              <td>{p.outcome ? outcomeText(t, p.outcome) : ''}</td>
              <td className="col-note" />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="print-count">{t('persons.print.count', { n: formatNumber(persons.length) })}</p>
    </article>
  );
}
