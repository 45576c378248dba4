import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../web/format.ts';
import type { ImportRowError } from './persons-api.ts';

/** Rows beyond this are in the downloadable report only: a phone would choke on thousands of rows. */
const SHOWN = 200;

/** The rejected rows: Excel row number, column as headed in the file, reason in the interface language. */
export function RejectedRows({ errors }: { errors: ImportRowError[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <>
      <div className="table-scroll">
        <table className="table rejected-table">
          <thead>
            <tr>
              <th scope="col" className="col-row">
                {t('persons.import.row')}
              </th>
              <th scope="col">{t('persons.import.column')}</th>
              <th scope="col">{t('persons.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN).map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several errors; the list is fixed.
              <tr key={i} data-testid="import-error-row" data-row={e.row}>
                <th scope="row" className="col-row num">
                  {e.row}
                </th>
                <td>{e.column.replace(/\s+/g, ' ')}</td>
                <td>{e.reason[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > SHOWN && (
        <p className="note">{t('persons.import.moreErrors', { n: formatNumber(errors.length - SHOWN) })}</p>
      )}
    </>
  );
}
