import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../web/format.ts';
import { ScrollArea } from '../../../web/ScrollArea.tsx';
import { COMPLIANCE_CLASSES, type ComplianceRow, type ComplianceView } from './directives-api.ts';

/** The chart's numbers as a table: accessible, printable; one row per unit, the totals at the foot. */
export function ComplianceTable({
  view,
  onOpenUnit,
}: {
  view: ComplianceView;
  /** Units whose own units can be shown (a province's districts); none for a district's communes. */
  onOpenUnit?: (row: ComplianceRow) => void;
}) {
  const { t } = useTranslation();
  const cells = (counts: ComplianceRow['counts']) => (
    <>
      {COMPLIANCE_CLASSES.map((c) => (
        <td
          key={c}
          className={counts[c] > 0 ? `num count-cell count-${c}` : 'num count-cell'}
          data-testid={`count-${c}`}
        >
          {formatNumber(counts[c])}
        </td>
      ))}
      <td className="num count-cell" data-testid="count-reportedDone">
        {formatNumber(counts.states.reportedDone)}
      </td>
      <td className="num count-cell count-total" data-testid="count-total">
        {formatNumber(counts.total)}
      </td>
    </>
  );
  return (
    <ScrollArea>
      <table className="table compliance-table" data-testid="compliance-table">
        <caption className="visually-hidden">
          {t('directives.compliance.caption', { unit: view.unit.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('directives.compliance.unit')}</th>
            {COMPLIANCE_CLASSES.map((c) => (
              <th key={c} scope="col" className="num">
                <span className={`swatch swatch-${c}`} aria-hidden="true" />
                {t(`directives.compliance.classes.${c}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('directives.compliance.awaiting')}
            </th>
            <th scope="col" className="num">
              {t('directives.compliance.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr
              key={`${row.unitCode}/${row.organizationId ?? ''}`}
              data-testid="compliance-row"
              data-unit={row.unitCode}
              className={row.counts.total === 0 ? 'row-empty' : undefined}
            >
              <th scope="row">
                {onOpenUnit && row.organizationId === null && row.unitCode !== view.unit.code ? (
                  <button type="button" className="link-button" onClick={() => onOpenUnit(row)}>
                    {row.name}
                  </button>
                ) : (
                  row.name
                )}
              </th>
              {cells(row.counts)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('directives.compliance.totalRow')}</th>
            {cells(view.totals)}
          </tr>
        </tfoot>
      </table>
    </ScrollArea>
  );
}
