import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDateTime, formatNumber } from '../../../web/format.ts';
import { type ImportBatch, importErrorsUrl, useUndoBatch } from './persons-api.ts';

/** One import: file, time, mode, counts, status; a stored one can be undone, rejected rows downloaded. */
export function BatchRow({ batch, canUndo }: { batch: ImportBatch; canUndo: boolean }) {
  const { t } = useTranslation();
  const undo = useUndoBatch();
  const confirmUndo = () => {
    if (
      window.confirm(
        t('persons.imports.confirmUndo', { file: batch.file_name, n: formatNumber(batch.imported) }),
      )
    )
      undo.mutate(batch.id);
  };
  const badge =
    batch.status === 'committed'
      ? 'badge-on'
      : batch.status === 'refused'
        ? 'badge-status-moved'
        : 'badge-off';
  return (
    <li className={batch.status === 'committed' ? 'row' : 'row row-muted'} data-testid="batch-row">
      <div className="row-main">
        <strong className="file-name">{batch.file_name}</strong>{' '}
        <span className={`badge ${badge}`}>{t(`persons.imports.statuses.${batch.status}`)}</span>
        <div className="row-meta">
          <span>{formatDateTime(batch.created_at)}</span>
          <span>{t(`persons.import.modes.${batch.mode}`)}</span>
          <span>
            {t('persons.imports.counts', {
              read: formatNumber(batch.rows_read),
              imported: formatNumber(batch.imported),
              rejected: formatNumber(batch.rejected),
            })}
          </span>
        </div>
      </div>
      <div className="row-actions">
        {batch.rejected > 0 && (
          <a className="btn btn-small" href={importErrorsUrl(batch.id)} download>
            {t('persons.imports.errors')}
          </a>
        )}
        {canUndo && batch.status === 'committed' && (
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={undo.isPending}
            onClick={confirmUndo}
          >
            {t('persons.imports.undo')}
          </button>
        )}
      </div>
      {undo.isError && <ErrorNotice error={undo.error} />}
    </li>
  );
}
