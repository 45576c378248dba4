import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatNumber, isoDateToText } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { ScrollArea } from '../../../web/ScrollArea.tsx';
import { type UnitSummary, useCaseSummary } from './cases-api.ts';

const COLUMNS = [
  ['newCases', 'newCases'],
  ['underTreatmentHome', 'home'],
  ['underTreatmentFacility', 'facility'],
  ['recovered', 'recovered'],
  ['deaths', 'deaths'],
  ['newContacts', 'newContacts'],
  ['inQuarantine', 'inQuarantine'],
  ['casesLast7Days', 'last7'],
] as const;

function Line({ unit, total }: { unit: UnitSummary; total?: boolean }) {
  return (
    <tr className={total ? 'count-total' : undefined} data-testid="summary-row" data-code={unit.code}>
      <th scope="row">{unit.name}</th>
      {COLUMNS.map(([field]) => (
        <td key={field} className="num">
          {formatNumber(unit[field])}
        </td>
      ))}
      <td className="num">
        {formatNumber(unit.testsDone)} ({formatNumber(unit.testsPositive)})
      </td>
    </tr>
  );
}

/** The day's numbers: a row per unit just below (a district's communes), the unit itself at the foot. */
export function SummaryTable({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const summary = useCaseSummary(unit);
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorNotice error={summary.error} onRetry={() => void summary.refetch()} />;
  const [root, ...below] = summary.data.units;
  const children = below.filter((u) => u.level === root!.level + 1);
  const title = t('cases.summary.title', { date: isoDateToText(summary.data.date) });
  return (
    <section className="card" aria-labelledby="summary-h">
      <h2 id="summary-h">{title}</h2>
      <ScrollArea label={title}>
        <table className="table cases-summary" data-testid="cases-summary">
          <thead>
            <tr>
              <th scope="col">{t('cases.summary.unit')}</th>
              {COLUMNS.map(([field, label]) => (
                <th key={field} scope="col" className="num">
                  {t(`cases.summary.${label}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('cases.summary.tests')}
              </th>
            </tr>
          </thead>
          <tbody>
            {children.map((u) => (
              <Line key={u.code} unit={u} />
            ))}
          </tbody>
          <tfoot>
            <Line unit={root!} total />
          </tfoot>
        </table>
      </ScrollArea>
    </section>
  );
}
