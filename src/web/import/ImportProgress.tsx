import { useTranslation } from 'react-i18next';

/** The upload's progress (bytes sent), then an indeterminate bar while the server reads every row. */
export function ImportProgress({
  phase,
  loaded,
  total,
}: {
  phase: 'uploading' | 'importing';
  loaded: number;
  total: number;
}) {
  const { t } = useTranslation();
  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
  return (
    <div className="import-progress" role="status" aria-live="polite">
      {phase === 'uploading' ? (
        <>
          <p>{t('persons.import.uploading', { percent })}</p>
          <progress
            className="progress"
            max={100}
            value={percent}
            aria-label={t('persons.import.uploadProgress')}
            data-testid="upload-progress"
          />
        </>
      ) : (
        <>
          <p>{t('persons.import.importing')}</p>
          <progress className="progress" aria-label={t('persons.import.importing')} />
        </>
      )}
    </div>
  );
}
