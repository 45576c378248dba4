import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../web/format.ts';
import { ScrollArea } from '../../../web/ScrollArea.tsx';
import { type ClassCounts, COVERAGE_CLASSES, groupTotal } from './vaccination-api.ts';

export interface TableRow {
  key: string;
  label: string;
  counts: ClassCounts;
  /** Shown in bold at the foot (the unit itself under its communes). */
  total?: boolean;
  /** Opens the row's own view (a district's communes); none for the last level. */
  onOpen?: () => void;
}

/**
 * The charts' numbers as a table: accessible and printable; each class as a count and a share of the row's
 * people (the four classes add up to them).
 */
export function CoverageTable({
  rows,
  caption,
  firstColumn,
  testId,
  rowTestId,
}: {
  rows: TableRow[];
  caption: string;
  firstColumn: string;
  testId: string;
  rowTestId: string;
}) {
  const { t } = useTranslation();
  const line = (row: TableRow) => {
    const total = groupTotal(row.counts);
    return (
      <tr
        key={row.key}
        data-testid={rowTestId}
        data-key={row.key}
        className={total === 0 ? 'row-empty' : undefined}
      >
        <th scope="row">
          {row.onOpen ? (
            <button type="button" className="link-button" onClick={row.onOpen}>
              {row.label}
            </button>
          ) : (
            row.label
          )}
        </th>
        <td className="num count-total" data-testid="cov-people" data-count={total}>
          {formatNumber(total)}
        </td>
        {COVERAGE_CLASSES.map((c) => (
          <td key={c} className={`num cov-cell cov-${c}`} data-testid={`cov-${c}`} data-count={row.counts[c]}>
            <span className="cov-count">{formatNumber(row.counts[c])}</span>
            <span className="cov-share">{formatPercent(row.counts[c], total)}</span>
          </td>
        ))}
      </tr>
    );
  };
  const body = rows.filter((r) => !r.total);
  const foot = rows.filter((r) => r.total);
  return (
    <ScrollArea>
      <table className="table coverage-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col" className="num">
              {t('vaccination.coverage.people')}
            </th>
            {COVERAGE_CLASSES.map((c) => (
              <th key={c} scope="col" className="num">
                <span className={`swatch swatch-cov-${c}`} aria-hidden="true" />
                {t(`vaccination.classes.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        {body.length > 0 && <tbody>{body.map(line)}</tbody>}
        {foot.length > 0 && <tfoot>{foot.map(line)}</tfoot>}
      </table>
    </ScrollArea>
  );
}
