import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../core/errors.ts';
import { formatNumber } from '../format.ts';
import { ScrollArea } from '../ScrollArea.tsx';

/** Rows beyond this are in the downloadable report only: a phone would choke on thousands of rows. */
const SHOWN = 200;

interface ReportEntry {
  row: number;
  column: string;
  reason: Message;
  kind?: string;
}

/**
 * An import's report: Excel row number, column as headed in the file, reason in the interface language, and,
 * for reports that mix them, what kind of entry it is (rejected, warning, ignored).
 */
export function ReportRows<E extends ReportEntry>(props: {
  entries: E[];
  testId: string;
  kindHeader?: string;
  kindOf?: (entry: E) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { entries, kindOf } = props;
  return (
    <>
      <ScrollArea>
        <table className="table rejected-table">
          <thead>
            <tr>
              <th scope="col" className="col-row">
                {t('persons.import.row')}
              </th>
              {kindOf && <th scope="col">{props.kindHeader}</th>}
              <th scope="col">{t('persons.import.column')}</th>
              <th scope="col">{t('persons.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, SHOWN).map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several entries; the list is fixed.
              <tr key={i} data-testid={props.testId} data-row={e.row} data-kind={e.kind}>
                <th scope="row" className="col-row num">
                  {e.row}
                </th>
                {kindOf && <td>{kindOf(e)}</td>}
                <td>{e.column.replace(/\s+/g, ' ')}</td>
                <td>{e.reason[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      {entries.length > SHOWN && (
        <p className="note">{t('persons.import.moreErrors', { n: formatNumber(entries.length - SHOWN) })}</p>
      )}
    </>
  );
}
