import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../../web/api.ts';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { ReportRows } from '../../../web/import/ReportRows.tsx';
import { useFileImport } from '../../../web/import/useFileImport.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { establishmentImport } from '../schemas.ts';

type ImportResult = z.infer<typeof establishmentImport>;

/**
 * A district's or commune's list of establishments (.xlsx/.csv) sent through the project's upload route and
 * import pipeline (all-or-nothing, as the CLI's `import establishments`): the rejected rows are named with their
 * column and reason, and nothing is stored until the list is clean.
 */
export function ImportEstablishments({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const wizard = useFileImport<ImportResult>();
  const result = wizard.result;
  return (
    <form
      className="card import-establishments"
      onSubmit={async (e) => {
        e.preventDefault();
        const answer = await wizard.run((uploadId) =>
          api<ImportResult>('POST', '/api/establishments/imports', { uploadId, unit }),
        );
        if (answer?.committed) await client.invalidateQueries({ queryKey: ['inspections'] });
      }}
    >
      <label htmlFor="est-import-file">{t('inspections.import.file')}</label>
      <input
        id="est-import-file"
        type="file"
        accept=".xlsx,.csv"
        aria-invalid={Boolean(wizard.fileProblem)}
        onChange={(e) => wizard.chooseFile(e.target.files?.[0] ?? null)}
      />
      {wizard.fileProblem && <p className="field-error">{wizard.fileProblem}</p>}
      <button
        type="submit"
        className="btn"
        disabled={!wizard.file || wizard.busy || Boolean(wizard.fileProblem)}
      >
        {wizard.busy ? t('inspections.import.sending') : t('inspections.import.send')}
      </button>
      {wizard.error ? <ErrorNotice error={wizard.error} /> : null}
      {result && (
        <div role="status" data-testid="est-import-result">
          <p>
            {result.committed
              ? t('inspections.import.done', { n: result.imported })
              : t('inspections.import.refused', { n: result.rejected, read: result.rowsRead })}
          </p>
          {result.errors.length > 0 && <ReportRows entries={result.errors} testId="est-import-rejected" />}
        </div>
      )}
    </form>
  );
}
